import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseRoom } from './cli-args';

describe('parseCliArgs', () => {
  it('reads accounts in order, each option applying to the latest --token', () => {
    const config = parseCliArgs([
      '--port',
      '8790',
      '--token',
      'A',
      '--account-id',
      '11',
      '--name',
      'Anna',
      '--room',
      '100:General',
      '--room',
      '101:Notices:group:readonly',
      '--token',
      'B',
      '--room',
      '200:B: with colon',
      '--token-limit',
      '5/2000',
      '--room-limit',
      '3/1000',
    ]);
    expect(config.options).toEqual({
      port: 8790,
      tokenLimit: { requests: 5, windowMs: 2000 },
      roomLimit: { requests: 3, windowMs: 1000 },
    });
    expect(config.accounts).toEqual([
      {
        token: 'A',
        accountId: '11',
        name: 'Anna',
        rooms: [
          { roomId: '100', name: 'General', type: 'group', role: 'member' },
          { roomId: '101', name: 'Notices', type: 'group', role: 'readonly' },
        ],
      },
      {
        token: 'B',
        accountId: '2',
        name: 'Fake User 2',
        rooms: [{ roomId: '200', name: 'B: with colon', type: 'group', role: 'member' }],
      },
    ]);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseCliArgs(['--room', '100:x'])).toThrow(/after the --token/);
    expect(() => parseCliArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--token-limit', '5'])).toThrow(/REQUESTS\/WINDOW_MS/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseRoom('General')).toThrow(/ID:NAME/);
  });
});

describe('cli.ts', () => {
  it('starts a standalone fake, prints its URL first, and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--port',
        '0',
        '--token',
        'T',
        '--account-id',
        '7',
        '--name',
        'CLI',
        '--room',
        '100:General',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      const firstLine = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          stdout += chunk;
          const newline = stdout.indexOf('\n');
          if (newline >= 0) resolve(stdout.slice(0, newline));
        });
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${stdout}`)));
      });
      const line = await firstLine;
      const url = /^CHATWORK_API_URL=(http:\/\/127\.0\.0\.1:\d+\/v2)$/.exec(line)?.[1];
      expect(url).toBeDefined();
      const me = await fetch(`${url}/me`, { headers: { 'X-ChatWorkToken': 'T' } });
      expect(((await me.json()) as { account_id: number }).account_id).toBe(7);
      const post = await fetch(`${url}/rooms/100/messages`, {
        method: 'POST',
        headers: { 'X-ChatWorkToken': 'T' },
        body: new URLSearchParams({ body: 'from another process' }),
      });
      expect(post.status).toBe(200);
      const messages = await fetch(`${url?.replace(/\/v2$/, '')}/__fake/messages`);
      expect(await messages.json()).toMatchObject([{ body: 'from another process', accountId: '7' }]);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 15_000);
});
