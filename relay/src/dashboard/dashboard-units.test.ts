import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, japanDay, shortDay, startOfJapanDay } from './format';
import { safeNextPath } from './http/safe-next';
import { en } from './i18n/en';
import { messagesFor } from './i18n/index';
import { ja } from './i18n/ja';
import { languageFromAcceptLanguage, pickLanguage } from './i18n/language';
import { chartScale, usagePercent } from './layout/charts';
import { parseDeliveryFilters } from './routes/delivery-routes';

describe('language', () => {
  it('follows the browser by quality, Japanese when it asks for neither', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('ja');
    expect(languageFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(languageFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.8,ja;q=0.7')).toBe('en');
    expect(languageFromAcceptLanguage('en;q=0.5,ja;q=0.8')).toBe('ja');
    expect(languageFromAcceptLanguage('de,fr')).toBe('ja');
    expect(languageFromAcceptLanguage('en;q=0')).toBe('ja');
    expect(languageFromAcceptLanguage('*')).toBe('ja');
  });

  it('lets the reader’s choice (the cookie) win over the browser', () => {
    expect(pickLanguage('en', 'ja')).toBe('en');
    expect(pickLanguage('ja', 'en')).toBe('ja');
    expect(pickLanguage('xx', 'en')).toBe('en');
  });

  it('has every Japanese text in English too, and none left empty', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'function'
        ? 'function'
        : Array.isArray(value)
          ? value.map(shape)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
            : typeof value;
    expect(shape(en)).toEqual(shape(ja));
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
    for (const text of [...strings(ja), ...strings(en)]) expect(text.trim()).not.toBe('');
    expect(messagesFor('en')).toBe(en);
  });
});

describe('Japan time', () => {
  it('shows moments and days as they are in Japan', () => {
    const at = '2026-03-31T15:30:00.000Z'; // 2026-04-01 00:30 in Japan
    expect(formatDateTime(at, 'ja')).toBe('2026/04/01 00:30');
    expect(formatDateTime(at, 'en')).toBe('2026-04-01 00:30');
    expect(formatDate(at, 'ja')).toBe('2026/04/01');
    expect(japanDay(new Date(at))).toBe('2026-04-01');
    expect(shortDay('2026-04-01')).toBe('4/1');
    expect(formatDateTime('not a date', 'ja')).toBe('');
  });

  it('reads a filter day as that day in Japan, and refuses days that do not exist', () => {
    expect(startOfJapanDay('2026-04-01')?.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(startOfJapanDay('2026-04-01', 1)?.toISOString()).toBe('2026-04-01T15:00:00.000Z');
    expect(startOfJapanDay('2026-02-29')).toBeUndefined();
    expect(startOfJapanDay('2026-4-1')).toBeUndefined();
  });
});

describe('delivery log filters', () => {
  it('keeps sensible filters and reports the rest next to their fields', () => {
    const good = parseDeliveryFilters(
      { status: 'failed', appId: '12', from: '2026-04-01', to: '2026-04-30', cursor: 'abc' },
      ja,
    );
    expect(good.errors).toEqual({});
    expect(good.filter).toEqual({
      limit: 50,
      status: 'failed',
      appId: '12',
      from: new Date('2026-03-31T15:00:00.000Z'),
      to: new Date('2026-04-30T15:00:00.000Z'),
      cursor: 'abc',
    });
    const bad = parseDeliveryFilters({ status: 'lost', appId: '12; drop', from: 'yesterday' }, ja);
    expect(bad.filter).toEqual({ limit: 50 });
    expect(bad.values).toEqual({ appId: '12; drop', from: 'yesterday' });
    expect(bad.errors).toEqual({ appId: ja.validation.appId, from: ja.validation.date });
  });
});

describe('overview figures', () => {
  it('rounds the chart’s scale up to a few round gridlines', () => {
    expect(chartScale(0)).toEqual({ top: 4, step: 1 });
    expect(chartScale(3)).toEqual({ top: 4, step: 1 });
    expect(chartScale(7)).toEqual({ top: 8, step: 2 });
    expect(chartScale(11)).toEqual({ top: 15, step: 5 });
    expect(chartScale(180)).toEqual({ top: 200, step: 50 });
  });

  it('gives the share of the quota in whole percent', () => {
    expect(usagePercent(0, 100)).toBe(0);
    expect(usagePercent(79, 100)).toBe(79);
    expect(usagePercent(80, 100)).toBe(80);
    expect(usagePercent(150, 100)).toBe(150);
    expect(usagePercent(1, 0)).toBe(100);
  });
});

describe('after login', () => {
  it('goes only to a dashboard page of this site', () => {
    expect(safeNextPath('/dashboard/keys')).toBe('/dashboard/keys');
    expect(safeNextPath('/dashboard/deliveries?status=failed')).toBe('/dashboard/deliveries?status=failed');
    for (const next of [
      undefined,
      '',
      '/',
      '/api/export',
      'https://evil.example',
      '//evil.example',
      '/dashboard//evil',
      '/dashboard\\x',
      '/dashboardx',
    ]) {
      expect(safeNextPath(next), String(next)).toBeUndefined();
    }
  });
});
