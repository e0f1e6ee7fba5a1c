// The migrator on real databases: applies each migration once, a failing
// migration leaves nothing behind, a migration and its bookkeeping row commit
// together, an edited migration is refused, the lock is always released.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { openDatabase, type Database } from './client.js';
import { migrate, MIGRATION_LOCK_ID, MigrationError } from './migrate.js';

let dirs: string[] = [];
function migrationsDir(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

async function tables(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}
async function recorded(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ name: string }>('SELECT name FROM therapycrm_meta.migrations ORDER BY name');
  return rows.map((r) => r.name);
}

describe('migrate on PostgreSQL (scratch migrations)', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase({ kind: 'postgres', url: testDb.url });
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it('a failing migration is rolled back whole and not recorded; fixed, it applies once', async () => {
    await db.sql.exec('DROP SCHEMA IF EXISTS therapycrm_meta CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const broken = migrationsDir({
      '001_a': 'CREATE TABLE a (id int);',
      '002_b': 'CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\nSELECT 1/0;',
    });
    const err = await migrate(db.sql, broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err).toMatchObject({ code: 'MIGRATION_FAILED', migration: '002_b' });
    expect(await tables(db)).toEqual(['a']);
    expect(await recorded(db)).toEqual(['001_a']);

    fs.writeFileSync(path.join(broken, '002_b', 'migration.sql'), 'CREATE TABLE b (id int);');
    expect(await migrate(db.sql, broken)).toEqual({ applied: ['002_b'], alreadyApplied: 1 });
    expect(await migrate(db.sql, broken)).toEqual({ applied: [], alreadyApplied: 2 });
    expect(await tables(db)).toEqual(['a', 'b']);
  });

  it('a migration and its bookkeeping row commit together (no "applied but unrecorded")', async () => {
    await db.sql.exec('DROP SCHEMA IF EXISTS therapycrm_meta CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    // This migration makes the bookkeeping insert fail (duplicate name), the
    // way a crash between the two steps would leave them apart.
    const dir = migrationsDir({
      '001_sneaky': `CREATE TABLE c (id int);
        INSERT INTO therapycrm_meta.migrations (name, checksum) VALUES ('001_sneaky', 'x');`,
    });
    await expect(migrate(db.sql, dir)).rejects.toBeInstanceOf(MigrationError);
    expect(await tables(db)).toEqual([]);
    expect(await recorded(db)).toEqual([]);
  });

  it('refuses a migration edited after it was applied', async () => {
    await db.sql.exec('DROP SCHEMA IF EXISTS therapycrm_meta CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const dir = migrationsDir({ '001_a': 'CREATE TABLE a (id int);' });
    await migrate(db.sql, dir);
    fs.writeFileSync(path.join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate(db.sql, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it('releases the advisory lock on failure (the next run is not blocked)', async () => {
    await db.sql.exec('DROP SCHEMA IF EXISTS therapycrm_meta CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await expect(migrate(db.sql, migrationsDir({ '001_x': 'SELECT 1/0;' }))).rejects.toThrow();
    // pg_locks is cluster-wide: count only this database's migration lock.
    const held = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND l.objid = $1 AND d.datname = current_database()`,
      [MIGRATION_LOCK_ID],
    );
    expect(held[0]!.n).toBe(0);
  });
});
