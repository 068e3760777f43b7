import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const TYPES = {
  'dashboard.css': 'text/css; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
} as const;

type AssetName = keyof typeof TYPES;

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  version: string;
}

const loaded = new Map<AssetName, Asset>();

// Read on first use and kept: the files ship with the code and never change while it runs.
function asset(name: AssetName): Asset {
  let found = loaded.get(name);
  if (!found) {
    const body = new Uint8Array(readFileSync(new URL(`./assets/${name}`, import.meta.url)));
    found = { body, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    loaded.set(name, found);
  }
  return found;
}

/** The asset's URL with its content hash, so browsers may cache it for good. */
export function assetUrl(name: AssetName): string {
  return `/assets/${name}?v=${asset(name).version}`;
}

/** The dashboard's own stylesheet, script and icon: the only things its pages load (CSP `'self'`). */
export function assetRoutes() {
  return new Hono().get('/:name', (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(TYPES, name)) return c.notFound();
    const found = asset(name as AssetName);
    const versioned = c.req.query('v') === found.version;
    return c.body(found.body, 200, {
      'Content-Type': TYPES[name as AssetName],
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
