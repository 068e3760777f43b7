import { describe, expect, it } from 'vitest';
import { composeDigest } from './compose-digest';

describe('composeDigest', () => {
  it('sends a single message unchanged', () => {
    expect(composeDigest(['hello'])).toEqual({ body: 'hello', included: 1 });
  });

  it('combines messages in order, separated by [hr], under a header that counts them', () => {
    const digest = composeDigest(['one', 'two', 'three']);
    expect(digest.included).toBe(3);
    expect(digest.body).toBe(
      '[info][title]kintone2chatwork: 3件の通知をまとめて送信しました / 3 notifications in one message[/title]\none\n[hr]\ntwo\n[hr]\nthree[/info]',
    );
  });

  it('stops before the size limit and leaves the rest for the next post', () => {
    const messages = Array.from({ length: 10 }, (_, index) => `${index}`.repeat(300));
    const digest = composeDigest(messages, 1_200);
    expect(digest.included).toBeGreaterThan(1);
    expect(digest.included).toBeLessThan(10);
    expect(digest.body.length).toBeLessThanOrEqual(1_200);
    expect(digest.body.includes('3'.repeat(300))).toBe(digest.included > 3);
  });

  it('falls back to one message when two do not fit together', () => {
    expect(composeDigest(['a'.repeat(900), 'b'.repeat(900)], 1_000)).toEqual({ body: 'a'.repeat(900), included: 1 });
  });
});
