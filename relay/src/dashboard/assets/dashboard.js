// kintone2chatwork dashboard: small comforts on top of pages that work without any script.
// Copy buttons, confirm prompts before destructive posts, and tidying the address bar.
(() => {
  // Forms with data-confirm ask first. The server asks again (a confirmation page) whenever the
  // hidden "confirmed" field is empty, so without this script nothing happens by one click either.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    const confirmed = form.elements.namedItem('confirmed');
    if (confirmed instanceof HTMLInputElement) confirmed.value = '1';
  });

  async function copyText(input) {
    try {
      await navigator.clipboard.writeText(input.value);
      return true;
    } catch {
      input.focus();
      input.select();
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      }
    }
  }

  for (const button of document.querySelectorAll('button[data-copy-target]')) {
    const input = document.getElementById(button.dataset.copyTarget || '');
    if (!(input instanceof HTMLInputElement)) continue;
    const label = button.textContent;
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    button.after(status);
    let timer;
    button.addEventListener('click', async () => {
      const copied = await copyText(input);
      status.textContent = copied ? button.dataset.copied || '' : button.dataset.copyFailed || '';
      button.textContent = copied ? button.dataset.copied || label : label;
      button.classList.toggle('is-copied', copied);
      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = label;
        button.classList.remove('is-copied');
        status.textContent = '';
      }, 2500);
    });
    button.hidden = false;
  }

  for (const input of document.querySelectorAll('input[data-select-on-focus]')) {
    input.addEventListener('focus', () => input.select());
  }

  // A notice belongs to the moment after an action; reloading the page should not repeat it.
  const url = new URL(window.location.href);
  if (url.searchParams.has('notice')) {
    url.searchParams.delete('notice');
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }

  // After a form comes back with mistakes, start at the first field to fix.
  const invalid = document.querySelector('[aria-invalid="true"]');
  const summary = document.getElementById('form-errors');
  if (invalid instanceof HTMLElement) invalid.focus();
  else if (summary) summary.focus();
})();
