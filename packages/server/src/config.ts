// The one place that reads the environment. Everything else receives `Config`.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Placeholder values that must never reach production. */
const DEFAULT_SECRETS = new Set(['', 'changeme', 'change-me', 'secret', 'development', 'dev']);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Public base URL used in links (e-mails, printed URLs). */
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL URL. Unset → embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  ALLOW_EMBEDDED_DB_IN_PRODUCTION: bool.default(false),
  /** File holding the master key(s) that wrap per-practice data keys. */
  MASTER_KEY_FILE: z.string().optional(),
  /** Secret used for HMACs that are not per-practice (rate-limit keys, signed links). */
  APP_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('therapyCRM <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STAFF_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  STAFF_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  CLIENT_SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Redis URL for shared rate limits; unset → PostgreSQL (or memory on PGlite). */
  REDIS_URL: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  SEED_DEMO: bool.default(true),
  /** PEM files: when both are set the server terminates TLS itself (1.2+, 1.3 preferred). */
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  /** Largest file a client may upload (decoded bytes); only the upload route accepts a body that big (base64). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(10_000_000),
  /** Stripe secret key (sk_…); unset → types with a deposit cannot be booked online. */
  STRIPE_SECRET_KEY: z.string().optional(),
  /** Signing secret of the /webhooks/stripe endpoint (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Another Stripe API base (tests: a loopback fake), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url().optional(),
  STRIPE_CURRENCY: z
    .string()
    .regex(/^[a-z]{3}$/)
    .default('usd'),
  /** Reminder e-mails this many hours before an appointment (comma-separated). */
  REMINDER_LEAD_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/)
    .default('24,2'),
  /** How long a signed reschedule/cancel link stays valid after the appointment is booked. */
  MANAGE_LINK_DAYS: z.coerce.number().int().min(1).max(400).default(120),
  /** How long a waitlisted client has to take an offered slot. */
  WAITLIST_OFFER_MINUTES: z.coerce.number().int().min(5).max(2880).default(120),
  /** Unexpired widget holds one client IP may have in one practice (a shared office IP may need more). */
  BOOKING_MAX_LIVE_HOLDS_PER_IP: z.coerce.number().int().min(1).max(10_000).default(3),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };
  dataDir: string;
  masterKeyFile: string;
  appSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: Env['LOG_LEVEL'];
  staffIdleTimeoutMs: number;
  staffAbsoluteTimeoutMs: number;
  clientSessionMs: number;
  redisUrl: string | undefined;
  trustProxy: string | undefined;
  seedDemo: boolean;
  maxBodyBytes: number;
  maxUploadBytes: number;
  tls: { certFile: string; keyFile: string } | undefined;
  stripe: StripeConfig | undefined;
  reminderLeadMinutes: number[];
  manageLinkMs: number;
  waitlistOfferMs: number;
  maxLiveHoldsPerIp: number;
}

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  currency: string;
  /** Only set to point the SDK somewhere other than api.stripe.com (tests). */
  api: { host: string; port: number; protocol: 'http' | 'https' } | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validate the environment into a `Config`. In production it refuses missing or
 * placeholder secrets and the embedded database (PGlite does not fsync, so a
 * power loss can lose acknowledged writes) unless explicitly allowed.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (production) {
    if (!e.DATABASE_URL && !e.ALLOW_EMBEDDED_DB_IN_PRODUCTION) {
      problems.push(
        'DATABASE_URL is not set: the embedded PGlite database does not fsync and can lose ' +
          'acknowledged data on power loss. Set DATABASE_URL to PostgreSQL, or set ' +
          'ALLOW_EMBEDDED_DB_IN_PRODUCTION=true if you accept that risk.',
      );
    }
    if (!e.APP_SECRET || DEFAULT_SECRETS.has(e.APP_SECRET) || e.APP_SECRET.length < 32) {
      problems.push('APP_SECRET must be set to a random value of at least 32 characters.');
    }
    if (!e.MASTER_KEY_FILE) {
      problems.push(
        'MASTER_KEY_FILE must point at a key file kept apart from the database ' +
          '(create one with `therapycrm rotate-keys --new-master-key`).',
      );
    }
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL must be set (used in e-mailed links).');
    if (!e.SMTP_URL)
      problems.push('SMTP_URL must be set: production must not print e-mail links to the console.');
  }
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    problems.push(
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together (payments are confirmed by the signed webhook).',
    );
  }
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE must be set together.');
  }
  if (problems.length) {
    throw new ConfigError(
      `${production ? 'Refusing to start in production' : 'Invalid configuration'}:\n- ${problems.join('\n- ')}`,
    );
  }

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
    dataDir,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    appSecret: e.APP_SECRET ?? developmentSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    staffIdleTimeoutMs: e.STAFF_IDLE_TIMEOUT_MINUTES * 60_000,
    staffAbsoluteTimeoutMs: e.STAFF_ABSOLUTE_TIMEOUT_HOURS * 3_600_000,
    clientSessionMs: e.CLIENT_SESSION_HOURS * 3_600_000,
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    tls:
      e.TLS_CERT_FILE && e.TLS_KEY_FILE
        ? { certFile: path.resolve(e.TLS_CERT_FILE), keyFile: path.resolve(e.TLS_KEY_FILE) }
        : undefined,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            currency: e.STRIPE_CURRENCY,
            api: e.STRIPE_API_BASE ? stripeApiOf(e.STRIPE_API_BASE) : undefined,
          }
        : undefined,
    reminderLeadMinutes: [
      ...new Set(e.REMINDER_LEAD_HOURS.split(',').map((h) => Math.round(Number(h) * 60))),
    ].filter((m) => m > 0),
    manageLinkMs: e.MANAGE_LINK_DAYS * 86_400_000,
    waitlistOfferMs: e.WAITLIST_OFFER_MINUTES * 60_000,
    maxLiveHoldsPerIp: e.BOOKING_MAX_LIVE_HOLDS_PER_IP,
  };
}

function stripeApiOf(base: string): NonNullable<StripeConfig['api']> {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: Number(url.port || (protocol === 'http' ? 80 : 443)),
    protocol,
  };
}

/**
 * Outside production a per-installation secret is generated once and kept in
 * the data directory, so a first run needs no configuration.
 */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'app-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomUUID() + crypto.randomUUID();
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
