// Builds a real app for a test: real database (PostgreSQL by default, PGlite
// on request), real crypto with a temporary master-key file, a manual clock,
// optionally listening on a loopback port for real-HTTP tests.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createCallerFactory } from '../../src/trpc/init.js';
import { appRouter } from '../../src/router.js';
import { createTestContext, type RequestInfo } from '../../src/trpc/context.js';
import { createTestDatabase, type TestDatabase } from './database.js';

const callerFactory = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof callerFactory>;

export interface TestApp extends App {
  config: Config;
  clock: ManualClock;
  dataDir: string;
  database?: TestDatabase;
  /** tRPC caller with the given request info (cookies/keys/origin). */
  caller(request?: Partial<RequestInfo>): AppCaller;
  /** Starts listening on 127.0.0.1:<random>; returns the base URL. */
  listen(): Promise<string>;
}

export interface TestAppOptions extends Omit<AppOverrides, 'clock'> {
  db?: 'postgres' | 'pglite';
  /** Reuse an existing database URL (e.g. a second instance on one database). */
  databaseUrl?: string;
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Share a data dir (and so a master-key file) with another test app. */
  dataDir?: string;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-test-'));
  const database =
    options.databaseUrl || options.db === 'pglite' ? undefined : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database?.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    APP_SECRET: 'test-secret-test-secret-test-secret-00',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  if (!databaseUrl) (config as { database: Config['database'] }).database = { kind: 'pglite', dir: 'memory://' };
  const clock = options.clock ?? new ManualClock(new Date());
  const app = await createApp(config, { logger: createLogger('silent'), ...options, clock });
  let server: http.Server | undefined;
  return {
    ...app,
    config,
    clock,
    dataDir,
    database,
    caller: (request = {}) => callerFactory(createTestContext(app.services, request)),
    async listen() {
      server = http.createServer(app.express);
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      if (server) await new Promise((resolve) => server!.close(resolve));
      await app.close();
      await database?.drop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
