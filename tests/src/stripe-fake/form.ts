import { invalidRequest } from './errors';

/**
 * Stripe's v1 parameter encoding: application/x-www-form-urlencoded with bracket nesting —
 * `metadata[tenant_id]=t`, `line_items[0][price]=p`, `expand[]=x` — in the body of POSTs and the
 * query of GETs and DELETEs. Objects whose keys are all array indexes become arrays.
 */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

// Reserved names would reach Object.prototype through plain-object assignment.
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** `a[b][0]` → ['a', 'b', '0']; `a[]` → ['a', '']. Returns undefined for malformed brackets. */
export function splitKey(key: string): string[] | undefined {
  const open = key.indexOf('[');
  if (open === -1) return key === '' ? undefined : [key];
  const head = key.slice(0, open);
  if (head === '') return undefined;
  const segments = [head];
  let rest = key.slice(open);
  while (rest !== '') {
    const match = /^\[([^[\]]*)\]/.exec(rest);
    if (!match) return undefined;
    segments.push(match[1] ?? '');
    rest = rest.slice(match[0].length);
  }
  return segments;
}

type Node = { value?: string; children?: Map<string, Node>; pushed?: Node[] };

function toValue(node: Node, path: string): FormValue {
  if (node.value !== undefined) return node.value;
  if (node.pushed) return node.pushed.map((child, index) => toValue(child, `${path}[${index}]`));
  const children = [...(node.children ?? new Map<string, Node>()).entries()];
  if (children.length > 0 && children.every(([key]) => /^(0|[1-9]\d*)$/.test(key))) {
    return children.sort(([a], [b]) => Number(a) - Number(b)).map(([key, child]) => toValue(child, `${path}[${key}]`));
  }
  const object: FormObject = {};
  for (const [key, child] of children) object[key] = toValue(child, `${path}[${key}]`);
  return object;
}

function conflict(key: string): never {
  throw invalidRequest(`Invalid request: parameter ${key} is given both as a value and as a hash or array.`);
}

export function parseForm(text: string): FormObject {
  const root: Node = { children: new Map() };
  for (const [key, value] of new URLSearchParams(text)) {
    const segments = splitKey(key);
    if (!segments || segments.some((segment) => FORBIDDEN.has(segment))) {
      throw invalidRequest(`Invalid request: could not parse the parameter name ${JSON.stringify(key)}.`);
    }
    let node = root;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (node.value !== undefined) conflict(key);
      let next: Node | undefined;
      if (segment === '' && index > 0) {
        if (node.children?.size) conflict(key);
        node.pushed ??= [];
        next = {};
        node.pushed.push(next);
      } else {
        if (node.pushed) conflict(key);
        node.children ??= new Map();
        next = node.children.get(segment);
        if (!next) {
          next = {};
          node.children.set(segment, next);
        }
      }
      if (last) {
        if (next.children || next.pushed) conflict(key);
        next.value = value;
      }
      node = next;
    });
  }
  const result: FormObject = {};
  for (const [key, child] of root.children ?? []) result[key] = toValue(child, key);
  return result;
}

/** The same parameters in a stable form, for comparing idempotent requests. */
export function canonicalForm(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalForm).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalForm(value[key] ?? '')}`).join(',')}}`;
}
