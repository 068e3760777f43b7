import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ChatworkFake, ReceivedMessage } from '../../chatwork-fake/index';
import { type ConnectedAccount, connectAccount } from '../../support/index';
import {
  botAccount,
  type LimitedChatwork,
  messagesOf,
  roomIds,
  SCALED_LIMITS,
  startLimitedChatwork,
} from './limited-chatwork';
import { allArrived, auditDeliveries } from './notifications';
import { RelayCluster } from './relay-cluster';
import { type SendResult, sendNotifications, spreadOverRooms } from './send-notifications';
import {
  type DeliveryRow,
  deliveryRows,
  openLoadDatabase,
  reportOnFailure,
  statusCounts,
  waitUntil,
} from './vitest-support';

export interface ScenarioOptions {
  /** The ChatWork token of the bot account the relays post with (each test uses a token of its own). */
  token: string;
  /** The bot account's ChatWork account_id. */
  accountId: string;
  /** The bot's rooms are `firstRoom`, `firstRoom + 1`, … (each test posts to rooms of its own). */
  firstRoom: number;
  roomCount: number;
  /** Relay processes started at once. */
  instances: number;
  /** Relay settings on top of the ChatWork limits (SCALED_LIMITS) the fake enforces. */
  env?: Record<string, string>;
}

/** One test's ChatWork fake, relay processes and connected account, stopped again after the test. */
export interface Scenario {
  fake: ChatworkFake;
  relays: RelayCluster;
  /** The account connected through the first relay with `token`. */
  account: ConnectedAccount;
  rooms: string[];
  /** Notifications for records `first…first+count-1` over the rooms, round-robin over the live relays. */
  send(first: number, count: number): Promise<SendResult>;
  /** The outbox rows of this test's rooms. */
  rows(): Promise<DeliveryRow[]>;
  /** What ChatWork received with `token`. */
  messages(): ReceivedMessage[];
  bodies(): string[];
  /** Waits until every `accepted` record is in ChatWork (posted with `token`). */
  waitForArrival(accepted: number[], options: { timeoutMs: number; what: string }): Promise<number>;
  /** Waits until there are outbox rows and every one is recorded as delivered. */
  waitAllDelivered(options: { timeoutMs: number }): Promise<number>;
}

/**
 * The setup every multi-process fault test shares: a fresh PostgreSQL database for the file, and per
 * test (`start`) the ChatWork fake under SCALED_LIMITS with one bot account, relay processes on the
 * database that are told the same limits, and an account connected through them. Call it in the
 * `describe` body: it registers the hooks that stop the processes after each test and drop the
 * database after the file; a failing test prints every relay's output.
 */
export function loadScenario(): { start(options: ScenarioOptions): Promise<Scenario> } {
  let database: Awaited<ReturnType<typeof openLoadDatabase>> | undefined;
  let chatwork: LimitedChatwork | undefined;
  let cluster: RelayCluster | undefined;

  beforeAll(async () => {
    database = await openLoadDatabase();
  });
  afterEach(async () => {
    await cluster?.close();
    await chatwork?.fake.close();
    cluster = undefined;
    chatwork = undefined;
  });
  afterAll(async () => {
    await database?.close();
  });

  return {
    async start(options) {
      const db = database;
      if (!db) throw new Error('loadScenario: the database is not open (call start() inside a test)');
      const limited = await startLimitedChatwork(SCALED_LIMITS);
      chatwork = limited;
      const { fake } = limited;
      const rooms = roomIds(options.firstRoom, options.roomCount);
      fake.addAccount(botAccount(options.token, options.accountId, rooms));
      const relays = await RelayCluster.start({
        databaseUrl: db.url,
        chatworkUrl: fake.url,
        instances: options.instances,
        env: { ...limited.relayEnv, ...options.env },
      });
      cluster = relays;
      reportOnFailure(() => relays.describe());
      const account = await connectAccount(relays.next().url, options.token);

      const rows = () => deliveryRows(db, rooms);
      const messages = () => messagesOf(fake, options.token);
      const bodies = () => messages().map((message) => message.body);
      return {
        fake,
        relays,
        account,
        rooms,
        send: (first, count) =>
          sendNotifications(spreadOverRooms(first, count, rooms), {
            connectionKey: account.connectionKey,
            target: () => relays.next().url,
          }),
        rows,
        messages,
        bodies,
        waitForArrival: (accepted, wait) =>
          waitUntil(() => allArrived(accepted, bodies()), {
            ...wait,
            status: () => `missing ${auditDeliveries(accepted, bodies()).lost.join(', ')}`,
          }),
        waitAllDelivered: (wait) =>
          waitUntil(
            async () => {
              const current = await rows();
              return current.length > 0 && current.every((row) => row.status === 'delivered');
            },
            {
              ...wait,
              what: 'every delivery recorded as delivered',
              status: async () => JSON.stringify(statusCounts(await rows())),
            },
          ),
      };
    },
  };
}
