import { apiTokenView } from '../api-token';
import { IDS } from '../problem-targets';
import type { PageContext } from './context';
import { byId } from './dom';

/**
 * The optional kintone API token in config.html: an input when none is stored; once stored, only
 * masked with "Replace token" (an empty input then keeps it) and "Remove token" (undoable until
 * Save). What is shown follows `apiTokenView` of the page state.
 */
export function bindApiTokenPanel(root: HTMLElement, ctx: PageContext): void {
  const { messages, state } = ctx;
  const input = byId(root, IDS.apiToken, HTMLInputElement);
  const label = byId(root, 'kintone-api-token-label', HTMLElement);
  const storedRow = byId(root, 'stored-token-row', HTMLElement);
  const storedText = byId(root, 'stored-token', HTMLElement);
  const replace = byId(root, 'replace-token', HTMLButtonElement);
  const remove = byId(root, 'remove-token', HTMLButtonElement);
  const removedRow = byId(root, 'token-removed-row', HTMLElement);
  const undo = byId(root, 'undo-remove-token', HTMLButtonElement);
  const inputRow = byId(root, 'token-input-row', HTMLElement);
  const keep = byId(root, 'keep-token', HTMLButtonElement);
  const newTokenHelp = byId(root, 'new-token-help', HTMLElement);

  const draw = () => {
    const view = apiTokenView(state.apiToken);
    storedRow.hidden = view.masked === null;
    if (view.masked !== null) storedText.textContent = messages.storedApiToken(view.masked);
    removedRow.hidden = !view.showRemoved;
    inputRow.hidden = !view.showInput;
    keep.hidden = !view.showKeep;
    newTokenHelp.hidden = !view.showKeep;
    label.textContent = view.label === 'newToken' ? messages.newApiTokenLabel : messages.apiTokenLabel;
  };
  /** Switches mode with an empty input (a half-typed token never survives a mode change). */
  const switchTo = (mode: 'keep' | 'replace' | 'remove', focus: HTMLElement) => {
    state.apiToken = { ...state.apiToken, mode, input: '' };
    input.value = '';
    ctx.resolve('apiToken');
    draw();
    focus.focus();
  };

  input.addEventListener('input', () => {
    state.apiToken = { ...state.apiToken, input: input.value };
    ctx.resolve('apiToken');
  });
  replace.addEventListener('click', () => switchTo('replace', input));
  keep.addEventListener('click', () => switchTo('keep', replace));
  remove.addEventListener('click', () => switchTo('remove', undo));
  undo.addEventListener('click', () => switchTo('keep', remove));
  draw();
}
