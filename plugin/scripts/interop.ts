/**
 * The kintone packages are CommonJS compiled from ES modules (`exports.default = …`). Node's ESM
 * loader hands back `module.exports` as the default import, so the real default sits one level
 * deeper than TypeScript's types say. Works for both shapes.
 */
export function unwrapDefault<T>(imported: T): T {
  if (typeof imported === 'function') return imported;
  const inner = (imported as { default?: unknown } | null)?.default;
  return (inner ?? imported) as T;
}
