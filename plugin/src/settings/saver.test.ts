import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallbackTimeoutError, type ConfigSetters, promiseConfigSetters, whenCalledBack } from './callback-api';
import { buildProxyData, planSave, type SaveInput, saveSettings } from './saver';

const input: SaveInput = {
  config: { schemaVersion: '1', relayUrl: 'https://new.example.com', rules: '{}', fields: '[]', appName: 'App' },
  relayUrl: 'https://new.example.com',
  previousRelayUrl: 'https://old.example.com',
  connectionKey: 'secret-key',
  proxyData: { rules: '{}', kintoneHost: 'example.cybozu.com', appName: 'App' },
};

/**
 * Fake kintone setters that, like kintone, call back asynchronously, and that record an error
 * when a call starts while another is still running ("データベースのロックに失敗しました").
 */
function fakeSetters(delays: number[] = [30, 10, 20]) {
  const log: string[] = [];
  let running = 0;
  let call = 0;
  const start = (name: string, callback: () => void) => {
    const n = call++;
    log.push(`start ${n} ${name}`);
    if (running > 0) log.push('OVERLAP');
    running++;
    setTimeout(() => {
      running--;
      log.push(`done ${n}`);
      callback();
    }, delays[n] ?? 5);
  };
  const calls: unknown[][] = [];
  const setters: ConfigSetters = {
    setConfig: (config, callback) => {
      calls.push(['setConfig', config]);
      start('setConfig', callback);
    },
    setProxyConfig: (url, method, headers, data, callback) => {
      calls.push(['setProxyConfig', url, method, headers, data]);
      start(`setProxyConfig ${url}`, callback);
    },
  };
  return { setters, log, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('planSave', () => {
  it('writes the config, then the proxy entry with the key, then deletes the old entry', () => {
    expect(planSave(input)).toEqual([
      { kind: 'setConfig', config: input.config },
      {
        kind: 'setProxyConfig',
        url: 'https://new.example.com/v1/notifications',
        method: 'POST',
        headers: { Authorization: 'Bearer secret-key' },
        data: input.proxyData,
      },
      {
        kind: 'setProxyConfig',
        url: 'https://old.example.com/v1/notifications',
        method: 'POST',
        headers: {},
        data: {},
      },
    ]);
  });

  it('deletes nothing when the relay URL is unchanged or new', () => {
    expect(planSave({ ...input, previousRelayUrl: 'https://new.example.com/' })).toHaveLength(2);
    expect(planSave({ ...input, previousRelayUrl: '' })).toHaveLength(2);
  });

  it('never puts the key into setConfig', () => {
    const [first] = planSave(input);
    expect(JSON.stringify(first)).not.toContain('secret-key');
  });

  it('puts the API token into the new proxy entry only', () => {
    const proxyData = buildProxyData('{}', 'example.cybozu.com', 'App', 'TOKEN0123456789');
    const steps = planSave({ ...input, proxyData });
    expect(steps.filter((step) => JSON.stringify(step).includes('TOKEN0123456789'))).toEqual([
      expect.objectContaining({
        kind: 'setProxyConfig',
        url: 'https://new.example.com/v1/notifications',
        data: proxyData,
      }),
    ]);
  });
});

describe('saveSettings', () => {
  it('starts each call only after the previous one called back', async () => {
    vi.useFakeTimers();
    const { setters, log } = fakeSetters();
    const saving = saveSettings(promiseConfigSetters(setters), input);
    await vi.runAllTimersAsync();
    await saving;
    expect(log).toEqual([
      'start 0 setConfig',
      'done 0',
      'start 1 setProxyConfig https://new.example.com/v1/notifications',
      'done 1',
      'start 2 setProxyConfig https://old.example.com/v1/notifications',
      'done 2',
    ]);
  });

  it('passes the exact arguments to kintone', async () => {
    vi.useFakeTimers();
    const { setters, calls } = fakeSetters();
    const saving = saveSettings(promiseConfigSetters(setters), { ...input, previousRelayUrl: '' });
    await vi.runAllTimersAsync();
    await saving;
    expect(calls).toEqual([
      ['setConfig', input.config],
      [
        'setProxyConfig',
        'https://new.example.com/v1/notifications',
        'POST',
        { Authorization: 'Bearer secret-key' },
        input.proxyData,
      ],
    ]);
  });

  it('stops at the first failure', async () => {
    const calls: string[] = [];
    const setters: ConfigSetters = {
      setConfig: (_config, callback) => {
        calls.push('setConfig');
        callback();
      },
      setProxyConfig: (url) => {
        calls.push(url);
        throw new Error('データベースのロックに失敗しました');
      },
    };
    await expect(saveSettings(promiseConfigSetters(setters), input)).rejects.toThrow('データベースのロック');
    expect(calls).toEqual(['setConfig', 'https://new.example.com/v1/notifications']);
  });
});

describe('whenCalledBack', () => {
  it('rejects when no callback arrives in time', async () => {
    vi.useFakeTimers();
    const pending = whenCalledBack('setConfig', () => {}, 1_000);
    const assertion = expect(pending).rejects.toBeInstanceOf(CallbackTimeoutError);
    await vi.advanceTimersByTimeAsync(1_000);
    await assertion;
  });

  it('ignores a second callback', async () => {
    await expect(
      whenCalledBack('x', (done) => {
        done();
        done();
      }),
    ).resolves.toBeUndefined();
  });
});

describe('buildProxyData', () => {
  it('holds the contract-1 keys, without kintoneApiToken when there is no token', () => {
    expect(buildProxyData('{"version":1}', 'example.cybozu.com', 'App', null)).toEqual({
      rules: '{"version":1}',
      kintoneHost: 'example.cybozu.com',
      appName: 'App',
    });
    expect(buildProxyData('r', 'h', 'A', '')).not.toHaveProperty('kintoneApiToken');
  });

  it('adds the API token when there is one', () => {
    expect(buildProxyData('new', 'h', 'A', 'tok')).toEqual({
      rules: 'new',
      kintoneHost: 'h',
      appName: 'A',
      kintoneApiToken: 'tok',
    });
  });
});
