import type { DeliveryInfo, RelayClient, RelayFailure } from './relay-client';

export type TestSendOutcome =
  /** The test message could not be queued. */
  | { kind: 'rejected'; failure: RelayFailure }
  | { kind: 'delivered'; delivery: DeliveryInfo }
  | { kind: 'failed'; delivery: DeliveryInfo }
  /** Still queued or sending when we stopped asking (or the status could not be read). */
  | { kind: 'pending'; deliveryId: string };

export interface PollOptions {
  /** Between two status reads. */
  intervalMs?: number;
  /** How long to keep asking: "a few seconds". */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Called with each status read, for a progress line. */
  onStatus?: (status: string) => void;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Queues the fixed test message for a room, then polls its delivery until it is final. */
export async function sendTestAndWait(
  client: Pick<RelayClient, 'sendTestMessage' | 'delivery'>,
  roomId: string,
  appName: string,
  options: PollOptions = {},
): Promise<TestSendOutcome> {
  const { intervalMs = 500, timeoutMs = 15_000, sleep = wait, now = Date.now, onStatus } = options;
  const queued = await client.sendTestMessage(roomId, appName);
  if (!queued.ok) return { kind: 'rejected', failure: queued.failure };
  const { id } = queued.value;
  onStatus?.(queued.value.status);
  const deadline = now() + timeoutMs;
  while (now() < deadline) {
    await sleep(intervalMs);
    const read = await client.delivery(id);
    if (!read.ok) continue; // A passing hiccup; the deadline still bounds the wait.
    onStatus?.(read.value.status);
    const { status, error } = read.value;
    if (status === 'delivered') return { kind: 'delivered', delivery: read.value };
    // "failed", or a state the relay parks a delivery in with a reason (e.g. held: ChatWork not connected).
    if (status === 'failed' || (status !== 'queued' && status !== 'sending' && error)) {
      return { kind: 'failed', delivery: read.value };
    }
  }
  return { kind: 'pending', deliveryId: id };
}
