import { DataDirLockedError } from '@k2c/db';
import { EnvError, loadKeyring, parseEnv } from '@k2c/relay';
import { closeInquiryCommand, printInquiries } from './ops/inquiries';
import { openOperatorDb } from './ops/open-operator-db';
import { rotateTokensCommand } from './ops/rotate-tokens';
import { printTenant } from './ops/tenant';

const USAGE = `運用コマンド / Operator commands (same settings as the relay: DATABASE_URL or DATA_DIR, ENCRYPTION_KEYS)

  pnpm ops inquiries [open|closed|all]   list contact-form inquiries (default: open)
  pnpm ops close-inquiry <id>            close one (its 24-month retention starts)
  pnpm ops tenant <tenant id | e-mail>   a tenant's status and usage
  pnpm ops rotate-tokens                 re-encrypt stored ChatWork tokens with the first key of ENCRYPTION_KEYS

None of them prints a token, key or password.`;

async function main(args: string[]): Promise<number> {
  const [command, argument] = args;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (!command || command === 'help' || command === '--help') {
    print(USAGE);
    return command ? 0 : 2;
  }
  const env = parseEnv(process.env);
  const database = await openOperatorDb(env);
  try {
    switch (command) {
      case 'inquiries': {
        const status = argument ?? 'open';
        if (status !== 'open' && status !== 'closed' && status !== 'all')
          throw new Error(`Unknown status ${status}\n\n${USAGE}`);
        await printInquiries(database.db, status, print);
        return 0;
      }
      case 'close-inquiry':
        if (!argument) throw new Error(`close-inquiry needs an inquiry id\n\n${USAGE}`);
        return (await closeInquiryCommand(database.db, argument, new Date(), print)) ? 0 : 1;
      case 'tenant':
        if (!argument) throw new Error(`tenant needs a tenant id or an e-mail address\n\n${USAGE}`);
        return (await printTenant(database.db, env, argument, new Date(), print)) ? 0 : 1;
      case 'rotate-tokens':
        return (await rotateTokensCommand(database.db, loadKeyring(env).keyring, print)) ? 0 : 1;
      default:
        throw new Error(`Unknown command ${command}\n\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Setting and lock problems, and usage mistakes, are told plainly; anything else with its stack.
    const plain =
      error instanceof EnvError ||
      error instanceof DataDirLockedError ||
      (error instanceof Error && error.message.includes(USAGE));
    process.stderr.write(`${error instanceof Error ? (plain ? error.message : error.stack) : String(error)}\n`);
    process.exit(2);
  },
);
