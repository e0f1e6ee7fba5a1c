// Instances starting together: several `therapycrm migrate` processes on one
// fresh database all succeed, and each migration is applied exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { listMigrations, MIGRATION_LOCK_ID } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { runCli } from './processes.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase('tcrm_migrate');
});
afterAll(async () => {
  await testDb.drop();
});

describe('concurrent migrations', () => {
  it('three processes migrating one fresh database all succeed and apply each migration once', async () => {
    // Hold the migration lock ourselves until all three processes are queued
    // on it, so they really race once it is released (not just start apart).
    const gate = new pg.Client({ connectionString: testDb.url });
    await gate.connect();
    await gate.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const running = [0, 1, 2].map(() => runCli(['migrate'], { DATABASE_URL: testDb.url }));
    const waiting = async () =>
      (
        await gate.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
           WHERE l.locktype = 'advisory' AND l.objid = $1 AND NOT l.granted AND d.datname = current_database()`,
          [MIGRATION_LOCK_ID],
        )
      ).rows[0]!.n;
    await expect.poll(waiting, { timeout: 30_000, interval: 50 }).toBe(3);
    await gate.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    await gate.end();
    const results = await Promise.all(running);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const all = listMigrations().map((m) => m.name);
    // Exactly one process applied the migrations; the others found them done.
    const appliers = results.filter((r) => r.stdout.startsWith('Applied:'));
    expect(appliers).toHaveLength(1);
    expect(appliers[0]!.stdout.trim()).toBe(`Applied: ${all.join(', ')}`);
    expect(results.filter((r) => r.stdout.includes('Database is up to date.'))).toHaveLength(2);

    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM therapycrm_meta.migrations ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(all);
      const triggers = await client.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'AuditEvent_append_only'`);
      expect(triggers.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  }, 60_000);
});
