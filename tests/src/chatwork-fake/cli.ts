/**
 * Runs the ChatWork fake as its own process, for the sandbox and for multi-process tests:
 *   tsx tests/src/chatwork-fake/cli.ts --port 8790 --token T --account-id 1 --name N --room 100:General
 * The first line on stdout is always `CHATWORK_API_URL=<url>`, both what to give the relay and
 * easy for a parent process to read.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { startChatworkFake } from './server';

async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const fake = await startChatworkFake(config.options);
  try {
    for (const account of config.accounts) fake.addAccount(account);
  } catch (error) {
    await fake.close();
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  console.log(`CHATWORK_API_URL=${fake.url}`);
  console.log(`受信したメッセージ / Messages received: ${fake.origin}/__fake/`);
  for (const account of config.accounts) {
    const rooms = account.rooms.map((room) => `${room.roomId} ${room.name} (${room.role})`).join(', ') || 'no rooms';
    console.log(`account ${account.accountId} "${account.name}": ${rooms}`);
  }

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('ChatWork fake failed to start:', error);
  process.exit(1);
});
