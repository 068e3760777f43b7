import type { RuleDraft } from './rule-draft';

/** The list and which rule the editor shows after an operation (-1: none). */
export interface RuleListState {
  rules: RuleDraft[];
  selected: number;
}

/** The lowest free `r<n>` id: short, stable, and unique within the set (parseRuleSet requires it). */
export function nextRuleId(rules: readonly RuleDraft[]): string {
  const used = new Set(rules.map((rule) => rule.id));
  // One of r1 … r(n+1) is always free among n rules.
  let candidate = 1;
  while (used.has(`r${candidate}`)) candidate++;
  return `r${candidate}`;
}

export function addRule(state: RuleListState, create: (id: string) => RuleDraft): RuleListState {
  const rule = create(nextRuleId(state.rules));
  return { rules: [...state.rules, rule], selected: state.rules.length };
}

function copyDraft(rule: RuleDraft): RuleDraft {
  return {
    ...rule,
    events: [...rule.events],
    conditions: rule.conditions.map((condition) => ({
      ...condition,
      value: Array.isArray(condition.value) ? [...condition.value] : condition.value,
    })),
    changedFields: [...rule.changedFields],
    userMap: rule.userMap.map((row) => ({ ...row })),
  };
}

/** A deep copy with a new id, inserted right after the original and selected. */
export function duplicateRule(state: RuleListState, index: number, nameSuffix: string): RuleListState {
  const original = state.rules[index];
  if (!original) return state;
  const copy = { ...copyDraft(original), id: nextRuleId(state.rules), name: `${original.name}${nameSuffix}` };
  const rules = [...state.rules.slice(0, index + 1), copy, ...state.rules.slice(index + 1)];
  return { rules, selected: index + 1 };
}

/** Moves a rule one place up (-1) or down (+1); the selection follows the rule it was on. */
export function moveRule(state: RuleListState, index: number, direction: -1 | 1): RuleListState {
  const target = index + direction;
  const rule = state.rules[index];
  const other = state.rules[target];
  if (!rule || !other) return state;
  const rules = [...state.rules];
  rules[index] = other;
  rules[target] = rule;
  let selected = state.selected;
  if (selected === index) selected = target;
  else if (selected === target) selected = index;
  return { rules, selected };
}

/** Removes a rule; the selection moves to its neighbour (the next one, else the previous). */
export function deleteRule(state: RuleListState, index: number): RuleListState {
  if (!state.rules[index]) return state;
  const rules = state.rules.filter((_, i) => i !== index);
  let selected = state.selected;
  if (selected === index) selected = Math.min(index, rules.length - 1);
  else if (selected > index) selected -= 1;
  return { rules, selected };
}

export function updateRule(state: RuleListState, index: number, change: Partial<RuleDraft>): RuleListState {
  const rule = state.rules[index];
  if (!rule) return state;
  const rules = [...state.rules];
  rules[index] = { ...rule, ...change };
  return { rules, selected: state.selected };
}
