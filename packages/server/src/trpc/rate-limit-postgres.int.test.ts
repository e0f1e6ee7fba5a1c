// The PostgreSQL rate-limit store's two departures from the library: the
// counter commits asynchronously (only its own transaction, and counting is
// still exact across instances), and expired windows are purged.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { RateLimits } from './rate-limit.js';
import { AsyncCommitRateLimiterPostgres, purgeExpiredRateLimits } from './rate-limit-postgres.js';

let testDb: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openDatabase({ kind: 'postgres', url: testDb.url });
  await migrate(database.sql);
});
afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const secret = () => crypto.randomBytes(16).toString('hex');
const rows = () =>
  database.sql.query<{ key: string; points: number }>('SELECT key, points FROM rate_limits');

describe('asynchronous commit of counters', () => {
  it('applies to the counter transaction only, never to the pooled connection afterwards', async () => {
    // One connection, so the SHOW below runs where the upsert ran.
    const pool = new pg.Pool({ connectionString: testDb.url, max: 1 });
    try {
      const limiter = new AsyncCommitRateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        points: 5,
        duration: 60,
      });
      const r = await limiter._upsert(`k-${secret()}`, 1, 60_000);
      expect(r.rows[0]).toMatchObject({ points: 1, synchronousCommit: 'off' });
      const after = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      expect(after.rows[0]!.synchronous_commit).toBe('on');
    } finally {
      await pool.end();
    }
  });

  it('still counts exactly: two instances (two pools) racing share one budget', async () => {
    const shared = secret();
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: testDb.url, max: 4 }));
    const instances = pools.map(
      (pool) =>
        new RateLimits({ kind: 'postgres', pool }, shared, {
          authByIp: { points: 10, duration: 60 },
        }),
    );
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => instances[i % 2]!.consume('authByIp', '203.0.113.7')),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(20);
      for (const o of rejected) expect(o.reason).toMatchObject({ code: 'RATE_LIMITED' });
      const key = instances[0]!.key('authByIp', '203.0.113.7');
      expect((await rows()).find((r) => r.key === `tcrm_authByIp:${key}`)?.points).toBe(30);
    } finally {
      for (const l of instances) await l.close();
      for (const p of pools) await p.end();
    }
  });
});

describe('purging expired windows', () => {
  it('purgeExpiredRateLimits deletes only windows that ended', async () => {
    const now = Date.now();
    const tag = secret();
    await database.sql.query(
      `INSERT INTO rate_limits (key, points, expire) VALUES ($1, 1, $4), ($2, 1, $5), ($3, 1, NULL)`,
      [`ended-${tag}`, `open-${tag}`, `forever-${tag}`, now - 1, now + 60_000],
    );
    expect(await purgeExpiredRateLimits(database.pool!, now)).toBeGreaterThanOrEqual(1);
    const left = (await rows()).map((r) => r.key).filter((k) => k.endsWith(tag));
    expect(left.sort()).toEqual([`forever-${tag}`, `open-${tag}`]);
  });

  it('consume purges expired counters once the interval has passed, and not before', async () => {
    const rules = { authByAccount: { points: 3, duration: 1 } };
    const frequent = new RateLimits(
      { kind: 'postgres', pool: database.pool!, purgeEveryMs: 0 },
      secret(),
      rules,
    );
    const rare = new RateLimits(
      { kind: 'postgres', pool: database.pool!, purgeEveryMs: 60_000 },
      secret(),
      rules,
    );
    const keyOf = (l: RateLimits, who: string) =>
      `tcrm_authByAccount:${l.key('authByAccount', who)}`;
    await frequent.consume('authByAccount', 'a');
    await rare.consume('authByAccount', 'a');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // both windows end

    await rare.consume('authByAccount', 'b');
    await rare.close(); // waits for a purge, had one started
    let keys = (await rows()).map((r) => r.key);
    expect(keys).toContain(keyOf(rare, 'a'));
    expect(keys).toContain(keyOf(frequent, 'a'));

    await frequent.consume('authByAccount', 'b');
    await frequent.close();
    keys = (await rows()).map((r) => r.key);
    expect(keys).not.toContain(keyOf(frequent, 'a'));
    expect(keys).not.toContain(keyOf(rare, 'a'));
    expect(keys).toContain(keyOf(frequent, 'b'));
    expect(keys).toContain(keyOf(rare, 'b'));
  });
});
