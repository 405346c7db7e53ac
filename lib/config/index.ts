import 'server-only';
import { AppError } from '../errors';
import { oidcSettings, type OidcConfig } from './oidc';
import { envSchema, type ParsedEnv } from './schema';
import { parseSecretList, readOrCreateSecretFile, secretHelp } from './session-secret';
import type { TrustProxySetting } from './trust-proxy';

export type AppConfig = {
  nodeEnv: ParsedEnv['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  basePath: string;
  publicUrl?: string;
  dataDir: string;
  database: { kind: 'postgres'; url: string; preparedStatements: boolean } | { kind: 'pglite'; dataDir: string };
  session: {
    /** Newest first: the first seals, all of them unseal. Never log these. */
    secrets: string[];
    secretSource: 'environment' | 'data-directory';
    ttlSeconds: number;
    idleTimeoutSeconds: number;
    checkCacheMs: number;
    pruneIntervalSeconds: number;
  };
  trustProxy: TrustProxySetting;
  cookieSecure: 'auto' | 'always' | 'never';
  bcryptCost: number;
  loginLimits: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowSeconds: number };
  /** Requests each API token may make per minute, across every process. */
  apiRateLimitPerMinute: number;
  images: { maxBytes: number; maxDimension: number };
  attachments: { maxBytes: number };
  /** The ISO 4217 code of the money amounts the app shows (purchase costs), e.g. USD. */
  currency: string;
  /** "Report a problem": the ticket category when no ticket category has the asset's category's name. */
  reportProblemCategory?: string;
  /** Off (undefined parts) unless SMTP_URL / IMAP_URL are set. The URLs carry passwords: never log them. */
  mail: {
    smtpUrl?: string;
    from?: string;
    imapUrl?: string;
    processedFolder?: string;
    pollIntervalSeconds: number;
    unknownSenders: 'create' | 'reject';
  };
  /** Single sign-on (lib/config/oidc.ts); null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
};

export type ConfigNotice = { level: 'warn'; message: string };

/** Parses an environment into the app's configuration; throws AppError('config_invalid') with one sentence. */
export function loadConfig(env: Record<string, string | undefined>, notices: ConfigNotice[] = []): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    throw new AppError('config_invalid', `Configuration error: ${messages.join('; ')}.`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  if (isProduction && values.BCRYPT_COST < 10) {
    throw new AppError(
      'config_invalid',
      `Configuration error: BCRYPT_COST must be at least 10 in production; got ${values.BCRYPT_COST}.`,
    );
  }

  let secrets: string[];
  let secretSource: AppConfig['session']['secretSource'];
  if (values.SESSION_SECRET !== undefined) {
    const list = parseSecretList(values.SESSION_SECRET);
    if (typeof list === 'string') throw new AppError('config_invalid', `Configuration error: ${list}.`);
    secrets = list;
    secretSource = 'environment';
  } else if (isProduction) {
    throw new AppError(
      'config_invalid',
      `Configuration error: SESSION_SECRET is required in production (at least 32 characters); ${secretHelp}.`,
    );
  } else {
    const { secret, created, file } = readOrCreateSecretFile(values.DATA_DIR);
    secrets = [secret];
    secretSource = 'data-directory';
    notices.push({
      level: 'warn',
      message: `SESSION_SECRET is not set; ${created ? 'generated one into' : 'using the one generated in'} ${file}. Set SESSION_SECRET (and NODE_ENV=production) for a real deployment.`,
    });
  }

  if (values.SMTP_URL && !values.MAIL_FROM) {
    throw new AppError(
      'config_invalid',
      'Configuration error: MAIL_FROM is required with SMTP_URL, such as "IT Helpdesk <helpdesk@example.com>".',
    );
  }
  if ((values.SMTP_URL || values.IMAP_URL) && !values.PUBLIC_URL) {
    throw new AppError(
      'config_invalid',
      'Configuration error: PUBLIC_URL is required with SMTP_URL or IMAP_URL, so that mails can link to tickets (such as https://it.example.com/it-assets-manager).',
    );
  }

  const oidc = oidcSettings(values);
  if (typeof oidc === 'string') throw new AppError('config_invalid', `Configuration error: ${oidc}.`);

  return {
    nodeEnv: values.NODE_ENV,
    isProduction,
    host: values.HOST,
    port: values.PORT,
    basePath: values.BASE_PATH,
    publicUrl: values.PUBLIC_URL,
    dataDir: values.DATA_DIR,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL, preparedStatements: values.DATABASE_PREPARED_STATEMENTS }
      : { kind: 'pglite', dataDir: values.DATA_DIR },
    session: {
      secrets,
      secretSource,
      ttlSeconds: values.SESSION_TTL,
      idleTimeoutSeconds: values.SESSION_IDLE_TIMEOUT,
      checkCacheMs: values.SESSION_CHECK_CACHE * 1000,
      pruneIntervalSeconds: values.SESSION_PRUNE_INTERVAL,
    },
    trustProxy: values.TRUST_PROXY,
    cookieSecure: values.COOKIE_SECURE === 'true' ? 'always' : values.COOKIE_SECURE === 'false' ? 'never' : 'auto',
    bcryptCost: values.BCRYPT_COST,
    loginLimits: {
      maxFailuresPerAccount: values.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: values.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: values.LOGIN_WINDOW,
    },
    apiRateLimitPerMinute: values.API_RATE_LIMIT,
    images: { maxBytes: values.IMAGE_MAX_BYTES, maxDimension: values.IMAGE_MAX_DIMENSION },
    attachments: { maxBytes: values.ATTACHMENT_MAX_BYTES },
    currency: values.CURRENCY,
    reportProblemCategory: values.REPORT_PROBLEM_CATEGORY,
    mail: {
      smtpUrl: values.SMTP_URL,
      from: values.MAIL_FROM,
      imapUrl: values.IMAP_URL,
      processedFolder: values.IMAP_PROCESSED_FOLDER,
      pollIntervalSeconds: values.MAIL_POLL_INTERVAL,
      unknownSenders: values.MAIL_UNKNOWN_SENDERS,
    },
    oidc,
  };
}

// Parsed once per process. The custom server parses it before Next.js loads (and before Next sets
// NODE_ENV for its bundles); every bundle of the app then shares that same object through globalThis.
const configKey = Symbol.for('it-assets-manager.config');
type ConfigHolder = { [configKey]?: AppConfig };

export function getConfig(): AppConfig {
  const holder = globalThis as ConfigHolder;
  if (!holder[configKey]) {
    const notices: ConfigNotice[] = [];
    holder[configKey] = loadConfig(process.env, notices);
    for (const notice of notices) console.warn(notice.message);
  }
  return holder[configKey];
}
