import type { Rule, RuleSet } from '@k2c/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writePluginConfig } from '../config/plugin-config';
import type { NotificationRequest } from './build-request';
import { desktopEvents } from './events';
import { createNotifier, type EventHandler, type RuntimeHost, registerNotifier } from './notifier';

function rule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'r1',
    name: 'Rule',
    enabled: true,
    events: ['create', 'edit', 'status'],
    roomId: '123',
    template: '{{title}} {{$recordUrl}}',
    conditions: { match: 'all', items: [] },
    changedFields: ['status_note'],
    mentions: { accountIds: [], toAll: false, userMap: {} },
    ...overrides,
  };
}

interface ProxyCall {
  pluginId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  data: NotificationRequest;
}

function fakeHost(options: {
  rules?: Rule[];
  relayUrl?: string;
  answer?: () => PromiseLike<unknown>;
  language?: string;
}) {
  const ruleSet: RuleSet = { version: 1, rules: options.rules ?? [rule()] };
  const config = writePluginConfig({
    relayUrl: options.relayUrl ?? 'https://relay.example.com',
    ruleSet,
    appName: 'App',
  });
  const calls: ProxyCall[] = [];
  const notices: { message: string; language: string; carry: boolean }[] = [];
  const host: RuntimeHost = {
    pluginId: 'pluginid',
    getConfig: (id) => (id === 'pluginid' ? config : null),
    proxy: (pluginId, url, method, headers, data) => {
      calls.push({ pluginId, url, method, headers, data });
      return options.answer ? options.answer() : Promise.resolve(['{"deliveries":[]}', 202, {}]);
    },
    getLoginUser: () => ({ code: 'sato', name: 'Sato', language: options.language ?? 'ja' }),
    getAppId: () => 12,
    getLocation: () => ({ origin: 'https://example.cybozu.com', pathname: '/k/12/show' }),
    notify: (message, language, carry) => notices.push({ message, language, carry }),
  };
  return { host, calls, notices };
}

const savedRecord = {
  $id: { type: '__ID__', value: '34' },
  $revision: { type: '__REVISION__', value: '6' },
  title: { type: 'SINGLE_LINE_TEXT', value: 'After' },
  status_note: { type: 'MULTI_LINE_TEXT', value: 'changed' },
  salary: { type: 'NUMBER', value: '100' },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createNotifier', () => {
  it('sends nothing when no enabled rule listens to the event', async () => {
    const { host, calls, notices } = fakeHost({
      rules: [rule({ events: ['edit'] }), rule({ id: 'r2', enabled: false })],
    });
    const event = { type: 'app.record.create.submit.success', appId: 12, recordId: '34', record: savedRecord };
    // Returned as is, not as a Promise: kintone has nothing to wait for.
    expect(createNotifier(host).handleSaved('create', event)).toBe(event);
    expect(calls).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('sends nothing before the relay URL is configured', async () => {
    const { host, calls } = fakeHost({ relayUrl: '' });
    await createNotifier(host).handleSaved('create', { appId: 12, recordId: '34', record: savedRecord });
    expect(calls).toEqual([]);
  });

  it('posts the contract-2 request through the plug-in proxy and stays silent on 202', async () => {
    const { host, calls, notices } = fakeHost({});
    const event = { type: 'app.record.create.submit.success', appId: 12, recordId: '34', record: savedRecord };
    await expect(createNotifier(host).handleSaved('create', event)).resolves.toBe(event);
    expect(calls).toEqual([
      {
        pluginId: 'pluginid',
        url: 'https://relay.example.com/v1/notifications',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        data: {
          event: 'create',
          appId: '12',
          recordId: '34',
          revision: '6',
          recordUrl: 'https://example.cybozu.com/k/12/show#record=34',
          record: {
            title: { type: 'SINGLE_LINE_TEXT', value: 'After' },
            status_note: { type: 'MULTI_LINE_TEXT', value: 'changed' },
          },
          user: { code: 'sato', name: 'Sato' },
        },
      },
    ]);
    expect(notices).toEqual([]);
  });

  it('sends the values seen when the edit screen opened as previous', async () => {
    const { host, calls } = fakeHost({});
    const notifier = createNotifier(host);
    const opened = {
      type: 'app.record.edit.show',
      appId: 12,
      recordId: 34,
      record: {
        ...savedRecord,
        title: { type: 'SINGLE_LINE_TEXT', value: 'Before' },
        status_note: { type: 'MULTI_LINE_TEXT', value: '' },
      },
    };
    expect(notifier.handleEditShow(opened)).toBe(opened);
    await notifier.handleSaved('edit', {
      type: 'app.record.edit.submit.success',
      appId: 12,
      recordId: '34',
      record: savedRecord,
    });
    expect(calls[0]?.data.previous).toEqual({
      title: { type: 'SINGLE_LINE_TEXT', value: 'Before' },
      status_note: { type: 'MULTI_LINE_TEXT', value: '' },
    });
    // The snapshot is used once: a later edit without reopening has no previous values.
    await notifier.handleSaved('edit', { appId: 12, recordId: '34', record: savedRecord });
    expect(calls[1]?.data).not.toHaveProperty('previous');
  });

  it('sends an empty record after a create the user cannot view', async () => {
    const { host, calls } = fakeHost({});
    await createNotifier(host).handleSaved('create', { appId: 12, recordId: '35', record: null });
    expect(calls[0]?.data.record).toEqual({});
    expect(calls[0]?.data.recordId).toBe('35');
  });

  it('resolves a status action with the event even when the proxy fails, and says so', async () => {
    const { host, calls, notices } = fakeHost({ answer: () => Promise.reject('proxy error'), language: 'en' });
    const event = {
      type: 'app.record.detail.process.proceed',
      appId: 12,
      recordId: '34',
      record: savedRecord,
      action: { value: 'Finish' },
      status: { value: 'Open' },
      nextStatus: { value: 'Done' },
    };
    await expect(createNotifier(host).handleSaved('status', event)).resolves.toBe(event);
    expect(calls[0]?.data.status).toEqual({ from: 'Open', to: 'Done', action: 'Finish' });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.language).toBe('en');
    expect(notices[0]?.message).toContain('could not be reached');
    // kintone reloads the record after the action: the notice goes along to the next screen.
    expect(notices[0]?.carry).toBe(true);
  });

  it('does not carry the notice of a save that stays on the screen (inline edit)', async () => {
    const { host, notices } = fakeHost({ answer: () => Promise.reject('proxy error') });
    await createNotifier(host).handleSaved('edit', { appId: 12, recordId: '34', record: savedRecord }, true);
    expect(notices).toEqual([expect.objectContaining({ carry: false })]);
  });

  it('shows the relay error in the user language', async () => {
    const body = JSON.stringify({ error: { code: 'unauthorized', message: 'Unknown key' } });
    const { host, notices } = fakeHost({ answer: () => Promise.resolve([body, 401, {}]) });
    await createNotifier(host).handleSaved('create', { appId: 12, recordId: '34', record: savedRecord });
    expect(notices[0]?.message).toContain('接続キー');
  });

  it('gives up after the timeout, resolves with the event and warns', async () => {
    vi.useFakeTimers();
    const { host, notices } = fakeHost({ answer: () => new Promise(() => {}) });
    const event = { appId: 12, recordId: '34', record: savedRecord };
    const pending = createNotifier(host).handleSaved('edit', event);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(pending).resolves.toBe(event);
    expect(notices[0]?.message).toContain('5 秒');
  });

  it('never rejects, even when reading the config throws', async () => {
    const { host, notices } = fakeHost({});
    host.getConfig = () => {
      throw new Error('boom');
    };
    const event = { appId: 12, recordId: '34', record: savedRecord };
    expect(createNotifier(host).handleSaved('status', event)).toBe(event);
    expect(notices).toHaveLength(1);
    expect(createNotifier(host).handleEditShow(event)).toBe(event);
  });
});

describe('registerNotifier', () => {
  it('registers every desktop event and routes it to the right rule event', async () => {
    const { host, calls } = fakeHost({});
    const handlers = new Map<string, EventHandler>();
    registerNotifier(
      (events, handler) => {
        for (const name of Array.isArray(events) ? events : [events]) handlers.set(name, handler);
      },
      desktopEvents,
      createNotifier(host),
    );
    expect([...handlers.keys()].sort()).toEqual([
      'app.record.create.submit.success',
      'app.record.detail.process.proceed',
      'app.record.edit.show',
      'app.record.edit.submit.success',
      'app.record.index.edit.show',
      'app.record.index.edit.submit.success',
    ]);
    await handlers.get('app.record.index.edit.submit.success')?.({ appId: 12, recordId: '34', record: savedRecord });
    expect(calls[0]?.data.event).toBe('edit');
  });

  it('marks only the inline edit as staying on the screen', async () => {
    const { host, notices } = fakeHost({ answer: () => Promise.reject('proxy error') });
    const handlers = new Map<string, EventHandler>();
    registerNotifier(
      (events, handler) => {
        for (const name of Array.isArray(events) ? events : [events]) handlers.set(name, handler);
      },
      desktopEvents,
      createNotifier(host),
    );
    const event = { appId: 12, recordId: '34', record: savedRecord };
    await handlers.get('app.record.index.edit.submit.success')?.(event);
    await handlers.get('app.record.edit.submit.success')?.(event);
    expect(notices.map((notice) => notice.carry)).toEqual([false, true]);
  });
});
