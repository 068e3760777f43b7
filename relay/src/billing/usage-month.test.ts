import { describe, expect, it } from 'vitest';
import { usageMonth } from './usage-month';

describe('usageMonth', () => {
  it('counts in Japan time, so the month turns at midnight JST', () => {
    expect(usageMonth(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11');
    expect(usageMonth(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12');
    expect(usageMonth(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
  });
});
