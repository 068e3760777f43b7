import { type LoadNotificationInput, loadNotification } from './notifications';

export interface SendOptions {
  connectionKey: string;
  /** The relay to send the next notification to (e.g. round-robin over the live processes). */
  target: () => string;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
}

export interface SendResult {
  /** Record ids the relay answered 202 for: each must end up in ChatWork. */
  accepted: number[];
  /** Anything else, as `recordId: status body` or the network error. */
  failures: string[];
}

/** `POST /v1/notifications` as kintone's proxy sends it. */
export async function postNotification(
  relayUrl: string,
  connectionKey: string,
  input: LoadNotificationInput,
): Promise<Response> {
  return fetch(`${relayUrl}/v1/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${connectionKey}` },
    body: JSON.stringify(loadNotification(input)),
  });
}

/** Sends every notification, a few at a time, and sorts the answers into accepted and not. */
export async function sendNotifications(inputs: LoadNotificationInput[], options: SendOptions): Promise<SendResult> {
  const result: SendResult = { accepted: [], failures: [] };
  let next = 0;
  const client = async () => {
    for (let index = next++; index < inputs.length; index = next++) {
      const input = inputs[index] as LoadNotificationInput;
      try {
        const response = await postNotification(options.target(), options.connectionKey, input);
        const text = await response.text();
        if (response.status === 202) result.accepted.push(input.recordId);
        else result.failures.push(`${input.recordId}: ${response.status} ${text.slice(0, 200)}`);
      } catch (error) {
        result.failures.push(`${input.recordId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, client));
  return result;
}

/** Notifications for records `first…first+count-1`, spread over `rooms` in turn. */
export function spreadOverRooms(first: number, count: number, rooms: string[]): LoadNotificationInput[] {
  return Array.from({ length: count }, (_, index) => ({
    recordId: first + index,
    roomId: rooms[index % rooms.length] as string,
  }));
}
