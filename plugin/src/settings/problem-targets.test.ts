import { describe, expect, it } from 'vitest';
import { focusId, problemsAt, slotId } from './problem-targets';
import type { Problem } from './validation';

describe('problem targets', () => {
  it('names the error slot and the control to focus for each kind of problem', () => {
    const cases: [Pick<Problem, 'key' | 'item' | 'part'>, string, string][] = [
      [{ key: 'relayUrl' }, 'relay-url', 'relay-url'],
      [{ key: 'connectionKey' }, 'connection-key', 'connection-key'],
      [{ key: 'apiToken' }, 'kintone-api-token', 'kintone-api-token'],
      [{ key: 'rules' }, 'rule-list', 'add-rule'],
      [{ key: 'events' }, 'rule-events', 'rule-event-create'],
      [{ key: 'room' }, 'rule-room-id', 'rule-room-id'],
      [{ key: 'template' }, 'rule-template', 'rule-template'],
      [{ key: 'condition', item: 2, part: 'op' }, 'rule-condition-2', 'rule-condition-2-op'],
      [{ key: 'condition', item: 0 }, 'rule-condition-0', 'rule-condition-0-field'],
      [{ key: 'userMapRow', item: 1, part: 'accountId' }, 'rule-user-map-1', 'rule-user-map-1-accountId'],
      [{ key: 'changedFields' }, 'rule-changed-fields', 'rule-changed-0'],
      [{ key: 'userMap' }, 'rule-user-map', 'add-user-map'],
    ];
    for (const [problem, slot, focus] of cases) {
      expect(slotId(problem)).toBe(slot);
      expect(focusId(problem)).toBe(focus);
    }
  });

  it('splits problems between the connection area and each rule', () => {
    const problems: Problem[] = [
      { key: 'relayUrl', code: 'relayUrlRequired' },
      { key: 'room', code: 'roomRequired', rule: 1 },
      { key: 'events', code: 'eventsRequired', rule: 0 },
    ];
    expect(problemsAt(problems, null)).toEqual([problems[0]]);
    expect(problemsAt(problems, 1)).toEqual([problems[1]]);
  });
});
