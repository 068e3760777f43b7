import { RULE_LIMITS } from '@k2c/rules';
import { IDS } from '../problem-targets';
import { findRoom } from '../room-filter';
import type { RuleDraft } from '../rule-draft';
import type { PageContext } from './context';
import { h } from './dom';
import { type IconName, icon } from './icons';
import { errorSlot } from './problems';

export interface RuleListActions {
  select(index: number): void;
  add(): void;
  duplicate(index: number): void;
  move(index: number, direction: -1 | 1): void;
  remove(index: number): void;
  toggle(index: number, enabled: boolean): void;
}

export const ruleRowId = (index: number) => `rule-row-${index}`;

/** The rule list as a kintone-style table: name (opens the editor), events, room, enabled, actions. */
export function ruleList(ctx: PageContext, actions: RuleListActions): HTMLElement {
  const { messages, state } = ctx;
  const { rules, selected } = state.list;
  const rooms = state.rooms.kind === 'ready' ? state.rooms.rooms : null;
  const withProblems = new Set(state.problems.map((problem) => problem.rule).filter((rule) => rule !== undefined));

  const iconButton = (
    index: number,
    name: string,
    glyph: IconName,
    label: string,
    onclick: () => void,
    disabled = false,
  ) =>
    h(
      'button',
      {
        type: 'button',
        class: 'k2c-icon-button',
        'data-testid': `${ruleRowId(index)}-${name}`,
        id: `${ruleRowId(index)}-${name}`,
        'aria-label': label,
        title: label,
        disabled,
        onclick,
      },
      icon(glyph),
    );

  const rowFor = (rule: RuleDraft, index: number) => {
    const name = rule.name.trim() || messages.untitled;
    const room = findRoom(rooms, rule.roomId);
    const roomText =
      rule.roomId.trim() === '' ? messages.roomUnset : room ? `${room.name} (${room.roomId})` : rule.roomId;
    const isSelected = index === selected;
    return h(
      'tr',
      { 'data-testid': ruleRowId(index), class: isSelected ? 'k2c-row-selected' : null },
      h('td', { class: 'k2c-cell-order', text: String(index + 1) }),
      h(
        'td',
        { class: 'k2c-cell-name' },
        h(
          'button',
          {
            type: 'button',
            class: 'k2c-link',
            id: `${ruleRowId(index)}-edit`,
            'data-testid': `${ruleRowId(index)}-edit`,
            'aria-current': isSelected ? 'true' : null,
            'aria-label': messages.editRule(name),
            onclick: () => actions.select(index),
          },
          name,
        ),
        isSelected ? h('span', { class: 'k2c-badge k2c-badge-info', text: messages.selectedRule }) : null,
        withProblems.has(index)
          ? h('span', {
              class: 'k2c-badge k2c-badge-error',
              'data-testid': `${ruleRowId(index)}-problems`,
              text: messages.needsAttention,
            })
          : null,
      ),
      h('td', { class: 'k2c-cell-events', text: rule.events.map((event) => messages.events[event]).join('・') || '—' }),
      h('td', { class: 'k2c-cell-room', text: roomText }),
      h(
        'td',
        { class: 'k2c-cell-enabled' },
        h('input', {
          type: 'checkbox',
          'data-testid': `${ruleRowId(index)}-enabled`,
          'aria-label': messages.toggleEnabled(name),
          checked: rule.enabled,
          onchange: (event) => actions.toggle(index, (event.target as HTMLInputElement).checked),
        }),
      ),
      h(
        'td',
        { class: 'k2c-cell-actions' },
        iconButton(
          index,
          'duplicate',
          'copy',
          messages.duplicateRule(name),
          () => actions.duplicate(index),
          rules.length >= RULE_LIMITS.rules,
        ),
        iconButton(index, 'up', 'up', messages.moveUp(name), () => actions.move(index, -1), index === 0),
        iconButton(
          index,
          'down',
          'down',
          messages.moveDown(name),
          () => actions.move(index, 1),
          index === rules.length - 1,
        ),
        iconButton(index, 'delete', 'trash', messages.deleteRule(name), () => actions.remove(index)),
      ),
    );
  };

  const th = (text: string, className = '') =>
    h('th', { class: `kintoneplugin-table-th ${className}`.trim(), scope: 'col' }, h('span', { class: 'title', text }));
  const atLimit = rules.length >= RULE_LIMITS.rules;

  return h(
    'div',
    { class: 'k2c-rule-list' },
    rules.length === 0
      ? h('p', { class: 'kintoneplugin-desc', 'data-testid': 'no-rules', text: messages.noRules })
      : h(
          'table',
          {
            id: IDS.ruleList,
            class: 'kintoneplugin-table k2c-rule-table',
            'aria-describedby': `${IDS.ruleList}-error`,
          },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              th(messages.colOrder, 'k2c-cell-order'),
              th(messages.colName),
              th(messages.colEvents),
              th(messages.colRoom),
              th(messages.colEnabled, 'k2c-cell-enabled'),
              th(messages.colActions, 'k2c-cell-actions'),
            ),
          ),
          h('tbody', {}, ...rules.map(rowFor)),
        ),
    errorSlot(IDS.ruleList),
    h(
      'div',
      { class: 'k2c-toolbar' },
      h(
        'button',
        {
          type: 'button',
          id: IDS.addRule,
          'data-testid': IDS.addRule,
          class: 'kintoneplugin-button-normal k2c-button-small',
          disabled: atLimit,
          onclick: () => actions.add(),
        },
        icon('plus'),
        messages.addRule,
      ),
      atLimit ? h('span', { class: 'kintoneplugin-desc', text: messages.rulesLimit(RULE_LIMITS.rules) }) : null,
    ),
  );
}
