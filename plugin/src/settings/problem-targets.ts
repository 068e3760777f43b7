import type { Problem, ProblemKey } from './validation';

/**
 * Element ids of the screen's controls. Only the selected rule's editor is on the page, so the
 * ids of rule controls do not carry the rule's index. They double as `data-testid` values.
 */
export const IDS = {
  relayUrl: 'relay-url',
  connectionKey: 'connection-key',
  apiToken: 'kintone-api-token',
  ruleList: 'rule-list',
  addRule: 'add-rule',
  ruleName: 'rule-name',
  ruleEnabled: 'rule-enabled',
  events: 'rule-events',
  roomId: 'rule-room-id',
  template: 'rule-template',
  conditions: 'rule-conditions',
  addCondition: 'add-condition',
  changedFields: 'rule-changed-fields',
  mentionIds: 'rule-mention-ids',
  userField: 'rule-user-field',
  userMap: 'rule-user-map',
  addUserMap: 'add-user-map',
} as const;

export const eventInputId = (event: string) => `rule-event-${event}`;
export const conditionId = (item: number) => `rule-condition-${item}`;
export const userMapRowId = (item: number) => `rule-user-map-${item}`;
export const changedFieldId = (item: number) => `rule-changed-${item}`;

const SLOT_BY_KEY: Record<Exclude<ProblemKey, 'condition' | 'userMapRow'>, string> = {
  relayUrl: IDS.relayUrl,
  connectionKey: IDS.connectionKey,
  apiToken: IDS.apiToken,
  rules: IDS.ruleList,
  name: IDS.ruleName,
  events: IDS.events,
  room: IDS.roomId,
  template: IDS.template,
  conditions: IDS.conditions,
  changedFields: IDS.changedFields,
  mentionIds: IDS.mentionIds,
  userField: IDS.userField,
  userMap: IDS.userMap,
};

/** The id whose `<id>-error` element shows a problem's message. */
export function slotId(problem: Pick<Problem, 'key' | 'item'>): string {
  if (problem.key === 'condition') return conditionId(problem.item ?? 0);
  if (problem.key === 'userMapRow') return userMapRowId(problem.item ?? 0);
  return SLOT_BY_KEY[problem.key];
}

/** The control that gets focus for a problem: the exact input of a row, the first box of a group. */
export function focusId(problem: Pick<Problem, 'key' | 'item' | 'part'>): string {
  switch (problem.key) {
    case 'condition':
      return `${conditionId(problem.item ?? 0)}-${problem.part ?? 'field'}`;
    case 'userMapRow':
      return `${userMapRowId(problem.item ?? 0)}-${problem.part ?? 'code'}`;
    case 'events':
      return eventInputId('create');
    case 'rules':
      return IDS.addRule;
    case 'conditions':
      return IDS.addCondition;
    case 'changedFields':
      return changedFieldId(0);
    case 'userMap':
      return IDS.addUserMap;
    default:
      return slotId(problem);
  }
}

/** Problems of the connection area (no rule) or of one rule. */
export function problemsAt(problems: readonly Problem[], rule: number | null): Problem[] {
  return problems.filter((problem) => (rule === null ? problem.rule === undefined : problem.rule === rule));
}
