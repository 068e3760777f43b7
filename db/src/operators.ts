// Packages above db use drizzle's query operators from here, so the whole workspace shares the
// one drizzle-orm instance that db resolves with its drivers (a second copy would not type-check
// against these tables).
export {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
export { alias } from 'drizzle-orm/pg-core';
