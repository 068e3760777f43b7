import { describe, expect, it } from 'vitest';
import { settingsMessages } from '../i18n/settings-messages';
import { deliveryErrorMessage, failureMessage } from './messages-for';
import type { RelayFailure } from './relay-client';

const { ja, en } = settingsMessages;

describe('failureMessage', () => {
  const cases: [RelayFailure, string, string][] = [
    [{ kind: 'unreachable', detail: '' }, ja.failUnreachable, en.failUnreachable],
    [{ kind: 'unauthorized', message: '' }, ja.failUnauthorized, en.failUnauthorized],
    [{ kind: 'not_relay', status: 404 }, ja.failNotRelay, en.failNotRelay],
    [{ kind: 'server', status: 503, code: '', message: '' }, ja.failServer(503), en.failServer(503)],
    [
      { kind: 'server', status: 502, code: 'chatwork_unavailable', message: '' },
      ja.failChatworkUnavailable,
      en.failChatworkUnavailable,
    ],
    [
      { kind: 'error', status: 409, code: 'chatwork_not_connected', message: '' },
      ja.failChatworkNotConnected,
      en.failChatworkNotConnected,
    ],
    [
      { kind: 'error', status: 422, code: 'chatwork_token_rejected', message: '' },
      ja.failChatworkTokenRejected,
      en.failChatworkTokenRejected,
    ],
    [{ kind: 'unexpected', status: 302 }, ja.failUnexpected(302), en.failUnexpected(302)],
  ];

  it.each(cases)('explains %j', (failure, jaText, enText) => {
    expect(failureMessage(failure, ja)).toBe(jaText);
    expect(failureMessage(failure, en)).toBe(enText);
  });

  it('quotes other relay errors with their code', () => {
    expect(
      failureMessage({ kind: 'error', status: 402, code: 'plan_inactive', message: 'Plan is not active' }, en),
    ).toBe('The notification service answered with an error: Plan is not active (plan_inactive)');
  });

  it('says ChatWork is not connected in the words of the brief', () => {
    expect(en.chatworkNotConnected).toBe('ChatWork is not connected yet — connect it on the dashboard.');
  });
});

describe('deliveryErrorMessage', () => {
  it('explains known ChatWork failures and quotes others', () => {
    expect(deliveryErrorMessage({ code: 'chatwork_forbidden', message: 'x' }, ja)).toContain('権限がありません');
    expect(deliveryErrorMessage({ code: 'chatwork_room_not_found', message: 'x' }, en)).toBe(
      'The room was not found. Check the room ID.',
    );
    expect(deliveryErrorMessage({ code: 'odd', message: 'Odd failure' }, en)).toBe('Odd failure (odd)');
    expect(deliveryErrorMessage({ code: 'odd', message: '' }, en)).toBe('odd');
    expect(deliveryErrorMessage(undefined, ja)).toBe(ja.unknownReason);
  });
});
