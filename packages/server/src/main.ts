// therapycrm CLI: start | migrate | seed | create-practice | rotate-keys | verify-audit
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { FileKeyProvider } from './crypto/key-provider.js';
import { createMasterKeyFile, rotateMasterKey } from './crypto/rotate-keys.js';
import { verifyAuditChains, type ChainAnchor } from './audit/verify-chain.js';
import { auditChainKey } from './audit/audit-log.js';
import type { DemoCredentials } from './domains/practice/seed-demo.js';

// The whole app (every domain) loads only for commands that serve or provision:
// maintenance commands (migrate, rotate-keys, verify-audit) start in half the time.
const createApp: typeof import('./app.js').createApp = async (...args) => (await import('./app.js')).createApp(...args);
const seedDemoPractice: typeof import('./domains/practice/seed-demo.js').seedDemoPractice = async (...args) =>
  (await import('./domains/practice/seed-demo.js')).seedDemoPractice(...args);
const scheduleDraftPurge: typeof import('./domains/intake/intake-jobs.js').scheduleDraftPurge = async (...args) =>
  (await import('./domains/intake/intake-jobs.js')).scheduleDraftPurge(...args);
const readDemoCredentials = async (dataDir: string) =>
  (await import('./domains/practice/seed-demo.js')).readDemoCredentials(dataDir);
const provisionPractice: typeof import('./domains/practice/provision.js').provisionPractice = async (...args) =>
  (await import('./domains/practice/provision.js')).provisionPractice(...args);

const USAGE = `Usage: therapycrm <command> [options]

Commands:
  start                 migrate, seed the demo practice on an empty database (development), serve
  migrate               apply database migrations
  seed                  create the demo practice if it does not exist
  create-practice       --name N --slug S --owner-email E [--owner-name N] [--timezone TZ] [--origin URL ...]
  rotate-keys           new master key, re-wrap every data key (no downtime); --retire drops unused old keys;
                        --new-master-key creates the first key file of a new installation
  verify-audit          recompute every audit hash chain; exit 1 on any problem;
                        --anchors FILE checks the heads saved there last time, then saves today's
`;

function out(line: string) {
  process.stdout.write(`${line}\n`);
}

function printDemo(config: Config, demo: DemoCredentials | null) {
  if (!demo) return;
  out('');
  out('  Demo practice: Harbor Light Counseling');
  out(`  Publishable key: ${demo.publishableKey}`);
  out(`  Owner:     ${demo.owner.email} / ${demo.owner.password}`);
  out(`  Clinician: ${demo.clinician.email} / ${demo.clinician.password}`);
  out(`  (also in ${config.dataDir}/demo-credentials.json; set up MFA at first sign-in)`);
}

async function start(config: Config) {
  const app = await createApp(config);
  const origins = [config.publicUrl, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
  if (config.env !== 'production' && config.seedDemo) {
    const fresh = await seedDemoPractice(app.services, [...new Set(origins)]);
    printDemo(config, fresh ?? (await readDemoCredentials(config.dataDir)));
  }
  // Recurring maintenance reschedules itself; this seeds the first run (idempotent).
  await scheduleDraftPurge(app.services);
  app.services.jobs.start();
  // Behind a TLS-terminating proxy plain HTTP is fine (set TRUST_PROXY);
  // otherwise TLS 1.2 is the floor and 1.3 is negotiated when the client can.
  const server = config.tls
    ? https.createServer(
        {
          cert: fs.readFileSync(config.tls.certFile),
          key: fs.readFileSync(config.tls.keyFile),
          minVersion: 'TLSv1.2',
        },
        app.express,
      )
    : http.createServer(app.express);
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `${config.tls ? 'https' : 'http'}://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  out('');
  out(`  therapyCRM is running (${config.database.kind === 'pglite' ? `embedded PGlite at ${config.database.dir}` : 'PostgreSQL'})`);
  out(`  Demo practice site: ${base}/`);
  out(`  Staff console:      ${base}/console/`);
  out(`  API:                ${base}/trpc`);
  out(`  Health:             ${base}/healthz`);
  out('');
  const shutdown = async () => {
    server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const db = await openDatabase(config.database);
      const r = await migrate(db.sql);
      out(r.applied.length ? `Applied: ${r.applied.join(', ')}` : 'Database is up to date.');
      return db.close();
    }
    case 'seed': {
      const app = await createApp(config);
      const demo = await seedDemoPractice(app.services, [config.publicUrl]);
      if (demo) printDemo(config, demo);
      else out('Demo practice already exists.');
      return app.close();
    }
    case 'create-practice': {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          slug: { type: 'string' },
          'owner-email': { type: 'string' },
          'owner-name': { type: 'string' },
          timezone: { type: 'string', default: 'America/New_York' },
          origin: { type: 'string', multiple: true, default: [] },
        },
      });
      if (!values.name || !values.slug || !values['owner-email']) throw new ConfigError(USAGE);
      const app = await createApp(config);
      const password = (await import('node:crypto')).randomBytes(12).toString('base64url');
      const p = await provisionPractice(app.services, {
        name: values.name,
        slug: values.slug,
        timezone: values.timezone!,
        owner: { email: values['owner-email'], displayName: values['owner-name'] ?? values['owner-email'], password },
        allowedOrigins: values.origin!,
      });
      out(`Practice ${p.practiceId} created. Publishable key: ${p.publishableKey}`);
      out(`Owner ${values['owner-email']} temporary password: ${password} (change it and set up MFA at first sign-in)`);
      return app.close();
    }
    case 'rotate-keys': {
      const { values } = parseArgs({
        args: rest,
        options: { retire: { type: 'boolean', default: false }, 'new-master-key': { type: 'boolean', default: false } },
      });
      if (values['new-master-key']) {
        const db = await openDatabase(config.database);
        const id = await createMasterKeyFile(db.sql, config.masterKeyFile).finally(() => db.close());
        out(`Created ${config.masterKeyFile} with master key ${id}. Keep it apart from database backups.`);
        return;
      }
      // Never `ensure` here: a missing file means the wrong path, and a fresh
      // key file could not unwrap anything already in the database.
      const keys = new FileKeyProvider(config.masterKeyFile);
      const db = await openDatabase(config.database);
      const r = await rotateMasterKey(db.prisma, keys, { retire: values.retire }).finally(() => db.close());
      out(`New master key ${r.newMasterKeyId}; re-wrapped ${r.rewrapped} data keys.`);
      if (r.skipped) out(`${r.skipped} data keys changed during the pass; run rotate-keys again.`);
      if (r.retired.length) out(`Retired master keys: ${r.retired.join(', ')}`);
      return;
    }
    case 'verify-audit': {
      const { values } = parseArgs({ args: rest, options: { anchors: { type: 'string' } } });
      // Heads verified last time, kept outside the database: they reveal the
      // newest events removed with the head rewound (see verify-chain.ts).
      const anchorFile = values.anchors;
      const anchors =
        anchorFile && fs.existsSync(anchorFile) ? (JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as ChainAnchor[]) : [];
      const db = await openDatabase(config.database);
      // The same APP_SECRET as the server's: the chain's MACs are keyed with it.
      const r = await verifyAuditChains(db.prisma, auditChainKey(config.appSecret), undefined, anchors).finally(() =>
        db.close(),
      );
      out(`${r.chains} chains, ${r.events} events: ${r.ok ? 'OK' : `${r.problems.length} problem(s)`}`);
      for (const p of r.problems) out(`  chain ${p.chainId} seq ${p.seq}: ${p.problem}`);
      if (!r.ok) process.exitCode = 1;
      else if (anchorFile) {
        fs.writeFileSync(`${anchorFile}.tmp`, JSON.stringify(r.heads, null, 1), { mode: 0o600 });
        fs.renameSync(`${anchorFile}.tmp`, anchorFile);
      }
      return;
    }
    default:
      out(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  // Name only: a message could quote data.
  process.stderr.write(`therapycrm: ${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? ''}\n`);
  process.exit(1);
});
