// The real server for a flow: createApp on a fresh PostgreSQL database (the
// server tests' own helper), listening on loopback, with the demo practice
// seeded as `start` does (its site, publishable key, staff and the
// new-client-intake form). Nothing is faked.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, loadConfig, type App } from '@therapycrm/server';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../packages/server/test/support/database.js';
import {
  seedDemoPractice,
  type DemoCredentials,
} from '../../packages/server/src/domains/practice/seed-demo.js';

export interface RunningServer {
  url: string;
  app: App;
  database: TestDatabase;
  dataDir: string;
  demo: DemoCredentials;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const database = await createTestDatabase('tcrm_e2e');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0001',
    SEED_DEMO: 'false',
  });
  const app = await createApp(config);
  const server = http.createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const demo = await seedDemoPractice(app.services, [url]);
  if (!demo) throw new Error('the demo practice already existed in a fresh database');
  return {
    url,
    app,
    database,
    dataDir,
    demo,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
