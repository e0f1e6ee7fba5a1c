// Chooses the database adapter: PostgreSQL when DATABASE_URL is set, the
// embedded PGlite (Postgres in WebAssembly, in process) otherwise. Both speak
// the same SQL and run the same migrations.
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Config } from '../config.js';
import { lockPgliteDir } from './pglite-lock.js';
import { SerialClient } from './serial-client.js';

/** Minimal raw-SQL access used by migrations, rate limits and locks. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` on one dedicated connection (session-level advisory locks must
   * be taken and released on the same connection).
   */
  withSession<T>(fn: (session: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: 'postgres' | 'pglite';
  prisma: PrismaClient;
  sql: SqlRunner;
  /** The pg pool, for libraries that need one (PostgreSQL only). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export type Db = PrismaClient;

export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') {
    // SerialClient: one query at a time per connection (see serial-client.ts).
    const pool = new pg.Pool({ connectionString: database.url, max: 10, Client: SerialClient });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const runnerOn = (q: pg.Pool | pg.PoolClient): SqlRunner => ({
      async query(sql, params) {
        const r = await q.query(sql, params as unknown[]);
        return r.rows;
      },
      async exec(sql) {
        await q.query(sql);
      },
      async withSession(fn) {
        if (q !== pool) return fn(runnerOn(q));
        const client = await pool.connect();
        try {
          return await fn(runnerOn(client));
        } finally {
          client.release();
        }
      },
    });
    return {
      kind: 'postgres',
      prisma,
      pool,
      sql: runnerOn(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let releaseLock = () => {};
  if (database.dir !== 'memory://') {
    fs.mkdirSync(database.dir, { recursive: true });
    releaseLock = lockPgliteDir(database.dir);
  }
  const lite = await PGlite.create(database.dir, { extensions: { btree_gist } }).catch((err: unknown) => {
    releaseLock();
    throw err;
  });
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils;
  // the runtime protocol is the same (checked by the integration tests).
  const adapter = new PrismaPGlite(lite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  // PGlite is a single connection: every call is already "one session".
  const sql: SqlRunner = {
    async query(text, params) {
      const r = await lite.query(text, params as unknown[]);
      return r.rows as never[];
    },
    async exec(text) {
      await lite.exec(text);
    },
    withSession: (fn) => fn(sql),
  };
  return {
    kind: 'pglite',
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await lite.close();
      releaseLock();
    },
  };
}
