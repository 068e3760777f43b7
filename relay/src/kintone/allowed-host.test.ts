import { describe, expect, it } from 'vitest';
import { allowedKintoneHost, isAllowedKintoneHost } from './allowed-host';

const DEFAULTS = ['*.cybozu.com', '*.kintone.com', '*.cybozu.cn'];

describe('isAllowedKintoneHost', () => {
  it.each([
    'acme.cybozu.com',
    'a.cybozu.com',
    'acme-1.cybozu.com',
    '123.cybozu.com',
    'xn--r8jz45g.cybozu.com',
    'acme.kintone.com',
    'acme.cybozu.cn',
    'ACME.Cybozu.COM',
  ])('allows %s with the default list', (host) => {
    expect(isAllowedKintoneHost(host, DEFAULTS, false)).toBe(true);
  });

  it.each([
    // the suffix itself, look-alikes, and the suffix inside another name
    'cybozu.com',
    'evilcybozu.com',
    'acme.evilcybozu.com',
    'acme.cybozu.com.evil.net',
    'acme.cybozu.co',
    'acme.cybozu.comm',
    'acme.cybozu.com.',
    '.cybozu.com',
    '..cybozu.com',
    'acme..cybozu.com',
    // more than one label before the suffix (including the client-certificate host)
    'acme.s.cybozu.com',
    'a.b.cybozu.com',
    // labels that are not RFC 1123
    '-acme.cybozu.com',
    'acme-.cybozu.com',
    'ac_me.cybozu.com',
    `${'a'.repeat(64)}.cybozu.com`,
    '*.cybozu.com',
    'acme*.cybozu.com',
    // ports, userinfo, paths, queries, fragments, schemes
    'acme.cybozu.com:443',
    'acme.cybozu.com:8443',
    'acme.cybozu.com:',
    'user@acme.cybozu.com',
    'acme.cybozu.com@evil.net',
    'evil.net#@acme.cybozu.com',
    'evil.net?.cybozu.com',
    'evil.net/.cybozu.com',
    'evil.net\\.cybozu.com',
    'acme.cybozu.com/',
    'acme.cybozu.com/k/1',
    'https://acme.cybozu.com',
    '//acme.cybozu.com',
    // whitespace and control characters
    ' acme.cybozu.com',
    'acme.cybozu.com ',
    'acme.cybozu.com\n',
    'acme .cybozu.com',
    'acme.cybozu.com\u0000',
    'acme\t.cybozu.com',
    // encodings and look-alike characters
    'acme%2ecybozu.com',
    'acme.cybozu%2ecom',
    'acme。cybozu.com',
    'acme.cybоzu.com', // Cyrillic о
    'ａｃｍｅ.cybozu.com',
    // empty and absurd
    '',
    '.',
    '*',
    'a'.repeat(300),
  ])('refuses %j with the default list', (host) => {
    expect(isAllowedKintoneHost(host, DEFAULTS, false)).toBe(false);
    expect(isAllowedKintoneHost(host, DEFAULTS, true)).toBe(false);
  });

  it('never admits IP literals or internal names, whatever the list says', () => {
    const careless = [
      '*.0.1',
      '10.0.0.1',
      '169.254.169.254',
      '*.254.169.254',
      '*.localhost',
      'metadata.google.internal',
    ];
    for (const host of ['10.0.0.1', '169.254.169.254', '0.0.1', '0x7f.0.0.1', '2130706433', 'a.localhost']) {
      expect(isAllowedKintoneHost(host, careless, false)).toBe(false);
    }
    // An exact name the operator chose is theirs to allow.
    expect(isAllowedKintoneHost('metadata.google.internal', careless, false)).toBe(true);
  });

  it('matches exact names exactly', () => {
    const list = ['kintone.example.com'];
    expect(isAllowedKintoneHost('kintone.example.com', list, false)).toBe(true);
    expect(isAllowedKintoneHost('KINTONE.example.com', list, false)).toBe(true);
    expect(isAllowedKintoneHost('x.kintone.example.com', list, false)).toBe(false);
    expect(isAllowedKintoneHost('example.com', list, false)).toBe(false);
    expect(isAllowedKintoneHost('kintone.example.com.evil.net', list, false)).toBe(false);
  });

  it('ignores patterns it cannot read instead of widening them', () => {
    for (const pattern of [
      '*',
      '*.',
      '*.com',
      '**.cybozu.com',
      'acme.*.com',
      '*acme.cybozu.com',
      '*.cybozu.com:443',
      '',
    ]) {
      expect(isAllowedKintoneHost('acme.cybozu.com', [pattern], false)).toBe(false);
    }
    expect(isAllowedKintoneHost('acme.cybozu.com', ['  *.CYBOZU.com '], false)).toBe(true);
    expect(isAllowedKintoneHost('acme.cybozu.com', [], false)).toBe(false);
  });

  it.each([
    'localhost',
    'localhost:8080',
    '127.0.0.1',
    '127.0.0.1:41234',
    '127.255.255.254:1',
    '[::1]',
    '[::1]:65535',
    'LOCALHOST:80',
  ])('allows loopback %s only when loopback is allowed', (host) => {
    expect(isAllowedKintoneHost(host, DEFAULTS, true)).toBe(true);
    expect(isAllowedKintoneHost(host, DEFAULTS, false)).toBe(false);
    // Listing it does not help: only the flag admits loopback.
    expect(isAllowedKintoneHost(host, [host, '*.localhost'], false)).toBe(false);
  });

  it.each([
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '127.0.0.1:080',
    '127.0.0.1:99999999',
    '127.0.0.1:',
    '127.0.0.1:80:80',
    '127.0.0.01',
    '127.0.0.256',
    '127.1',
    '127.0.0.1.',
    '0.0.0.0',
    '::1',
    '[::1',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    'localhost.',
    'foo.localhost',
    'user@localhost',
    'localhost/x',
    'localhost:8080/x',
    'localhost :8080',
  ])('refuses malformed loopback %j even when loopback is allowed', (host) => {
    expect(isAllowedKintoneHost(host, DEFAULTS, true)).toBe(false);
  });

  it('returns the normalised host for the caller to connect to', () => {
    expect(allowedKintoneHost('ACME.cybozu.com', DEFAULTS, false)).toEqual({
      hostname: 'acme.cybozu.com',
      loopback: false,
    });
    expect(allowedKintoneHost('127.0.0.1:5000', DEFAULTS, true)).toEqual({
      hostname: '127.0.0.1',
      port: 5000,
      loopback: true,
    });
    expect(allowedKintoneHost('[::1]', DEFAULTS, true)).toEqual({ hostname: '[::1]', loopback: true });
  });

  it('refuses values that are not strings', () => {
    expect(isAllowedKintoneHost(undefined as unknown as string, DEFAULTS, true)).toBe(false);
    expect(isAllowedKintoneHost(['acme.cybozu.com'] as unknown as string, DEFAULTS, true)).toBe(false);
  });
});
