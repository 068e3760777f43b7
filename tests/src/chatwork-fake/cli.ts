/**
 * Runs the ChatWork fake as its own process, for the sandbox and for multi-process tests:
 *   tsx tests/src/chatwork-fake/cli.ts --port 8790 --token T --account-id 1 --name N --room 100:General
 * The first line on stdout is always `CHATWORK_API_URL=<url>`, both what to give the relay and
 * easy for a parent process to read.
 */
import { runFakeCli } from '../fake-server/cli';
import { parseCliArgs, USAGE } from './cli-args';
import { startChatworkFake } from './server';

runFakeCli({
  name: 'ChatWork fake',
  usage: USAGE,
  parse: parseCliArgs,
  async start(config) {
    const fake = await startChatworkFake(config.options);
    try {
      for (const account of config.accounts) fake.addAccount(account);
    } catch (error) {
      await fake.close();
      throw error;
    }
    return fake;
  },
  describe: (fake, config) => [
    `CHATWORK_API_URL=${fake.url}`,
    `受信したメッセージ / Messages received: ${fake.origin}/__fake/`,
    ...config.accounts.map((account) => {
      const rooms = account.rooms.map((room) => `${room.roomId} ${room.name} (${room.role})`).join(', ') || 'no rooms';
      return `account ${account.accountId} "${account.name}": ${rooms}`;
    }),
  ],
});
