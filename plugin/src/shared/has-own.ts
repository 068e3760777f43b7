/** `Object.hasOwn` without needing ES2022 in the browser bundle. */
export function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}
