import type { KintoneRecord } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { buildNotificationRequest, buildRecordUrl, guestSpaceId, pickFields, type RequestInput } from './build-request';
import { readRecordEvent } from './record-event';

const record: KintoneRecord = {
  $id: { type: '__ID__', value: '34' },
  $revision: { type: '__REVISION__', value: '5' },
  title: { type: 'SINGLE_LINE_TEXT', value: 'Hello' },
  salary: { type: 'NUMBER', value: '9000000' },
  tags: { type: 'CHECK_BOX', value: ['a', 'b'] },
};

const location = { origin: 'https://example.cybozu.com', pathname: '/k/12/show' };

function input(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    event: 'create',
    appId: '12',
    recordId: '34',
    revision: '5',
    record,
    previous: null,
    fields: ['title', 'tags'],
    user: { code: 'sato', name: 'Sato' },
    status: null,
    location,
    ...overrides,
  };
}

describe('buildNotificationRequest', () => {
  it('sends only the referenced fields, in kintone format', () => {
    expect(buildNotificationRequest(input())).toEqual({
      event: 'create',
      appId: '12',
      recordId: '34',
      revision: '5',
      recordUrl: 'https://example.cybozu.com/k/12/show#record=34',
      record: {
        title: { type: 'SINGLE_LINE_TEXT', value: 'Hello' },
        tags: { type: 'CHECK_BOX', value: ['a', 'b'] },
      },
      user: { code: 'sato', name: 'Sato' },
    });
  });

  it('never carries the server-merged keys', () => {
    const request = buildNotificationRequest(input({ event: 'status', status: { from: 'a', to: 'b', action: 'c' } }));
    for (const key of ['rules', 'kintoneHost', 'appName', 'kintoneApiToken', 'idempotencyKey']) {
      expect(request).not.toHaveProperty(key);
    }
  });

  it('sends previous values for an edit, limited to the same fields', () => {
    const previous: KintoneRecord = {
      title: { type: 'SINGLE_LINE_TEXT', value: 'Hi' },
      salary: { type: 'NUMBER', value: '1' },
    };
    const request = buildNotificationRequest(input({ event: 'edit', previous }));
    expect(request.previous).toEqual({ title: { type: 'SINGLE_LINE_TEXT', value: 'Hi' } });
  });

  it('does not send previous for other events', () => {
    const previous: KintoneRecord = { title: { type: 'SINGLE_LINE_TEXT', value: 'Hi' } };
    expect(buildNotificationRequest(input({ event: 'create', previous }))).not.toHaveProperty('previous');
  });

  it('sends status for a status action', () => {
    const request = buildNotificationRequest(
      input({ event: 'status', status: { from: 'Open', to: 'Done', action: 'Finish' } }),
    );
    expect(request.status).toEqual({ from: 'Open', to: 'Done', action: 'Finish' });
  });

  it('sends an empty record when kintone gives none (created without view permission)', () => {
    const request = buildNotificationRequest(input({ record: null, revision: null }));
    expect(request.record).toEqual({});
    expect(request).not.toHaveProperty('revision');
  });

  it('links to the guest space when the page is in one', () => {
    const request = buildNotificationRequest(
      input({ location: { origin: 'https://example.cybozu.com', pathname: '/k/guest/7/12/show' } }),
    );
    expect(request.recordUrl).toBe('https://example.cybozu.com/k/guest/7/12/show#record=34');
  });
});

describe('buildRecordUrl and guestSpaceId', () => {
  it('recognises desktop and mobile guest paths', () => {
    expect(guestSpaceId('/k/guest/7/12/')).toBe('7');
    expect(guestSpaceId('/k/m/guest/8/12/show')).toBe('8');
    expect(guestSpaceId('/k/12/')).toBeNull();
    expect(guestSpaceId('/k/m/12/show')).toBeNull();
  });

  it('always builds the desktop permalink, also from mobile pages', () => {
    expect(buildRecordUrl({ origin: 'https://a.kintone.com', pathname: '/k/m/12/show' }, '12', '3')).toBe(
      'https://a.kintone.com/k/12/show#record=3',
    );
  });
});

describe('pickFields', () => {
  it('copies type and value only, deeply', () => {
    const tags = ['a'];
    const source = {
      tags: { type: 'CHECK_BOX', value: tags, disabled: false, error: null },
    } as unknown as KintoneRecord;
    const picked = pickFields(source, ['tags', 'missing']);
    expect(picked).toEqual({ tags: { type: 'CHECK_BOX', value: ['a'] } });
    tags.push('b');
    expect(picked.tags?.value).toEqual(['a']);
  });

  it('ignores inherited names and keeps a "__proto__" field code as data', () => {
    const source = JSON.parse('{"__proto__":{"type":"SINGLE_LINE_TEXT","value":"x"}}') as KintoneRecord;
    const picked = pickFields(source, ['__proto__', 'constructor', 'toString']);
    expect(Object.keys(picked)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
  });

  it('skips values that are not kintone fields', () => {
    const source = { broken: 'text', nothing: null } as unknown as KintoneRecord;
    expect(pickFields(source, ['broken', 'nothing'])).toEqual({});
  });
});

describe('readRecordEvent', () => {
  it('normalises a numeric recordId and appId to strings', () => {
    const data = readRecordEvent({ appId: 12, recordId: 34, record });
    expect(data.appId).toBe('12');
    expect(data.recordId).toBe('34');
    expect(data.revision).toBe('5');
  });

  it('falls back to $id when the event has no recordId', () => {
    expect(readRecordEvent({ appId: 12, record }).recordId).toBe('34');
  });

  it('reads the status action of process.proceed', () => {
    const data = readRecordEvent({
      type: 'app.record.detail.process.proceed',
      appId: 12,
      recordId: '34',
      record,
      action: { value: 'Finish' },
      status: { value: 'Open' },
      nextStatus: { value: 'Done' },
    });
    expect(data.status).toEqual({ from: 'Open', to: 'Done', action: 'Finish' });
  });

  it('copes with a null record and with garbage', () => {
    expect(readRecordEvent({ appId: 12, recordId: '34', record: null })).toEqual({
      appId: '12',
      recordId: '34',
      record: null,
      revision: null,
      status: null,
    });
    expect(readRecordEvent(undefined)).toEqual({
      appId: null,
      recordId: null,
      record: null,
      revision: null,
      status: null,
    });
  });
});
