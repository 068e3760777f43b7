import { type NotificationEvent, notificationEvents, RULE_LIMITS } from '@k2c/rules';
import { eventInputId, IDS } from '../problem-targets';
import { changedFieldsEditor } from './changed-fields';
import { conditionEditor } from './condition-editor';
import type { PageContext } from './context';
import { checkboxItem, checkboxLine, h } from './dom';
import { openFieldPicker } from './field-picker';
import { icon } from './icons';
import { mentionEditor } from './mention-editor';
import { describedBy, errorSlot } from './problems';
import { type RoomPicker, roomPicker } from './room-picker';

export interface RuleEditor {
  element: HTMLElement;
  /** Redraws the parts that depend on the room list. */
  roomsChanged(): void;
}

function required(): HTMLElement {
  return h('span', { class: 'kintoneplugin-require', 'aria-hidden': 'true', text: '*' });
}

/** The editor of the selected rule; every change goes straight into the page state. */
export function ruleEditor(ctx: PageContext): RuleEditor {
  const { messages } = ctx;
  const rule = ctx.selectedRule();
  if (!rule) {
    return {
      element: h('p', {
        class: 'kintoneplugin-desc k2c-editor-empty',
        'data-testid': 'editor-empty',
        text: messages.editorEmpty,
      }),
      roomsChanged: () => undefined,
    };
  }
  const heading = h('h3', {
    id: 'rule-editor-heading',
    class: 'k2c-subheading',
    text: messages.editorHeading(rule.name.trim() || messages.untitled),
  });

  const name = h('input', {
    id: IDS.ruleName,
    'data-testid': IDS.ruleName,
    class: 'kintoneplugin-input-text k2c-wide',
    type: 'text',
    maxlength: RULE_LIMITS.nameLength,
    autocomplete: 'off',
    'aria-describedby': describedBy(IDS.ruleName),
    value: rule.name,
    oninput: () => {
      ctx.updateRule({ name: name.value });
      ctx.resolve('name');
      heading.textContent = messages.editorHeading(name.value.trim() || messages.untitled);
    },
  });

  const enabled = h('input', {
    type: 'checkbox',
    id: IDS.ruleEnabled,
    'data-testid': IDS.ruleEnabled,
    checked: rule.enabled,
    onchange: () => ctx.updateRule({ enabled: enabled.checked }),
  });

  let changed: ReturnType<typeof changedFieldsEditor> | undefined;
  const eventBoxes = notificationEvents.map((event) =>
    checkboxItem(
      h('input', {
        type: 'checkbox',
        id: eventInputId(event),
        'data-testid': eventInputId(event),
        name: 'events',
        value: event,
        checked: rule.events.includes(event),
        onchange: () => {
          const chosen = notificationEvents.filter(
            (item) => (document.getElementById(eventInputId(item)) as HTMLInputElement | null)?.checked,
          ) as NotificationEvent[];
          ctx.updateRule({ events: chosen });
          ctx.resolve('events');
          changed?.refresh();
        },
      }),
      messages.events[event],
    ),
  );

  const template = h('textarea', {
    id: IDS.template,
    'data-testid': IDS.template,
    class: 'kintoneplugin-input-textarea k2c-template',
    rows: 7,
    spellcheck: 'false',
    'aria-describedby': describedBy(IDS.template),
    oninput: () => {
      ctx.updateRule({ template: template.value });
      ctx.resolve('template');
    },
  });
  template.value = rule.template;
  const insert = h(
    'button',
    {
      type: 'button',
      id: 'insert-field',
      'data-testid': 'insert-field',
      class: 'kintoneplugin-button-normal k2c-button-small',
      'aria-haspopup': 'dialog',
      onclick: () =>
        openFieldPicker(template, ctx.state.fields, messages, (text) => {
          ctx.updateRule({ template: text });
          ctx.resolve('template');
        }),
    },
    icon('insert'),
    messages.insertField,
  );

  const rooms: RoomPicker = roomPicker(ctx);
  changed = changedFieldsEditor(ctx);

  const element = h(
    'section',
    { class: 'k2c-editor', 'data-testid': 'rule-editor', 'aria-labelledby': 'rule-editor-heading' },
    heading,
    h(
      'div',
      { class: 'kintoneplugin-row' },
      h('label', { class: 'kintoneplugin-label', for: IDS.ruleName, text: messages.ruleNameLabel }),
      h('p', { id: `${IDS.ruleName}-help`, class: 'kintoneplugin-desc', text: messages.ruleNameHelp }),
      h('div', { class: 'kintoneplugin-input-outer' }, name),
      errorSlot(IDS.ruleName),
      checkboxLine(enabled, messages.enabledLabel),
    ),
    h(
      'fieldset',
      { id: IDS.events, class: 'kintoneplugin-row k2c-fieldset', 'aria-describedby': describedBy(IDS.events, false) },
      h('legend', { class: 'kintoneplugin-label' }, messages.eventsLabel, required()),
      h('span', { class: 'kintoneplugin-input-checkbox' }, ...eventBoxes),
      errorSlot(IDS.events),
    ),
    rooms.element,
    h(
      'div',
      { class: 'kintoneplugin-row' },
      h('label', { class: 'kintoneplugin-label', for: IDS.template }, messages.templateLabel, required()),
      h('p', { id: `${IDS.template}-help`, class: 'kintoneplugin-desc', text: messages.templateHelp }),
      h('div', { class: 'k2c-toolbar' }, insert),
      template,
      errorSlot(IDS.template),
    ),
    conditionEditor(ctx),
    changed.element,
    mentionEditor(ctx),
  );
  return { element, roomsChanged: rooms.refresh };
}
