import type { RuleSet } from './types';

/** Built-in placeholders (contract 1); everything else in `{{…}}` is a field code. */
export const builtInPlaceholders = [
  '$appName',
  '$appId',
  '$recordId',
  '$recordUrl',
  '$event',
  '$user',
  '$statusFrom',
  '$statusTo',
  '$action',
] as const;
export type BuiltInPlaceholder = (typeof builtInPlaceholders)[number];

// Field codes may hold Japanese and other non-ASCII letters, so anything but braces and
// white space counts; surrounding spaces inside the braces are allowed.
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export interface TemplatePart {
  kind: 'text' | 'placeholder';
  /** The literal text, or the placeholder name. */
  value: string;
}

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', value: template.slice(last, index) });
    parts.push({ kind: 'placeholder', value: match[1] as string });
    last = index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', value: template.slice(last) });
  return parts;
}

export function isBuiltInPlaceholder(name: string): name is BuiltInPlaceholder {
  return (builtInPlaceholders as readonly string[]).includes(name);
}

/** The field codes a template refers to, in order of first use. */
export function templateFields(template: string): string[] {
  const fields = new Set<string>();
  for (const part of parseTemplate(template)) {
    if (part.kind === 'placeholder' && !part.value.startsWith('$')) fields.add(part.value);
  }
  return [...fields];
}

/**
 * Every field code that enabled rules read: placeholders, conditions, "only when changed" and
 * the mention field. The plug-in sends only these, so a record's other fields never leave kintone.
 */
export function referencedFields(ruleSet: RuleSet): string[] {
  const fields = new Set<string>();
  for (const rule of ruleSet.rules) {
    if (!rule.enabled) continue;
    for (const field of templateFields(rule.template)) fields.add(field);
    for (const condition of rule.conditions.items) fields.add(condition.field);
    for (const field of rule.changedFields) fields.add(field);
    if (rule.mentions.userField) fields.add(rule.mentions.userField);
  }
  return [...fields];
}
