import { describe, expect, it } from 'vitest';
import { newRuleDraft, type RuleDraft } from './rule-draft';
import {
  addRule,
  deleteRule,
  duplicateRule,
  moveRule,
  nextRuleId,
  type RuleListState,
  updateRule,
} from './rule-list-ops';

const rule = (id: string, name = id): RuleDraft => newRuleDraft(id, name);
const ids = (state: RuleListState) => state.rules.map((item) => item.id);

describe('nextRuleId', () => {
  it('takes the lowest free r<n>', () => {
    expect(nextRuleId([])).toBe('r1');
    expect(nextRuleId([rule('r1'), rule('r2')])).toBe('r3');
    expect(nextRuleId([rule('r2'), rule('custom')])).toBe('r1');
    expect(nextRuleId([rule('r1'), rule('r3')])).toBe('r2');
  });
});

describe('rule list operations', () => {
  const three: RuleListState = { rules: [rule('r1', 'A'), rule('r2', 'B'), rule('r3', 'C')], selected: 1 };

  it('adds a rule at the end and selects it', () => {
    const state = addRule(three, (id) => rule(id, 'new'));
    expect(ids(state)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(state.selected).toBe(3);
  });

  it('duplicates a rule right after it, deep-copied, with a new id and a suffix', () => {
    const withCondition: RuleListState = {
      rules: [
        {
          ...rule('r1', 'A'),
          conditions: [{ field: 'p', op: 'in', value: ['x'] }],
          userMap: [{ code: 'a', accountId: '1' }],
        },
        rule('r2', 'B'),
      ],
      selected: 0,
    };
    const state = duplicateRule(withCondition, 0, ' のコピー');
    expect(ids(state)).toEqual(['r1', 'r3', 'r2']);
    expect(state.selected).toBe(1);
    const [original, copy] = state.rules;
    expect(copy?.name).toBe('A のコピー');
    expect(copy?.conditions).toEqual(original?.conditions);
    expect(copy?.conditions).not.toBe(original?.conditions);
    expect(copy?.conditions[0]?.value).not.toBe(original?.conditions[0]?.value);
    expect(copy?.userMap[0]).not.toBe(original?.userMap[0]);
  });

  it('moves a rule up and down; the selection follows the selected rule', () => {
    const up = moveRule(three, 1, -1);
    expect(ids(up)).toEqual(['r2', 'r1', 'r3']);
    expect(up.selected).toBe(0);
    const down = moveRule(three, 0, 1);
    expect(ids(down)).toEqual(['r2', 'r1', 'r3']);
    expect(down.selected).toBe(0); // r2 was selected and is now first
    expect(moveRule(three, 2, 1)).toBe(three);
    expect(moveRule(three, 0, -1)).toBe(three);
  });

  it('deletes a rule and moves the selection to a neighbour', () => {
    const removeSelected = deleteRule(three, 1);
    expect(ids(removeSelected)).toEqual(['r1', 'r3']);
    expect(removeSelected.selected).toBe(1);
    const removeLast = deleteRule({ ...three, selected: 2 }, 2);
    expect(removeLast.selected).toBe(1);
    const removeBefore = deleteRule({ ...three, selected: 2 }, 0);
    expect(removeBefore.selected).toBe(1);
    expect(deleteRule({ rules: [rule('r1')], selected: 0 }, 0)).toEqual({ rules: [], selected: -1 });
    expect(deleteRule(three, 9)).toBe(three);
  });

  it('updates one rule without touching the others', () => {
    const state = updateRule(three, 2, { enabled: false, name: 'Z' });
    expect(state.rules[2]).toMatchObject({ id: 'r3', enabled: false, name: 'Z' });
    expect(state.rules[0]).toBe(three.rules[0]);
  });
});
