// The embedded database (PGlite, the default without DATABASE_URL) runs the
// same security core: encryption and audit round trip, concurrent audit
// writes on its single connection, one process at a time on its directory,
// data intact across an app close and reopen, and tamper detection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { ManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { verifyAuditChains } from '../audit/verify-chain.js';
import { auditChainKey } from '../audit/audit-log.js';
import { createCallerFactory } from '../trpc/init.js';
import { createTestContext } from '../trpc/context.js';
import { appRouter } from '../router.js';
import type { TestApp } from '../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../test/support/fixtures.js';
import { runCli } from '../../test/multi-instance/processes.js';
import { openDatabase } from './client.js';
import { DatabaseInUseError } from './pglite-lock.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-pglite-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const APP_SECRET = 'x'.repeat(40);
const chainKey = auditChainKey(APP_SECRET);

async function open(): Promise<App> {
  // No DATABASE_URL: the real default, PGlite under DATA_DIR/pglite.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', APP_SECRET });
  expect(config.database).toEqual({ kind: 'pglite', dir: path.join(dataDir, 'pglite') });
  return createApp(config, { logger: createLogger('silent'), clock: new ManualClock(new Date()) });
}

const callerOf = (app: App, staffSessionToken: string) =>
  createCallerFactory(appRouter)(createTestContext(app.services, { staffSessionToken }));

describe('file-backed PGlite', () => {
  it('encrypts and audits, survives close and reopen, refuses a second process, detects an edit', async () => {
    const first = await open();
    expect(first.services.database.kind).toBe('pglite');
    // The fixtures only use `services` (and the clock), which App has.
    const practice = await createTestPractice(first as unknown as TestApp);
    const staff = await signedInStaff(first as unknown as TestApp, practice.practiceId, 'clinician');
    const { id } = await callerOf(first, staff.token).clients.create({
      firstName: 'Durable-Dora',
      lastName: 'D',
      email: 'dora@example.test',
    });
    const raw = await first.services.prisma.client.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(raw)).not.toContain('Durable-Dora');
    await expect(callerOf(first, staff.token).clients.get({ clientId: id })).resolves.toMatchObject({
      firstName: 'Durable-Dora',
    });

    // Concurrent audit writes on several chains share PGlite's one connection.
    const other = await createTestPractice(first as unknown as TestApp, 'b');
    await Promise.all(
      [practice.practiceId, other.practiceId, null].flatMap((chain) =>
        Array.from({ length: 30 }, (_, i) =>
          first.services.audit.record({ practiceId: chain, actor: { type: 'system' }, action: 'test.write', objectId: String(i), outcome: 'success' }),
        ),
      ),
    );
    const beforeClose = await verifyAuditChains(first.services.prisma, chainKey);
    expect(beforeClose.ok).toBe(true);
    expect(await first.services.prisma.auditEvent.count({ where: { practiceId: practice.practiceId } })).toBe(33);

    // While the server has it open, nothing else may open the directory:
    // neither another instance in this process nor a CLI process.
    await expect(openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pglite') })).rejects.toBeInstanceOf(
      DatabaseInUseError,
    );
    const busy = await runCli(['verify-audit'], { DATA_DIR: dataDir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/DatabaseInUseError: The embedded database .* is in use by process \d+/);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    // A lock left by a process that died (kill -9) is taken over.
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), '999999999');

    const reopened = await open();
    try {
      const caller = callerOf(reopened, staff.token);
      await expect(caller.clients.get({ clientId: id })).resolves.toMatchObject({
        firstName: 'Durable-Dora',
        email: 'dora@example.test',
      });
      // The blind index (e-mail lookup) survives too.
      await expect(caller.clients.create({ firstName: 'X', lastName: 'Y', email: 'dora@example.test' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const afterReopen = await verifyAuditChains(reopened.services.prisma, chainKey);
      expect(afterReopen).toMatchObject({ ok: true, events: beforeClose.events + 1 }); // + the client.read

      const { sql } = reopened.services.database;
      await expect(sql.query(`UPDATE "AuditEvent" SET action = 'x' WHERE "practiceId" = $1`, [practice.practiceId])).rejects.toThrow(
        /append-only/,
      );
      await sql.exec('SET session_replication_role = replica');
      try {
        await sql.query(`UPDATE "AuditEvent" SET "objectId" = 'other' WHERE "practiceId" = $1 AND seq = 2`, [practice.practiceId]);
      } finally {
        await sql.exec('SET session_replication_role = origin');
      }
      const tampered = await verifyAuditChains(reopened.services.prisma, chainKey);
      expect(tampered.problems).toEqual([{ chainId: practice.practiceId, seq: 2, problem: 'hash_mismatch' }]);
    } finally {
      await reopened.close();
    }
    // Two PGlite boots and a CLI process: generous for a loaded 2-core machine.
  }, 120_000);
});
