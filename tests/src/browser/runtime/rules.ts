import type { Rule } from '@k2c/rules';

export const ROOM_ID = '2001';

let nextRuleId = 1;

/** A complete rule as the settings screen saves it; tests name only what matters to them. */
export function rule(overrides: Partial<Rule> & Pick<Rule, 'template' | 'events'>): Rule {
  return {
    id: `r${nextRuleId++}`,
    name: 'テストルール',
    enabled: true,
    roomId: ROOM_ID,
    conditions: { match: 'all', items: [] },
    changedFields: [],
    mentions: { accountIds: [], toAll: false, userMap: {} },
    ...overrides,
  };
}
