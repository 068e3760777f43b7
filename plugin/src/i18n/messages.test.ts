import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeMessages, pickLanguage, settingsMessages } from './messages';

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

  it('has a text for every data-i18n key in config.html', () => {
    const html = readFileSync(new URL('../../static/html/config.html', import.meta.url), 'utf8');
    const used = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((match) => match[1] as string);
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) {
      expect(typeof settingsMessages.ja[key as keyof typeof settingsMessages.ja], key).toBe('string');
      expect(typeof settingsMessages.en[key as keyof typeof settingsMessages.en], key).toBe('string');
    }
  });

  it('labels the events as the brief says', () => {
    expect([settingsMessages.ja.eventCreate, settingsMessages.ja.eventEdit, settingsMessages.ja.eventStatus]).toEqual([
      '作成',
      '編集',
      'ステータス変更',
    ]);
    expect(settingsMessages.ja.connectionKeyStored('••••••••abcd')).toContain('空欄のままにすると現在のキーを使います');
    expect(settingsMessages.en.connectionKeyStored('••••••••abcd')).toContain('Leave empty to keep the current key');
    expect(settingsMessages.ja.saved).toContain('アプリを更新');
    expect(settingsMessages.en.saved).toContain('Update App');
  });
});
