import { describe, expect, it } from 'vitest';
import { sendTestAndWait } from './delivery-poll';
import type { DeliveryInfo, RelayClient, RelayResult } from './relay-client';

function fakeClient(queued: RelayResult<{ id: string; status: string }>, reads: RelayResult<DeliveryInfo>[]) {
  const calls: string[] = [];
  const client: Pick<RelayClient, 'sendTestMessage' | 'delivery'> = {
    sendTestMessage: async (roomId, appName) => {
      calls.push(`send ${roomId} ${appName}`);
      return queued;
    },
    delivery: async (id) => {
      calls.push(`read ${id}`);
      return reads.shift() ?? { ok: true, value: { id, status: 'queued', attempts: 0 } };
    },
  };
  return { client, calls };
}

/** A clock that advances only when the poller sleeps. */
function clock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

const delivery = (status: DeliveryInfo['status'], extra: Partial<DeliveryInfo> = {}): RelayResult<DeliveryInfo> => ({
  ok: true,
  value: { id: 'd1', status, attempts: 1, ...extra },
});

describe('sendTestAndWait', () => {
  it('polls until delivered, reporting each status', async () => {
    const { client, calls } = fakeClient({ ok: true, value: { id: 'd1', status: 'queued' } }, [
      delivery('sending'),
      delivery('delivered', { chatworkMessageId: '99' }),
    ]);
    const seen: string[] = [];
    const outcome = await sendTestAndWait(client, '2001', 'App', {
      ...clock(),
      onStatus: (status) => seen.push(status),
    });
    expect(outcome).toEqual({
      kind: 'delivered',
      delivery: { id: 'd1', status: 'delivered', attempts: 1, chatworkMessageId: '99' },
    });
    expect(calls).toEqual(['send 2001 App', 'read d1', 'read d1']);
    expect(seen).toEqual(['queued', 'sending', 'delivered']);
  });

  it('reports a failed delivery with its reason', async () => {
    const failed = delivery('failed', { error: { code: 'chatwork_forbidden', message: 'no' } });
    const { client } = fakeClient({ ok: true, value: { id: 'd1', status: 'queued' } }, [failed]);
    expect(await sendTestAndWait(client, '1', '', clock())).toEqual({
      kind: 'failed',
      delivery: failed.ok && failed.value,
    });
  });

  it('stops at a state the relay parks a delivery in with a reason', async () => {
    const held = delivery('held', { error: { code: 'chatwork_not_connected', message: 'No token' } });
    const { client } = fakeClient({ ok: true, value: { id: 'd1', status: 'queued' } }, [delivery('queued'), held]);
    expect(await sendTestAndWait(client, '1', '', clock())).toEqual({
      kind: 'failed',
      delivery: held.ok && held.value,
    });
  });

  it('reports a rejected test message without polling', async () => {
    const { client, calls } = fakeClient({ ok: false, failure: { kind: 'unauthorized', message: '' } }, []);
    expect(await sendTestAndWait(client, '1', '', clock())).toEqual({
      kind: 'rejected',
      failure: { kind: 'unauthorized', message: '' },
    });
    expect(calls).toHaveLength(1);
  });

  it('gives up after the timeout, riding out failed reads', async () => {
    const { client, calls } = fakeClient({ ok: true, value: { id: 'd1', status: 'queued' } }, [
      { ok: false, failure: { kind: 'unreachable', detail: '' } },
    ]);
    expect(await sendTestAndWait(client, '1', '', { ...clock(), intervalMs: 500, timeoutMs: 2_000 })).toEqual({
      kind: 'pending',
      deliveryId: 'd1',
    });
    expect(calls.filter((call) => call.startsWith('read'))).toHaveLength(4);
  });
});
