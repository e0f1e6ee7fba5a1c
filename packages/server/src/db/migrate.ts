// Applies prisma/migrations/*/migration.sql in order, once each, under a
// PostgreSQL advisory lock so several instances can start at the same time.
// We apply them ourselves because Prisma's migrate engine needs a native binary
// we cannot ship (see DESIGN.md); the drift test keeps schema and SQL in step.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlRunner } from './client.js';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

/** Arbitrary constant: the advisory lock id that serialises migrations. */
export const MIGRATION_LOCK_ID = 722011;

/** A migration failed (rolled back, not recorded) or was edited after being applied. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  readonly code = 'MIGRATION_FAILED';
  constructor(
    readonly migration: string,
    cause: unknown,
    message = `Migration ${migration} failed and was rolled back: ${(cause as Error)?.message ?? 'unknown error'}`,
  ) {
    super(message, { cause });
  }
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(runner: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  return runner.withSession((sql) => migrateOn(sql, dir));
}

async function migrateOn(sql: SqlRunner, dir: string): Promise<MigrationResult> {
  await sql.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
  try {
    // Kept outside `public` so Prisma's drift check does not see it.
    await sql.exec(`CREATE SCHEMA IF NOT EXISTS therapycrm_meta;
    CREATE TABLE IF NOT EXISTS therapycrm_meta.migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (await sql.query<{ name: string; checksum: string }>(
        'SELECT name, checksum FROM therapycrm_meta.migrations',
      )).map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous !== m.checksum) {
          throw new MigrationError(m.name, null, `Migration ${m.name} was edited after it was applied; write a new migration instead.`);
        }
        continue;
      }
      // The migration and its bookkeeping row commit together: a crash between
      // them would leave a migration applied but unrecorded, and the next start
      // would fail re-running it.
      await sql.exec('BEGIN');
      try {
        await sql.exec(m.sql);
        await sql.query('INSERT INTO therapycrm_meta.migrations (name, checksum) VALUES ($1, $2)', [
          m.name,
          m.checksum,
        ]);
        await sql.exec('COMMIT');
      } catch (err) {
        await sql.exec('ROLLBACK').catch(() => undefined);
        throw new MigrationError(m.name, err);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
  }
}
