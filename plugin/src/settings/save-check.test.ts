import { describe, expect, it } from 'vitest';
import type { FieldInfo } from './field-catalog';
import type { ConnectionInfo, RelayResult, RoomInfo } from './relay-client';
import { newRuleDraft } from './rule-draft';
import { checkBeforeSave, inScreenOrder } from './save-check';
import type { Problem, SettingsInput } from './validation';

const fields: FieldInfo[] = [{ code: 'title', label: '件名', type: 'SINGLE_LINE_TEXT', options: [] }];
const rooms: RoomInfo[] = [{ roomId: '2001', name: '営業', type: 'group', role: 'member' }];
const connected: RelayResult<ConnectionInfo> = {
  ok: true,
  value: { tenantName: 'A', plan: { code: 'free', monthlyQuota: 100, usedThisMonth: 0 }, chatwork: null },
};
const input: SettingsInput = {
  relayUrl: 'https://relay.example.com',
  keyInput: 'k2c_key',
  hasStoredKey: false,
  rules: [{ ...newRuleDraft('r1'), roomId: '2001', template: '{{title}}' }],
};

function deps(answer: RelayResult<ConnectionInfo>, roomList: RoomInfo[] | null = rooms) {
  const calls: string[] = [];
  return {
    calls,
    deps: {
      fields,
      client: {
        connection: async () => {
          calls.push('connection');
          return answer;
        },
      },
      rooms: async () => {
        calls.push('rooms');
        return roomList;
      },
      onConnection: () => calls.push('shown'),
    },
  };
}

describe('checkBeforeSave', () => {
  it('passes a good screen after asking the relay and looking the room up', async () => {
    const { deps: d, calls } = deps(connected);
    expect(await checkBeforeSave(input, d)).toEqual({
      problems: [],
      relayUrl: 'https://relay.example.com',
      typedKey: 'k2c_key',
    });
    expect(calls).toEqual(['connection', 'shown', 'rooms']);
  });

  it('blocks on a rejected key and an unreachable relay, before looking at rooms', async () => {
    const rejected = deps({ ok: false, failure: { kind: 'unauthorized', message: '' } });
    expect((await checkBeforeSave(input, rejected.deps)).problems).toEqual([
      { key: 'connectionKey', code: 'keyRejected' },
    ]);
    expect(rejected.calls).toEqual(['connection', 'shown']);
    const down = deps({ ok: false, failure: { kind: 'unreachable', detail: 'ECONNREFUSED' } });
    expect((await checkBeforeSave(input, down.deps)).problems).toEqual([{ key: 'relayUrl', code: 'relayUnreachable' }]);
  });

  it('finds an unknown room only when the room list could be loaded', async () => {
    const unknown = { ...input, rules: [{ ...newRuleDraft('r1'), roomId: '9999', template: 'x' }] };
    expect((await checkBeforeSave(unknown, deps(connected).deps)).problems).toEqual([
      { key: 'room', code: 'roomUnknown', rule: 0, names: ['9999'] },
    ]);
    expect((await checkBeforeSave(unknown, deps(connected, null).deps)).problems).toEqual([]);
  });

  it('does not call the relay when the URL or key is already wrong', async () => {
    const { deps: d, calls } = deps(connected);
    const result = await checkBeforeSave({ ...input, relayUrl: 'nope', rules: [{ ...newRuleDraft('r1') }] }, d);
    expect(result.problems).toEqual([
      { key: 'relayUrl', code: 'relayUrlInvalid' },
      { key: 'room', code: 'roomRequired', rule: 0 },
    ]);
    expect(calls).toEqual([]);
    expect((await checkBeforeSave({ ...input, keyInput: 'a b' }, d)).problems).toEqual([
      { key: 'connectionKey', code: 'keyInvalid' },
    ]);
    expect((await checkBeforeSave(input, { ...d, client: null })).problems).toEqual([]);
  });
});

describe('inScreenOrder', () => {
  it('puts the connection first, then the rule list, then the rules in order', () => {
    const problems: Problem[] = [
      { key: 'room', code: 'roomRequired', rule: 1 },
      { key: 'events', code: 'eventsRequired', rule: 0 },
      { key: 'rules', code: 'tooManyRules' },
      { key: 'connectionKey', code: 'keyRejected' },
      { key: 'template', code: 'templateRequired', rule: 0 },
      { key: 'apiToken', code: 'apiTokenInvalid' },
      { key: 'relayUrl', code: 'relayUnreachable' },
    ];
    expect(inScreenOrder(problems).map((problem) => `${problem.key}${problem.rule ?? ''}`)).toEqual([
      'relayUrl',
      'connectionKey',
      'apiToken',
      'rules',
      'events0',
      'template0',
      'room1',
    ]);
  });
});
