import path from 'node:path';
import { z } from 'zod';
import { parseDurationSeconds } from './duration';
import { oidcEnv } from './oidc';
import { parseTrustProxy, type TrustProxySetting } from './trust-proxy';

const duration = (name: string, fallback: string, min: number) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const seconds = parseDurationSeconds(text);
      if (seconds === null || seconds < min) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a duration such as 900, 15m, 12h or 7d (at least ${min} seconds); got "${text}"`,
        });
        return z.NEVER;
      }
      return seconds;
    });

const integer = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((text, ctx) => {
      const value = Number(text);
      if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}; got "${text}"`,
        });
        return z.NEVER;
      }
      return value;
    });

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Whether a connection URL parses, with a user name and password that decode. */
function readsAsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  NODE_ENV: z.preprocess(
    blankToUndefined,
    z
      .enum(['development', 'production', 'test'], {
        error: (issue) => `NODE_ENV must be development, production or test; got "${String(issue.input)}"`,
      })
      .default('development'),
  ),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  PORT: z.preprocess(blankToUndefined, integer('PORT', 3000, 1, 65535)),
  BASE_PATH: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('')
      .transform((text) => text.trim().replace(/\/+$/, ''))
      .refine((text) => text === '' || /^(\/[A-Za-z0-9._~-]+)+$/.test(text), {
        message:
          'BASE_PATH must be empty or a path such as /it-assets-manager (letters, digits, . _ ~ -, no trailing slash)',
      }),
  ),
  PUBLIC_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: 'PUBLIC_URL must be an http:// or https:// address, such as https://it.example.com/it-assets-manager',
      })
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        'DATABASE_URL must start with postgres:// or postgresql://, for example postgres://user:password@127.0.0.1:5432/itam',
      )
      // Read as a URL, as the driver reads it; the message never repeats the value (it holds the password).
      .refine(
        readsAsUrl,
        'DATABASE_URL is not a valid URL: percent-encode special characters in the user name and password (% as %25, / as %2F, # as %23, ? as %3F, @ as %40)',
      )
      .optional(),
  ),
  DATABASE_PREPARED_STATEMENTS: z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false'], { error: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
  ),
  DATA_DIR: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('./data')
      .transform((dir) => path.resolve(dir)),
  ),
  SESSION_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  SESSION_TTL: z.preprocess(blankToUndefined, duration('SESSION_TTL', '7d', 300)),
  SESSION_IDLE_TIMEOUT: z.preprocess(blankToUndefined, duration('SESSION_IDLE_TIMEOUT', '24h', 60)),
  SESSION_CHECK_CACHE: z.preprocess(blankToUndefined, duration('SESSION_CHECK_CACHE', '2s', 0)),
  SESSION_PRUNE_INTERVAL: z.preprocess(blankToUndefined, duration('SESSION_PRUNE_INTERVAL', '1h', 10)),
  TRUST_PROXY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('false')
      .transform((text, ctx): TrustProxySetting => {
        const parsed = parseTrustProxy(text);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
  ),
  COOKIE_SECURE: z.preprocess(
    blankToUndefined,
    z.enum(['auto', 'true', 'false'], { error: 'COOKIE_SECURE must be auto, true or false' }).default('auto'),
  ),
  BCRYPT_COST: z.preprocess(blankToUndefined, integer('BCRYPT_COST', 12, 4, 15)),
  LOGIN_MAX_FAILURES: z.preprocess(blankToUndefined, integer('LOGIN_MAX_FAILURES', 5, 1, 1000)),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.preprocess(
    blankToUndefined,
    integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
  ),
  LOGIN_WINDOW: z.preprocess(blankToUndefined, duration('LOGIN_WINDOW', '15m', 10)),
  API_RATE_LIMIT: z.preprocess(blankToUndefined, integer('API_RATE_LIMIT', 600, 1, 1_000_000_000)),
  IMAGE_MAX_BYTES: z.preprocess(blankToUndefined, integer('IMAGE_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024)),
  ATTACHMENT_MAX_BYTES: z.preprocess(
    blankToUndefined,
    integer('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  ),
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^smtps?$/,
        error: 'SMTP_URL must be an smtp:// or smtps:// address, such as smtp://user:password@mail.example.com:587',
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(blankToUndefined, z.string().optional()),
  IMAP_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^imaps?$/,
        error:
          'IMAP_URL must be an imap:// or imaps:// address, such as imaps://user:password@mail.example.com:993/INBOX',
      })
      .optional(),
  ),
  IMAP_PROCESSED_FOLDER: z.preprocess(blankToUndefined, z.string().optional()),
  MAIL_POLL_INTERVAL: z.preprocess(blankToUndefined, duration('MAIL_POLL_INTERVAL', '60s', 1)),
  MAIL_UNKNOWN_SENDERS: z.preprocess(
    blankToUndefined,
    z.enum(['create', 'reject'], { error: 'MAIL_UNKNOWN_SENDERS must be create or reject' }).default('create'),
  ),
  IMAGE_MAX_DIMENSION: z.preprocess(blankToUndefined, integer('IMAGE_MAX_DIMENSION', 8000, 16, 20000)),
  CURRENCY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('USD')
      .transform((text) => text.trim().toUpperCase())
      .refine((code) => Intl.supportedValuesOf('currency').includes(code), {
        error: (issue) =>
          `CURRENCY must be an ISO 4217 currency code such as USD, EUR or GBP; got "${String(issue.input)}"`,
      }),
  ),
  REPORT_PROBLEM_CATEGORY: z.preprocess(
    blankToUndefined,
    z.string().trim().max(60, 'REPORT_PROBLEM_CATEGORY is at most 60 characters').optional(),
  ),
  ...oidcEnv,
});

export type ParsedEnv = z.output<typeof envSchema>;
