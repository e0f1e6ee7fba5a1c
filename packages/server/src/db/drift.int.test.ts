// Drift: the SQL migrations (applied by our migrator) must produce exactly the
// schema prisma/schema.prisma describes. We introspect a freshly migrated
// PostgreSQL database with `prisma db pull` and diff that datamodel against
// schema.prisma with `prisma migrate diff --exit-code` (0 = same, 2 = drift).
// See drift.prisma.config.ts for why it is not `--from-url`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { SERVER_ROOT } from '../../test/multi-instance/processes.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';

const execFileAsync = promisify(execFile);
const PRISMA_CLI = path.join(SERVER_ROOT, 'node_modules/prisma/build/index.js');
const DRIFT_CONFIG = 'src/db/drift.prisma.config.ts';
const SCHEMA = path.join(SERVER_ROOT, 'prisma/schema.prisma');

let testDb: TestDatabase;
let tmp: string;

async function prisma(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await execFileAsync(process.execPath, [PRISMA_CLI, ...args, '--config', DRIFT_CONFIG], {
      cwd: SERVER_ROOT,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        // No engine downloads: the JS engine and the wasm schema engine need none.
        PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
        PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
        PRISMA_DATASOURCE_URL_UNUSED: 'postgresql://unused',
        DATABASE_URL: testDb.url,
      },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The live database as a Prisma datamodel file. */
async function pullDatabaseSchema(file: string): Promise<string> {
  const r = await prisma(['db', 'pull', '--print']);
  expect(r.code, r.stderr).toBe(0);
  // The CLI prints a warning about the unused datasource url before the schema.
  const start = r.stdout.search(/^(generator|datasource) /m);
  expect(start).toBeGreaterThanOrEqual(0);
  fs.writeFileSync(file, r.stdout.slice(start));
  return file;
}

function diff(from: string, to: string) {
  return prisma(['migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', to, '--exit-code', '--script']);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-drift-'));
  testDb = await createTestDatabase('tcrm_drift');
  const db = await openDatabase({ kind: 'postgres', url: testDb.url });
  try {
    await migrate(db.sql);
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('migrations vs schema.prisma', () => {
  it('a freshly migrated database has no drift from schema.prisma, and the check sees changes on either side', async () => {
    const pulled = await pullDatabaseSchema(path.join(tmp, 'pulled.prisma'));
    // Negative control 1: a schema with one extra column must show as drift.
    const extra = path.join(tmp, 'extra-column.prisma');
    const schema = fs.readFileSync(SCHEMA, 'utf8');
    const withExtra = schema.replace(/^model Practice \{\n/m, 'model Practice {\n  driftProbe String?\n');
    expect(withExtra).not.toBe(schema);
    fs.writeFileSync(extra, withExtra);

    // Negative control 2: a change made only in the database shows too (pulled
    // again while the first two diffs run).
    const pullAfterDatabaseChange = (async () => {
      const db = await openDatabase({ kind: 'postgres', url: testDb.url });
      try {
        await db.sql.exec('ALTER TABLE "Client" ADD COLUMN "notesPlain" text');
      } finally {
        await db.close();
      }
      return pullDatabaseSchema(path.join(tmp, 'pulled-again.prisma'));
    })();

    const [clean, drifted, pulledAgain] = await Promise.all([diff(pulled, SCHEMA), diff(pulled, extra), pullAfterDatabaseChange]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toContain('empty migration');
    expect(drifted.code).toBe(2);
    expect(drifted.stdout).toMatch(/ALTER TABLE "Practice" ADD COLUMN\s+"driftProbe" TEXT/);

    const dbDrift = await diff(pulledAgain, SCHEMA);
    expect(dbDrift.code).toBe(2);
    expect(dbDrift.stdout).toMatch(/DROP COLUMN "notesPlain"/);
    // Five Prisma CLI runs (about 2 s of CPU each).
  }, 90_000);
});
