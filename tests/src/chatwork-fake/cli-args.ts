import { parseArgs } from 'node:util';
import { COMMON_ARGS, listenOptions } from '../fake-server/cli';
import type { ChatworkFakeOptions, FakeAccount, FakeRoom, RateLimitSetting } from './types';

export const USAGE = `Usage: tsx tests/src/chatwork-fake/cli.ts [options]

  --port N                 port to listen on (default 0 = random free port)
  --host H                 address to bind (default 127.0.0.1)
  --token T                start an account with API token T; the options below apply to the latest --token
    --account-id ID        its account_id (default: 1, 2, … in order)
    --name NAME            its display name (default "Fake User <account-id>")
    --room ID:NAME[:TYPE:ROLE]
                           a room it is in (repeatable); TYPE my|direct|group (default group),
                           ROLE admin|member|readonly (default member)
  --token-limit N/MS       general limit per token (default 300/300000)
  --room-limit N/MS        posts per room (default 10/10000)
  --help                   show this text

Accounts can also be added at run time: POST /__fake/accounts with a JSON account.`;

export interface CliConfig {
  help: boolean;
  options: ChatworkFakeOptions;
  accounts: FakeAccount[];
}

const ROOM_TYPES = new Set(['my', 'direct', 'group']);
const ROLES = new Set(['admin', 'member', 'readonly']);

function parseLimit(text: string, flag: string): RateLimitSetting {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`${flag} must look like REQUESTS/WINDOW_MS, e.g. 10/10000; got "${text}"`);
  return { requests: Number(match[1]), windowMs: Number(match[2]) };
}

/** "100:General", "100:Team: A", "100:Notices:group:readonly" — a name may itself contain colons. */
export function parseRoom(text: string): FakeRoom {
  const parts = text.split(':');
  const [roomId = '', ...rest] = parts;
  if (!/^\d+$/.test(roomId) || rest.length === 0) {
    throw new Error(`--room must look like ID:NAME[:TYPE:ROLE]; got "${text}"`);
  }
  let type = 'group';
  let role = 'member';
  const maybeType = rest.at(-2);
  const maybeRole = rest.at(-1);
  if (rest.length >= 3 && maybeType && maybeRole && ROOM_TYPES.has(maybeType) && ROLES.has(maybeRole)) {
    type = maybeType;
    role = maybeRole;
    rest.splice(-2);
  }
  const name = rest.join(':');
  if (name === '') throw new Error(`--room needs a name: "${text}"`);
  return { roomId, name, type: type as FakeRoom['type'], role: role as FakeRoom['role'] };
}

/**
 * Options are read in order, so `--token A --room 1:x --token B --room 2:y` gives A room 1 and B
 * room 2. Account ids and names get defaults here; full validation is the fake's own (addAccount).
 */
export function parseCliArgs(argv: string[]): CliConfig {
  const { values, tokens } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    tokens: true,
    options: {
      ...COMMON_ARGS,
      token: { type: 'string', multiple: true },
      'account-id': { type: 'string', multiple: true },
      name: { type: 'string', multiple: true },
      room: { type: 'string', multiple: true },
      'token-limit': { type: 'string' },
      'room-limit': { type: 'string' },
    },
  });

  const accounts: FakeAccount[] = [];
  const explicitIds = new Set<FakeAccount>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const current = accounts.at(-1);
    if (token.name === 'token') {
      accounts.push({ token: token.value, accountId: '', name: '', rooms: [] });
      continue;
    }
    if (!['account-id', 'name', 'room'].includes(token.name)) continue;
    if (current === undefined) throw new Error(`--${token.name} must come after the --token it belongs to`);
    if (token.name === 'account-id') {
      current.accountId = token.value;
      explicitIds.add(current);
    } else if (token.name === 'name') current.name = token.value;
    else current.rooms.push(parseRoom(token.value));
  }
  accounts.forEach((account, index) => {
    if (!explicitIds.has(account)) account.accountId = String(index + 1);
    if (account.name === '') account.name = `Fake User ${account.accountId}`;
  });

  const options: ChatworkFakeOptions = listenOptions(values);
  if (values['token-limit'] !== undefined) options.tokenLimit = parseLimit(values['token-limit'], '--token-limit');
  if (values['room-limit'] !== undefined) options.roomLimit = parseLimit(values['room-limit'], '--room-limit');
  return { help: values.help === true, options, accounts };
}
