import { describe, expect, it } from 'vitest';
import { FaultList } from './faults';
import type { Fault } from './types';

describe('FaultList', () => {
  it('applies a counted fault to exactly `count` matching requests', () => {
    const faults = new FaultList();
    faults.add({ kind: 'status', status: 503, count: 2 });
    expect(faults.take('/v2/me')?.kind).toBe('status');
    expect(faults.take('/v2/rooms')?.kind).toBe('status');
    expect(faults.take('/v2/me')).toBeUndefined();
  });

  it('keeps an uncounted fault until cleared', () => {
    const faults = new FaultList();
    faults.add({ kind: 'delay', ms: 5 });
    for (let i = 0; i < 20; i++) expect(faults.take('/v2/me')?.kind).toBe('delay');
    faults.clear();
    expect(faults.take('/v2/me')).toBeUndefined();
  });

  it('matches string paths with or without /v2, RegExps against the pathname, and skips non-matching ones', () => {
    const faults = new FaultList();
    faults.add({ kind: 'status', status: 500, path: '/rooms/1/messages', count: 1 });
    faults.add({ kind: 'status', status: 502, path: '/v2/me', count: 1 });
    faults.add({ kind: 'status', status: 504, path: /\/members$/g });
    expect(faults.take('/v2/rooms')).toBeUndefined();
    expect(faults.take('/v2/rooms/1/messages')).toMatchObject({ status: 500 });
    expect(faults.take('/v2/rooms/1/messages')).toBeUndefined();
    expect(faults.take('/v2/me')).toMatchObject({ status: 502 });
    // A global RegExp must match every time, not every other time.
    expect(faults.take('/v2/rooms/1/members')).toMatchObject({ status: 504 });
    expect(faults.take('/v2/rooms/1/members')).toMatchObject({ status: 504 });
  });

  it('uses the earliest matching fault first', () => {
    const faults = new FaultList();
    faults.add({ kind: 'status', status: 500, count: 1 });
    faults.add({ kind: 'delay', ms: 1, count: 1 });
    expect(faults.take('/v2/me')?.kind).toBe('status');
    expect(faults.take('/v2/me')?.kind).toBe('delay');
  });

  it.each<[string, unknown]>([
    ['status outside 5xx list', { kind: 'status', status: 429 }],
    ['zero count', { kind: 'status', status: 500, count: 0 }],
    ['negative delay', { kind: 'delay', ms: -1 }],
    ['unknown kind', { kind: 'explode' }],
    ['bad path', { kind: 'timeout', path: 42 }],
  ])('rejects %s', (_label, fault) => {
    expect(() => new FaultList().add(fault as Fault)).toThrow(TypeError);
  });
});
