// RateLimits on its real stores: PostgreSQL (the rate_limits table from our
// migrations), Redis, and Redis unreachable (degrades to per-instance limits
// instead of failing every request).
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { RateLimits, type RateLimitStore } from './rate-limit.js';

const RULES = { authByAccount: { points: 3, duration: 60 } };

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

const stores: [string, () => RateLimitStore][] = [
  ['postgres', () => ({ kind: 'postgres', pool: database.pool as pg.Pool })],
  ['redis', () => ({ kind: 'redis', redisUrl: 'redis://127.0.0.1:6379' })],
];

describe.each(stores)('RateLimits on %s', (_name, store) => {
  it('allows the budget, then RATE_LIMITED with a retry time; reset clears it; keys are HMACs', async () => {
    const limits = new RateLimits(store(), crypto.randomBytes(16).toString('hex'), RULES);
    try {
      const account = `alice-${crypto.randomBytes(4).toString('hex')}@example.test`;
      for (let i = 0; i < 3; i++) await limits.consume('authByAccount', account);
      expect(await limits.isBlocked('authByAccount', account)).toBe(true);
      await expect(limits.consume('authByAccount', account)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      // Another account has its own budget.
      await expect(limits.consume('authByAccount', `bob-${account}`)).resolves.toBeUndefined();
      await limits.reset('authByAccount', account);
      expect(await limits.isBlocked('authByAccount', account)).toBe(false);
      await expect(limits.consume('authByAccount', account)).resolves.toBeUndefined();
      if (store().kind === 'postgres') {
        const keys = await database.sql.query<{ key: string }>('SELECT key FROM rate_limits');
        expect(keys.length).toBeGreaterThan(0);
        expect(JSON.stringify(keys)).not.toContain('alice');
      }
    } finally {
      await limits.close();
    }
  });
});

describe('RateLimits on Redis, just constructed', () => {
  it('counts in Redis from the very first request (no per-instance budget while connecting)', async () => {
    const secret = crypto.randomBytes(16).toString('hex');
    const [a, b] = [0, 1].map(() => new RateLimits({ kind: 'redis', redisUrl: 'redis://127.0.0.1:6379' }, secret, RULES));
    try {
      // Both "instances" start consuming before their connections are ready.
      await Promise.all([a!.consume('authByAccount', 'dave'), b!.consume('authByAccount', 'dave')]);
      await a!.consume('authByAccount', 'dave');
      await expect(b!.consume('authByAccount', 'dave')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await a!.close();
      await b!.close();
    }
  });
});

describe('RateLimits with Redis unreachable', () => {
  it('keeps limiting per instance, quickly, instead of failing requests', async () => {
    // Port 1 on loopback: connection refused.
    const limits = new RateLimits({ kind: 'redis', redisUrl: 'redis://127.0.0.1:1' }, 'secret', RULES);
    try {
      // The first call waits (at most a second) for a connection that never comes ...
      await limits.consume('authByAccount', 'carol@example.test');
      // ... after that, no call waits on Redis at all.
      const started = Date.now();
      for (let i = 0; i < 2; i++) await limits.consume('authByAccount', 'carol@example.test');
      await expect(limits.consume('authByAccount', 'carol@example.test')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect(Date.now() - started).toBeLessThan(250);
    } finally {
      await limits.close();
    }
  });
});
