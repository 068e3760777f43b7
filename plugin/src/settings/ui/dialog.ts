import { type Child, h } from './dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest('[hidden]'));
}

export interface ModalOptions {
  /** The dialog's title, also its accessible name. */
  title: string;
  testid: string;
  body: Child[];
  /** Element that gets focus when the dialog opens (default: the first focusable). */
  initialFocus?: () => HTMLElement | null;
  /** Called once the dialog is closed, however it was closed. */
  onClose?: () => void;
  /** Where focus goes after closing (default: the control that opened the dialog). */
  returnFocus?: () => HTMLElement | null;
}

export interface Modal {
  element: HTMLDialogElement;
  close(): void;
}

/**
 * A modal `<dialog>`: the page behind is inert, Tab and Shift+Tab cycle inside it, Escape closes
 * it, and focus returns to the control that opened it.
 */
export function openModal(options: ModalOptions): Modal {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `${options.testid}-title`;
  const dialog = h(
    'dialog',
    { class: 'k2c-dialog', 'data-testid': options.testid, 'aria-labelledby': titleId },
    h('h2', { id: titleId, class: 'k2c-dialog-title', text: options.title }),
    ...options.body,
  );
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    options.onClose?.();
    (options.returnFocus?.() ?? opener)?.focus();
  };
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // The browser's own Escape handling ("cancel") goes through the same path.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  // A click on the backdrop (outside the dialog's box) closes it, as people expect.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside) close();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  (options.initialFocus?.() ?? focusables(dialog)[0])?.focus();
  return { element: dialog, close };
}

export interface ConfirmOptions {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  testid: string;
}

/** Asks a yes/no question in a modal dialog; resolves true only for the confirm button. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const cancel = h('button', {
      type: 'button',
      class: 'kintoneplugin-button-dialog-cancel',
      'data-testid': `${options.testid}-cancel`,
      text: options.cancel,
      onclick: () => modal.close(),
    });
    const confirm = h('button', {
      type: 'button',
      class: 'kintoneplugin-button-dialog-ok k2c-button-danger',
      'data-testid': `${options.testid}-confirm`,
      text: options.confirm,
      onclick: () => {
        answer = true;
        modal.close();
      },
    });
    const modal = openModal({
      title: options.title,
      testid: options.testid,
      body: [
        h('p', { class: 'k2c-dialog-text', text: options.message }),
        h('div', { class: 'k2c-dialog-actions' }, cancel, confirm),
      ],
      // The safe choice has focus, so Enter right away does not delete.
      initialFocus: () => cancel,
      onClose: () => resolve(answer),
    });
  });
}
