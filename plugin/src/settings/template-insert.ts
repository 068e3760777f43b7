/** What a template textarea holds after an insertion, and where the caret goes. */
export interface Insertion {
  text: string;
  /** Caret position right after the inserted text. */
  cursor: number;
}

export function placeholderFor(name: string): string {
  return `{{${name}}}`;
}

/**
 * Inserts `insert` in place of the selection [start, end) of `text` (a caret when they are equal).
 * Out-of-range or reversed positions are clamped and ordered, so a stale selection cannot throw.
 */
export function insertAtCursor(text: string, start: number, end: number, insert: string): Insertion {
  const clamp = (value: number) =>
    Math.min(Math.max(Number.isFinite(value) ? Math.trunc(value) : text.length, 0), text.length);
  const from = Math.min(clamp(start), clamp(end));
  const to = Math.max(clamp(start), clamp(end));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
