import { z } from 'zod';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Reads limits written as `300/300s`, `10/10s` or `60/1m`. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const requests = Number(match[1]);
  const windowMs = Number(match[2]) * DURATION_UNITS_MS[match[3] as keyof typeof DURATION_UNITS_MS];
  return requests > 0 && windowMs > 0 ? { requests, windowMs } : undefined;
}

const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const parsed = parseRateLimit(text);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: 'must look like 300/300s (requests per window; ms, s, m or h)' });
        return z.NEVER;
      }
      return parsed;
    });

/** Like rateLimit, but `0` (or `off`) turns the limit off: undefined. */
const optionalRateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx): RateLimit | undefined => {
      if (/^(0|off)$/i.test(text.trim())) return undefined;
      const parsed = parseRateLimit(text);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: 'must look like 300/60s (requests per window), or 0 to turn it off' });
        return z.NEVER;
      }
      return parsed;
    });

const hostList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) =>
      text
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ''),
    );

const optionalUrl = z.url().optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL'),
  DATA_DIR: z.string().min(1).default('.data'),
  ENCRYPTION_KEYS: z.string().optional(),
  CHATWORK_API_URL: z.url().default('https://api.chatwork.com/v2'),
  CHATWORK_RATE_LIMIT: rateLimit('300/300s'),
  CHATWORK_ROOM_RATE_LIMIT: rateLimit('10/10s'),
  // Margin for posts reaching ChatWork closer together than they left (network, scheduling):
  // budgets are spread over window + this, so no window ever sees more than the limit.
  CHATWORK_LIMIT_SLACK_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  KINTONE_ALLOWED_HOSTS: hostList('*.cybozu.com,*.kintone.com,*.cybozu.cn'),
  // Tests run kintone on 127.0.0.1; production must never fetch from loopback addresses.
  KINTONE_ALLOW_LOOPBACK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  DELIVERY_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  // Longer than ChatWork's answer timeout (10 s), so a slow answer is not mistaken for a dead worker.
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(15).max(3_600).default(60),
  // First retry after a ChatWork outage; each further retry waits twice as long (up to 15 min).
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  // More than this many messages waiting for one room go out as one digest; 0 turns digests off.
  DIGEST_THRESHOLD: z.coerce.number().int().min(0).default(5),
  DIGEST_MAX_MESSAGES: z.coerce.number().int().min(2).max(500).default(50),
  FREE_MONTHLY_QUOTA: z.coerce.number().int().min(0).default(100),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_PRICE_STANDARD: z.string().optional(),
  STRIPE_API_URL: optionalUrl,
  // smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465; unset → mail is
  // written to the log, which is the development set-up (the log line then holds the reset link).
  SMTP_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^smtps?:\/\/[^/]/.test(value), 'must be an smtp:// or smtps:// URL'),
  MAIL_FROM: z.string().trim().min(3).max(200).default('kintone2chatwork <no-reply@localhost>'),
  // Behind a reverse proxy: how many proxies in front of the relay append to X-Forwarded-For.
  // `true` is one. The client address is then the entry that many places from the right, the one
  // the outermost trusted proxy saw (the only entry when the proxy replaces the header); entries
  // further left were written by the client and are never trusted. `false`: the socket address.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, ctx) => {
      const value = text.trim().toLowerCase();
      if (value === 'false' || value === '0') return 0;
      if (value === 'true') return 1;
      if (/^[1-9]$/.test(value)) return Number(value);
      ctx.addIssue({ code: 'custom', message: 'must be true, false or the number of proxies (1-9)' });
      return z.NEVER;
    }),
  // Requests per window on the plug-in API (/v1), per tenant; 0 turns it off (benchmarks).
  TENANT_RATE_LIMIT: optionalRateLimit('600/60s'),
  // Requests per window on the account API and dashboard, per client address; 0 turns it off.
  IP_RATE_LIMIT: optionalRateLimit('300/60s'),
  // Failed logins per window, per e-mail address and per client address; past either, logins
  // are refused with 429 before the password is checked.
  LOGIN_FAILURES_PER_EMAIL: rateLimit('5/15m'),
  LOGIN_FAILURES_PER_IP: rateLimit('30/15m'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Reads the settings of contract 3 once at start. Every bad value is named in one error, so an
 * operator fixes them all in one go; values are never echoed, as some of them are secrets.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as it does in most deployment tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
