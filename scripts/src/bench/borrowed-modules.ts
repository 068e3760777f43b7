import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * The benchmark needs three packages that @k2c/scripts does not list as dependencies (yet):
 * `postgres` (to create and inspect its own databases), `hono` and `@hono/node-server` (the bare
 * route it compares the relay with). pnpm installs them for @k2c/db and @k2c/relay, so they are
 * loaded from there, at the very versions the relay runs on. Once scripts/package.json lists
 * them, plain imports can replace this file.
 */

type ExportTarget = string | { import?: ExportTarget; default?: ExportTarget } | undefined;

function esmPath(target: ExportTarget): string | undefined {
  if (typeof target === 'string' || target === undefined) return target;
  return esmPath(target.import) ?? esmPath(target.default);
}

/** The ES module entry of `name` as the package `anchor` (e.g. `@k2c/relay`) resolves it. */
function esmEntryFrom(anchor: string, name: string): string {
  const require = createRequire(fileURLToPath(import.meta.resolve(anchor)));
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        module?: string;
        main?: string;
        exports?: Record<string, ExportTarget> | ExportTarget;
      };
      if (manifest.name === name) {
        const exported =
          manifest.exports && typeof manifest.exports === 'object' && '.' in manifest.exports
            ? esmPath((manifest.exports as Record<string, ExportTarget>)['.'])
            : esmPath(manifest.exports as ExportTarget);
        return pathToFileURL(join(dir, exported ?? manifest.module ?? manifest.main ?? 'index.js')).href;
      }
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`could not find the package root of ${name}`);
    dir = parent;
  }
}

export interface PgClient {
  unsafe<Row = Record<string, unknown>>(query: string, parameters?: unknown[]): Promise<Row[]>;
  end(options?: { timeout?: number }): Promise<void>;
}
type PostgresFactory = (url: string, options?: { max?: number; onnotice?: () => void }) => PgClient;

export async function loadPostgres(): Promise<PostgresFactory> {
  const module = (await import(esmEntryFrom('@k2c/db', 'postgres'))) as { default: PostgresFactory };
  return module.default;
}

export interface HonoContext {
  json(body: unknown, status?: number): Response;
}
export interface HonoApp {
  post(path: string, handler: (c: HonoContext) => Response): HonoApp;
  fetch: (request: Request) => Response | Promise<Response>;
}
type Serve = (
  options: { fetch: HonoApp['fetch']; port: number; hostname: string },
  listening?: (info: { port: number }) => void,
) => unknown;

export async function loadHono(): Promise<{ Hono: new () => HonoApp; serve: Serve }> {
  const [{ Hono }, { serve }] = await Promise.all([
    import(esmEntryFrom('@k2c/relay', 'hono')) as Promise<{ Hono: new () => HonoApp }>,
    import(esmEntryFrom('@k2c/relay', '@hono/node-server')) as Promise<{ serve: Serve }>,
  ]);
  return { Hono, serve };
}
