import { notificationEvents } from '@k2c/rules';
import { z } from 'zod';

// kintone gives app and record ids as numbers in some events and strings in others.
export const numericId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^[1-9]\d{0,19}$/, 'must be a positive integer'));

const field = z.object({ type: z.string().min(1).max(64), value: z.unknown() });
const record = z.record(z.string().min(1).max(128), field).refine((value) => Object.keys(value).length <= 500, {
  message: 'must have at most 500 fields',
});

/**
 * The body kintone's proxy forwards (contract 2). `rules`, `kintoneHost`, `appName` and
 * `kintoneApiToken` come from the administrator's stored proxy data, which wins over anything
 * the browser sends; everything else is untrusted input from some user of the app.
 */
export const notificationRequestSchema = z.object({
  event: z.enum(notificationEvents),
  appId: numericId,
  recordId: numericId,
  revision: numericId.optional(),
  recordUrl: z.string().max(2_000).optional(),
  record: record.default({}),
  previous: record.optional(),
  user: z.object({ code: z.string().max(128), name: z.string().max(256) }).optional(),
  status: z.object({ from: z.string().max(256), to: z.string().max(256), action: z.string().max(256) }).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  rules: z.string({ error: 'is missing: save the plug-in settings and update the app' }).min(1).max(256_000),
  kintoneHost: z
    .string({ error: 'is missing: save the plug-in settings and update the app' })
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'must be a host name'),
  appName: z.string().max(256).default(''),
  kintoneApiToken: z.string().max(1_000).optional(),
});

export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

/** The settings screen previews unsaved rules, possibly on a sample record that has no id yet. */
export const previewRequestSchema = notificationRequestSchema.extend({
  appId: numericId.default('1'),
  recordId: numericId.default('1'),
});
