import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeMessages, pickLanguage } from './messages';
import { settingsMessages } from './settings-messages';

describe('pickLanguage', () => {
  it('uses Japanese for ja (and when kintone says nothing), English otherwise', () => {
    expect(pickLanguage('ja')).toBe('ja');
    expect(pickLanguage(undefined)).toBe('ja');
    expect(pickLanguage('')).toBe('ja');
    for (const language of ['en', 'zh', 'zh-TW', 'es', 'pt-BR', 'th']) expect(pickLanguage(language)).toBe('en');
  });
});

describe('catalogues', () => {
  const keys = (value: object): string[] =>
    Object.entries(value)
      .flatMap(([key, item]) =>
        typeof item === 'object' && item !== null ? keys(item).map((k) => `${key}.${k}`) : [key],
      )
      .sort();

  it('has the same keys in both languages', () => {
    expect(keys(noticeMessages.en)).toEqual(keys(noticeMessages.ja));
    expect(keys(settingsMessages.en)).toEqual(keys(settingsMessages.ja));
  });

  it('has a different, non-empty text in each language for every plain string', () => {
    for (const key of keys(settingsMessages.ja)) {
      const read = (catalogue: object) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
      const ja = read(settingsMessages.ja);
      const en = read(settingsMessages.en);
      expect(typeof ja, key).toBe(typeof en);
      if (typeof ja === 'string') {
        expect(ja, key).not.toBe('');
        expect(en, key).not.toBe('');
      }
    }
  });

  it('has a text for every data-i18n key in config.html', () => {
    const html = readFileSync(new URL('../../static/html/config.html', import.meta.url), 'utf8');
    const used = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((match) => match[1] as string);
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) {
      expect(typeof settingsMessages.ja[key as keyof typeof settingsMessages.ja], key).toBe('string');
      expect(typeof settingsMessages.en[key as keyof typeof settingsMessages.en], key).toBe('string');
    }
  });

  it('labels the events and the key controls as the brief says', () => {
    expect(settingsMessages.ja.events).toEqual({ create: '作成', edit: '編集', status: 'ステータス変更' });
    expect(settingsMessages.ja.verify).toBe('接続を確認');
    expect(settingsMessages.en.verify).toBe('Verify connection');
    expect(settingsMessages.en.replaceKey).toBe('Replace key');
    expect(settingsMessages.en.chatworkNotConnected).toBe(
      'ChatWork is not connected yet — connect it on the dashboard.',
    );
    expect(settingsMessages.ja.storedKey('••••••••abcd')).toContain('••••••••abcd');
    expect(settingsMessages.ja.saved).toContain('アプリを更新');
    expect(settingsMessages.en.saved).toContain('Update App');
  });

  it('formats usage and plan names', () => {
    expect(settingsMessages.ja.usage(1234, 5000)).toBe('1,234 / 5,000 件');
    expect(settingsMessages.en.usage(12, 100)).toBe('12 / 100');
    expect(settingsMessages.ja.planName('free')).toBe('フリー');
    expect(settingsMessages.en.planName('enterprise')).toBe('enterprise');
  });
});
