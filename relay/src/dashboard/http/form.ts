import type { Context } from 'hono';

export type FormFields = Record<string, string>;

/**
 * The posted form's text fields. Anything else (files, repeated fields) is dropped: no dashboard
 * form sends those, so they can only be noise.
 */
export async function readForm(c: Context): Promise<FormFields> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType)) return {};
  const body = await c.req.parseBody();
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}
