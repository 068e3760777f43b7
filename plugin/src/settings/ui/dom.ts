export type Child = Node | string | null | undefined | false;

type Handler = (event: Event) => void;

/**
 * Attributes and properties of a new element. `class`, `text`, `value`, `checked`, `selected`,
 * `disabled` and `hidden` are set as properties; `on<event>` adds a listener; `true` becomes an
 * empty attribute; null, undefined and false leave the attribute out.
 */
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden']);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (PROPERTIES.has(name)) {
      // After the children, so a <select>'s value finds its options.
      Reflect.set(element, name, value);
    } else if (value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return element;
}

export function byId<T extends HTMLElement>(root: ParentNode, id: string, type: { new (): T }): T {
  const found = root.querySelector(`#${CSS.escape(id)}`);
  if (!(found instanceof type)) throw new Error(`The settings screen has no ${type.name} #${id}`);
  return found;
}

export function maybeById(root: ParentNode, id: string): HTMLElement | null {
  const found = root.querySelector(`#${CSS.escape(id)}`);
  return found instanceof HTMLElement ? found : null;
}

/** A `<select>` of `[value, label]` pairs, with an optional first "choose…" entry. */
export function options(
  items: ReadonlyArray<readonly [value: string, label: string, disabled?: boolean]>,
  placeholder?: string,
): HTMLOptionElement[] {
  const list = items.map(([value, label, disabled]) =>
    h('option', { value, text: label, disabled: disabled === true }),
  );
  return placeholder === undefined ? list : [h('option', { value: '', text: placeholder }), ...list];
}

/** The row layout of 51-modern-default: label, description, control, inline error. */
export function row(...children: Child[]): HTMLDivElement {
  return h('div', { class: 'kintoneplugin-row' }, ...children);
}

/** One check box of 51-modern-default: the box, then the label that names it. */
export function checkboxItem(input: HTMLInputElement, label: string): HTMLSpanElement {
  return h('span', { class: 'kintoneplugin-input-checkbox-item' }, input, h('label', { for: input.id, text: label }));
}

/** A check box on a line of its own, below the control it qualifies. */
export function checkboxLine(input: HTMLInputElement, label: string): HTMLDivElement {
  return h(
    'div',
    { class: 'k2c-spaced' },
    h('span', { class: 'kintoneplugin-input-checkbox' }, checkboxItem(input, label)),
  );
}

export function setText(element: HTMLElement, text: string): void {
  element.textContent = text;
  element.hidden = text === '';
}
