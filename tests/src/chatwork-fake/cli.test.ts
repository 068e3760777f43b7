import { describe, expect, it } from 'vitest';
import { startCli } from '../fake-server/cli-test-support';
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
    const cli = await startCli(
      new URL('./cli.ts', import.meta.url),
      ['--port', '0', '--token', 'T', '--account-id', '7', '--name', 'CLI', '--room', '100:General'],
      (stdout) => stdout.includes('\n'),
    );
    try {
      const line = cli.output.slice(0, cli.output.indexOf('\n'));
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

      expect(await cli.stop()).toBe(0);
    } finally {
      cli.kill();
    }
  }, 15_000);
});
