// The embedded database (PGlite) runs the same security core: encryption and
// audit round trip, tamper detection, and a file-backed database that keeps
// its data (readable with the same key file) across an app close and reopen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { ManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { verifyAuditChains } from '../audit/verify-chain.js';
import { createCallerFactory } from '../trpc/init.js';
import { createTestContext } from '../trpc/context.js';
import { appRouter } from '../router.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../test/support/fixtures.js';
import { runCli } from '../../test/multi-instance/processes.js';
import { openDatabase } from './client.js';
import { DatabaseInUseError } from './pglite-lock.js';

describe('in-memory PGlite', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('encrypts, audits, verifies the chain and detects an edit', async () => {
    expect(app.services.database.kind).toBe('pglite');
    const practice = await createTestPractice(app);
    const staff = await signedInStaff(app, practice.practiceId, 'clinician');
    const caller = app.caller({ staffSessionToken: staff.token });
    const { id } = await caller.clients.create({ firstName: 'Lite-Ada', lastName: 'L' });
    const raw = await app.services.prisma.client.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(raw)).not.toContain('Lite-Ada');
    await expect(caller.clients.get({ clientId: id })).resolves.toMatchObject({ firstName: 'Lite-Ada' });

    const report = await verifyAuditChains(app.services.prisma, practice.practiceId);
    expect(report).toMatchObject({ ok: true, events: 3 }); // practice.create, client.create, client.read
    await expect(
      app.services.database.sql.query(`UPDATE "AuditEvent" SET action = 'x' WHERE "practiceId" = $1`, [practice.practiceId]),
    ).rejects.toThrow(/append-only/);
    await app.services.database.sql.exec('SET session_replication_role = replica');
    try {
      await app.services.database.sql.query(
        `UPDATE "AuditEvent" SET "objectId" = 'other' WHERE "practiceId" = $1 AND action = 'client.read'`,
        [practice.practiceId],
      );
    } finally {
      await app.services.database.sql.exec('SET session_replication_role = origin');
    }
    const tampered = await verifyAuditChains(app.services.prisma, practice.practiceId);
    expect(tampered.problems).toEqual([{ chainId: practice.practiceId, seq: 3, problem: 'hash_mismatch' }]);
  });

  it('concurrent audit writes on several chains share the single connection safely', async () => {
    const a = await createTestPractice(app, 'a');
    const b = await createTestPractice(app, 'b');
    const writes = [a.practiceId, b.practiceId, null].flatMap((practiceId) =>
      Array.from({ length: 30 }, (_, i) =>
        app.services.audit.record({ practiceId, actor: { type: 'system' }, action: 'test.write', objectId: String(i), outcome: 'success' }),
      ),
    );
    await Promise.all(writes);
    for (const chain of [a.practiceId, b.practiceId, null]) {
      expect((await verifyAuditChains(app.services.prisma, chain)).ok).toBe(true);
    }
    expect(await app.services.prisma.auditEvent.count({ where: { practiceId: a.practiceId } })).toBe(31);
  });
});

describe('file-backed PGlite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-pglite-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function open(): Promise<App> {
    // No DATABASE_URL: the real default, PGlite under DATA_DIR/pglite.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', APP_SECRET: 'x'.repeat(40) });
    expect(config.database).toEqual({ kind: 'pglite', dir: path.join(dataDir, 'pglite') });
    return createApp(config, { logger: createLogger('silent'), clock: new ManualClock(new Date()) });
  }

  it('keeps encrypted records and an intact audit chain across close and reopen', async () => {
    const first = await open();
    const asTest = first as unknown as TestApp;
    const practice = await createTestPractice(asTest);
    const staff = await signedInStaff(asTest, practice.practiceId, 'clinician');
    const callerOf = (app: App) =>
      createCallerFactory(appRouter)(createTestContext(app.services, { staffSessionToken: staff.token }));
    const { id } = await callerOf(first).clients.create({ firstName: 'Durable-Dora', lastName: 'D', email: 'dora@example.test' });
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
      const caller = callerOf(reopened);
      await expect(caller.clients.get({ clientId: id })).resolves.toMatchObject({
        firstName: 'Durable-Dora',
        email: 'dora@example.test',
      });
      // The blind index (e-mail lookup) survives too.
      await expect(caller.clients.create({ firstName: 'X', lastName: 'Y', email: 'dora@example.test' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const report = await verifyAuditChains(reopened.services.prisma, practice.practiceId);
      expect(report).toMatchObject({ ok: true, events: 3 });
    } finally {
      await reopened.close();
    }
  });
});
