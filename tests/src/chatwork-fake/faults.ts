import type { Fault, FaultStatus } from './types';

const FAULT_STATUSES: readonly number[] = [500, 502, 503, 504] satisfies FaultStatus[];

/** Throws a TypeError naming the bad field, so a typo in a test fails loudly instead of injecting nothing. */
export function assertFault(fault: Fault): void {
  const { count, path } = fault;
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw new TypeError(`fault.count must be a positive integer, got ${String(count)}`);
  }
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) {
    throw new TypeError('fault.path must be a string or a RegExp');
  }
  switch (fault.kind) {
    case 'status':
      if (!FAULT_STATUSES.includes(fault.status)) {
        throw new TypeError(`fault.status must be one of ${FAULT_STATUSES.join(', ')}, got ${String(fault.status)}`);
      }
      return;
    case 'timeout':
      if (fault.afterAccept !== undefined && typeof fault.afterAccept !== 'boolean') {
        throw new TypeError('fault.afterAccept must be a boolean');
      }
      return;
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) {
        throw new TypeError(`fault.ms must be a non-negative number, got ${String(fault.ms)}`);
      }
      return;
    default:
      throw new TypeError(`unknown fault kind ${JSON.stringify((fault as { kind?: unknown }).kind)}`);
  }
}

function matchesPath(fault: Fault, pathname: string): boolean {
  const { path } = fault;
  if (path === undefined) return true;
  if (path instanceof RegExp) {
    // A global or sticky RegExp keeps lastIndex between calls and would match every other time.
    path.lastIndex = 0;
    return path.test(pathname);
  }
  return path === pathname || `/v2${path}` === pathname;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Injected faults in injection order; the first one matching a request applies and uses up one count. */
export class FaultList {
  private active: ActiveFault[] = [];

  add(fault: Fault): void {
    assertFault(fault);
    // Copy so a test mutating its fault object afterwards cannot change what is injected.
    this.active.push({ fault: { ...fault }, remaining: fault.count ?? Number.POSITIVE_INFINITY });
  }

  take(pathname: string): Fault | undefined {
    const index = this.active.findIndex((entry) => matchesPath(entry.fault, pathname));
    const entry = this.active[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.active.splice(index, 1);
    return entry.fault;
  }

  list(): Fault[] {
    return this.active.map((entry) => entry.fault);
  }

  clear(): void {
    this.active = [];
  }
}
