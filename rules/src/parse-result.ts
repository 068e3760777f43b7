export interface Issue {
  /** Where the problem is, e.g. `rules[0].roomId`. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
