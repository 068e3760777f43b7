import type { FieldInfo } from './field-catalog';
import type { ConnectionInfo, RelayClient, RelayResult, RoomInfo } from './relay-client';
import {
  connectionProblems,
  type Problem,
  type ProblemKey,
  type SettingsInput,
  type ValidationResult,
  validateSettings,
} from './validation';

export interface SaveCheckDeps {
  fields: readonly FieldInfo[] | null;
  /** A client for the URL and key on screen; null when they are missing or malformed (validation says why). */
  client: Pick<RelayClient, 'connection'> | null;
  /** The account's rooms (cached or loaded now); null when the list cannot be loaded. */
  rooms(): Promise<RoomInfo[] | null>;
  /** Sees the connection answer, so the screen can show it. */
  onConnection?(answer: RelayResult<ConnectionInfo>): void;
}

const KEY_ORDER: Partial<Record<ProblemKey, number>> = { relayUrl: 0, connectionKey: 1, apiToken: 2, rules: 3 };

/** Screen order: connection, rule list, then each rule's problems in the order they were found. */
export function inScreenOrder(problems: readonly Problem[]): Problem[] {
  const rank = (problem: Problem) => (problem.rule === undefined ? (KEY_ORDER[problem.key] ?? 3) : 10 + problem.rule);
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem) - rank(b.problem) || a.index - b.index)
    .map((item) => item.problem);
}

/**
 * Everything Save checks: the screen itself, then — when URL and key look right — the relay
 * (`GET /v1/connection`: unreachable or 401 block), then the rooms against the account's room
 * list when it can be loaded (an unknown or readonly room blocks; without a list, ids are not looked up).
 */
export async function checkBeforeSave(input: SettingsInput, deps: SaveCheckDeps): Promise<ValidationResult> {
  const local = validateSettings(input, { fields: deps.fields, rooms: null });
  const connectionOk = local.relayUrl !== null && !local.problems.some((problem) => problem.key === 'connectionKey');
  if (!connectionOk || !deps.client) return { ...local, problems: inScreenOrder(local.problems) };
  const answer = await deps.client.connection();
  deps.onConnection?.(answer);
  if (!answer.ok)
    return { ...local, problems: inScreenOrder([...connectionProblems(answer.failure), ...local.problems]) };
  const rooms = await deps.rooms();
  const checked = rooms === null ? local : validateSettings(input, { fields: deps.fields, rooms });
  return { ...checked, problems: inScreenOrder(checked.problems) };
}
