// The real server for the console's browser tests, in its own process (run
// with tsx by wtr-server-plugin.mjs). PGlite in memory, a temporary data dir
// for the master key and files. Protocol on stdio, one JSON object a line:
//   out: {"ready":{"port":N}}            once listening and seeded
//   in:  {"id":1,"command":{...}}        out: {"id":1,"result":...} or {"id":1,"error":"..."}
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { AddressInfo } from 'node:net';
import { createApp, loadConfig, type Config } from '@therapycrm/server';
import { seed } from './seed.js';
import { commandHandler, type Command } from './commands.js';

const origin = process.env['TCRM_TEST_ORIGIN'];
if (!origin) throw new Error('TCRM_TEST_ORIGIN (the wtr page origin) is required');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-console-test-'));
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  APP_SECRET: 'console-test-secret-console-test-secret',
  SEED_DEMO: 'false',
  BOOKING_MAX_LIVE_HOLDS_PER_IP: '10000',
});
(config as { database: Config['database'] }).database = { kind: 'pglite', dir: 'memory://' };

// Every request comes from 127.0.0.1: per-IP limits sized for people would
// trip on a test run, so they are raised; per-account lockout stays as is.
const app = await createApp(config, {
  rateLimitRules: {
    request: { points: 100_000, duration: 60 },
    authByIp: { points: 10_000, duration: 60 },
    bookingHold: { points: 10_000, duration: 60 },
    waitlistJoin: { points: 10_000, duration: 60 },
  },
});
const fixture = await seed(app, origin);
const handle = commandHandler(app, fixture);
const server = http.createServer(app.express);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
send({ ready: { port: (server.address() as AddressInfo).port } });

async function shutdown(): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { id, command } = JSON.parse(line) as { id: number; command: Command };
  handle(command).then(
    (result) => send({ id, result }),
    (error: unknown) => send({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The plugin's process ended (stdin closed): do not outlive it.
lines.on('close', () => void shutdown());
