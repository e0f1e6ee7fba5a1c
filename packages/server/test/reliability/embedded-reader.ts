// The embedded PGlite database is one process's file store: the test cannot
// open it while the server runs. This opens the same DATA_DIR in the test
// process (only while the server is down), as the same app the server is,
// for seeding before the first start and for the checks after a kill.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createCallerFactory } from '../../src/trpc/init.js';
import { appRouter } from '../../src/router.js';
import { createTestContext } from '../../src/trpc/context.js';
import type { TestApp } from '../support/test-app.js';

const callerFactory = createCallerFactory(appRouter);

export const EMBEDDED_SECRET = 'test-secret-test-secret-test-secret-00';

export function embeddedDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-kill-nine-'));
}

/** The environment of a server (or CLI command) on the PGlite database in `dataDir`. */
export function embeddedEnv(dataDir: string): Record<string, string> {
  return { DATA_DIR: dataDir, APP_SECRET: EMBEDDED_SECRET, TRUST_PROXY: 'loopback' };
}

/**
 * createApp on `dataDir/pglite`, shaped like a TestApp for the shared
 * fixtures (they use `services` and `caller`; `listen` is not offered).
 */
export async function openEmbedded(dataDir: string): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...embeddedEnv(dataDir),
  });
  const clock = new ManualClock(new Date());
  const app = await createApp(config, { logger: createLogger('silent'), clock });
  return {
    ...app,
    config,
    clock,
    dataDir,
    caller: (request = {}) => callerFactory(createTestContext(app.services, request)),
    listen: () => Promise.reject(new Error('the embedded reader does not serve HTTP')),
  };
}
