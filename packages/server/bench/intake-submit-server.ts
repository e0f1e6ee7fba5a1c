// The server side of bench/intake-submit.bench.ts, in its own process so the
// load generator does not share its event loop: the real createApp (as
// production configures it: request logging at info, to /dev/null here; the
// real per-IP rate limit, raised so the benchmark's single IP is never
// refused, still counting every request in PostgreSQL or Redis) with the demo
// practice and its published intake form, and a bare Express JSON endpoint on
// another port, for the baseline.
//
//   node --import tsx bench/intake-submit-server.ts <database url> <data dir> [redis url]
//
// Prints one line `READY <json>` with the ports, key and form version.
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { seedDemoPractice } from '../src/domains/practice/seed-demo.js';
import { DEMO_FORM_KEY } from '../src/domains/intake/demo-form.js';

export const BENCH_ORIGIN = 'https://bench.test';

const [databaseUrl, dataDir, redisUrl] = process.argv.slice(2);
const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl!,
  DATA_DIR: dataDir!,
  LOG_LEVEL: 'info',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret',
  ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
});
const app = await createApp(config, {
  logger: createLogger('info', pino.destination('/dev/null')),
  rateLimitRules: { request: { points: 1_000_000_000, duration: 60 } },
});
const demo = await seedDemoPractice(app.services, [BENCH_ORIGIN]);
const version = await app.services.prisma.intakeForm.findFirstOrThrow({
  where: { practiceId: demo!.practiceId, key: DEMO_FORM_KEY },
  select: { currentVersionId: true },
});

const echo = express();
echo.disable('x-powered-by');
echo.post('/echo', express.json(), (_req, res) => {
  res.json({ ok: true });
});

const listen = async (handler: http.RequestListener) => {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const appServer = await listen(app.express);
const echoServer = await listen(echo);
const port = (s: http.Server) => (s.address() as AddressInfo).port;
process.stdout.write(
  `READY ${JSON.stringify({
    appPort: port(appServer),
    echoPort: port(echoServer),
    publishableKey: demo!.publishableKey,
    practiceId: demo!.practiceId,
    formVersionId: version.currentVersionId,
  })}\n`,
);

// BENCH_CPU_PROF=<dir>: a V8 CPU profile of the serving, written on SIGTERM.
const profileDir = process.env.BENCH_CPU_PROF;
const profiler = profileDir ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

process.once('SIGTERM', () => {
  appServer.close();
  echoServer.close();
  void (async () => {
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      fs.writeFileSync(
        path.join(profileDir!, `intake-submit-server-${process.pid}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    await app.close();
    process.exit(0);
  })();
});
