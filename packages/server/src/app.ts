// createApp(config) builds the Express app and its services. It does not
// listen and sets no globals, so tests can run several apps in one process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createLogger, type Logger } from './logger.js';
import { FileKeyProvider, type KeyProvider } from './crypto/key-provider.js';
import { PhiCipher } from './crypto/phi-cipher.js';
import { AuditLog, auditChainKey } from './audit/audit-log.js';
import { RateLimits, type RateLimitRule } from './trpc/rate-limit.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { JobQueue } from './jobs/queue.js';
import { createContextFactory } from './trpc/context.js';
import { widgetCors } from './http/cors.js';
import { trpcGuards } from './http/request-guards.js';
import { securityHeaders } from './http/security-headers.js';
import { hostedPages } from './http/hosted-pages.js';
import { appRouter } from './router.js';
import { registerJobHandlers } from './jobs/handlers.js';
import type { AppServices } from './services.js';
import { LocalDiskFileStore } from './files/file-store.js';
import { filesRoute } from './files/files-route.js';
import { UPLOAD_PROCEDURE_PATH, uploadBodyLimit } from './domains/intake/upload.schema.js';
import { DEMO_SLUG } from './domains/practice/seed-demo.js';
import { stripeWebhookRouter } from './domains/payments/stripe-webhook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  keys?: KeyProvider;
  mailer?: Mailer;
  rateLimitRules?: Partial<Record<RateLimitRule, { points: number; duration: number }>>;
  /** Skip applying migrations (when the caller already did). */
  skipMigrations?: boolean;
}

export interface App {
  express: Express;
  services: AppServices;
  close(): Promise<void>;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const database = await openDatabase(config.database);
  if (!overrides.skipMigrations) await migrate(database.sql);
  const prisma = database.prisma;
  const keys = overrides.keys ?? FileKeyProvider.ensure(config.masterKeyFile);
  const rateLimits = new RateLimits(
    config.redisUrl
      ? { kind: 'redis', redisUrl: config.redisUrl }
      : database.pool
        ? { kind: 'postgres', pool: database.pool }
        : { kind: 'memory' },
    config.appSecret,
    overrides.rateLimitRules,
  );
  const services: AppServices = {
    config,
    database,
    prisma,
    clock,
    logger,
    keys,
    cipher: new PhiCipher(prisma, keys),
    audit: new AuditLog(prisma, clock, auditChainKey(config.appSecret)),
    rateLimits,
    mailer: overrides.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger }),
    jobs: new JobQueue(prisma, clock, logger),
    files: new LocalDiskFileStore(path.join(config.dataDir, 'files')),
  };
  registerJobHandlers(services);

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger,
      // Paths only: query strings (tRPC inputs on GET) may carry PHI.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await database.sql.query('SELECT 1');
      res.json({ ok: true, database: database.kind });
    } catch {
      res.status(503).json({ ok: false });
    }
  });

  const trpcHandler = (maxBodySize: number) =>
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory(services),
      maxBodySize,
      allowMethodOverride: false,
      onError({ error, path: procedure }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The cause's name only: messages can quote input (PHI).
          logger.error({ procedure, error: error.cause?.name ?? error.name }, 'procedure failed');
        }
      },
    });
  // File uploads (base64 in JSON) alone get a body cap sized for MAX_UPLOAD_BYTES,
  // and only when called unbatched; every other call keeps MAX_BODY_BYTES.
  // Raw body, before anything parses JSON: Stripe signs the exact bytes.
  app.use('/webhooks/stripe', stripeWebhookRouter(services));
  const uploadBodyBytes = uploadBodyLimit(config.maxUploadBytes);
  app.post(`/trpc/${UPLOAD_PROCEDURE_PATH}`, widgetCors(prisma), trpcGuards(uploadBodyBytes), trpcHandler(uploadBodyBytes));
  app.use('/trpc', widgetCors(prisma), trpcGuards(config.maxBodyBytes), trpcHandler(config.maxBodyBytes));
  app.use('/files', filesRoute(services));

  const widgetsDist = path.join(ROOT, 'packages/widgets/dist');
  app.use('/widgets', express.static(widgetsDist, { fallthrough: false, maxAge: config.env === 'production' ? '1h' : 0 }));
  const consoleDir = path.join(ROOT, 'packages/widgets/dist/console');
  if (fs.existsSync(consoleDir)) app.use('/console', express.static(consoleDir));
  // Hosted booking pages (/p/:slug/…), in production too: e-mailed links open them.
  app.use(hostedPages(services));
  if (config.env !== 'production') {
    const site = path.join(ROOT, 'examples/practice-site');
    // The demo site's pages embed the widgets as a practice would, with the
    // demo practice's publishable key written in (it differs per install).
    app.get(/^\/(?:[a-z0-9-]+\.html)?$/, async (req, res, next) => {
      const file = path.join(site, req.path === '/' ? 'index.html' : req.path.slice(1));
      if (!fs.existsSync(file)) return next();
      const key = await prisma.apiKey.findFirst({
        where: { kind: 'publishable', revokedAt: null, practice: { slug: DEMO_SLUG } },
        orderBy: { createdAt: 'asc' },
        select: { publicKey: true },
      });
      const html = fs.readFileSync(file, 'utf8').replaceAll('%TCRM_PUBLISHABLE_KEY%', key?.publicKey ?? '');
      res.type('html').set('Cache-Control', 'no-store').send(html);
    });
    app.use('/', express.static(site));
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });

  return {
    express: app,
    services,
    async close() {
      await services.jobs.stop();
      await rateLimits.close();
      services.mailer.close();
      await database.close();
    },
  };
}
