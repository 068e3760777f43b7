import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfigHtmlFragment, checkManifest, isRelativeInside } from './validate-manifest';

const staticDir = new URL('../static/', import.meta.url);
let manifest: Record<string, unknown>;
let contents: string;

/** A contents directory with every file the real manifest references. */
async function makeContents(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'k2c-manifest-'));
  const files = ['js/desktop.js', 'js/mobile.js', 'js/config.js', 'css/desktop.css', 'css/mobile.css'];
  files.push('css/51-modern-default.css', 'css/config.css', 'image/icon.png');
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), '/* x */');
  }
  await mkdir(join(dir, 'html'), { recursive: true });
  await writeFile(join(dir, 'html/config.html'), await readFile(new URL('html/config.html', staticDir)));
  return dir;
}

beforeAll(async () => {
  manifest = JSON.parse(await readFile(new URL('manifest.json', staticDir), 'utf8'));
  contents = await makeContents();
});

describe('checkManifest', () => {
  it('accepts the real manifest when its files exist', () => {
    const result = checkManifest(manifest, contents);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('keeps the shape the brief asks for', () => {
    expect(manifest).toMatchObject({
      manifest_version: 1,
      type: 'APP',
      icon: 'image/icon.png',
      desktop: { js: ['js/desktop.js'], css: ['css/desktop.css'] },
      mobile: { js: ['js/mobile.js'], css: ['css/mobile.css'] },
      config: {
        html: 'html/config.html',
        js: ['js/config.js'],
        css: ['css/51-modern-default.css', 'css/config.css'],
        required_params: ['relayUrl', 'rules'],
      },
    });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(manifest.name as object)).toEqual(['ja', 'en']);
    expect(Object.keys(manifest.description as object)).toEqual(['ja', 'en']);
  });

  it('rejects a broken manifest and lists every error', () => {
    const broken = {
      ...manifest,
      version: '1.0.0-beta',
      type: 'SPACE',
      name: { ja: '名前だけ' },
      desktop: { js: ['js/missing.js'] },
      unknown: true,
    };
    const result = checkManifest(broken, contents);
    expect(result.valid).toBe(false);
    const text = result.errors.join('\n');
    expect(text).toContain('/version');
    expect(text).toContain('/type');
    expect(text).toContain('"en"');
    expect(text).toContain('file should exist ("js/missing.js")');
    expect(text).toContain('"unknown"');
  });

  it('checks file sizes and paths', async () => {
    const dir = await makeContents();
    await writeFile(join(dir, 'html/config.html'), 'x'.repeat(70_000));
    const result = checkManifest({ ...manifest, icon: '../outside.png' }, dir);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/file size should be <= 65535/);
    expect(result.errors.join('\n')).toContain('/icon');
  });

  it('rejects a config page that is a whole HTML document', async () => {
    const dir = await makeContents();
    await writeFile(join(dir, 'html/config.html'), '<!DOCTYPE html><html><body><p>x</p></body></html>');
    const result = checkManifest(manifest, dir);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('config.html must be an HTML fragment (found <html>)');
  });

  it('rejects something that is not an object', () => {
    expect(checkManifest([], contents)).toEqual({
      valid: false,
      errors: ['manifest.json must be a JSON object'],
      warnings: [],
    });
  });
});

describe('helpers', () => {
  it('keeps paths inside the plug-in', () => {
    expect(isRelativeInside('js/desktop.js')).toBe(true);
    expect(isRelativeInside('../secret')).toBe(false);
    expect(isRelativeInside('/etc/passwd')).toBe(false);
    expect(isRelativeInside('https://cdn.example.com/x.js')).toBe(false);
  });

  it('sees document tags only', () => {
    expect(checkConfigHtmlFragment('<section><p>body text</p></section>')).toEqual([]);
    expect(checkConfigHtmlFragment('<body class="x">')).toEqual([
      'config.html must be an HTML fragment (found <body>)',
    ]);
  });
});
