// Rate limits are shared by every instance: two server processes on one
// PostgreSQL database (and, with REDIS_URL, one Redis) draw on one budget,
// so after it is spent either instance answers HTTP 429.
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimits } from '../../src/trpc/rate-limit.js';
import { PUBLISHABLE_KEY_HEADER } from '../../src/trpc/context.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestPractice, type TestPractice } from '../support/fixtures.js';
import { killHard, spawnTs, waitForLine } from './processes.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const BUDGET = 4;
const RULES = JSON.stringify({ request: { points: BUDGET, duration: 300 } });

let app: TestApp;
let practice: TestPractice;
let servers: ChildProcess[] = [];

beforeAll(async () => {
  // Migrates the database and provisions the practice the requests use.
  app = await startTestApp({ db: 'postgres' });
  practice = await createTestPractice(app);
});
afterEach(async () => {
  for (const s of servers) await killHard(s);
  servers = [];
});
afterAll(async () => {
  await app.close();
});

/** Two instances with one fresh APP_SECRET (so this run's counters are its own). */
async function twoInstances(env: Record<string, string> = {}) {
  const appSecret = crypto.randomBytes(24).toString('hex');
  const started = [0, 1].map(() =>
    spawnTs('test/multi-instance/server.ts', [RULES], {
      DATABASE_URL: app.database!.url,
      DATA_DIR: app.dataDir,
      APP_SECRET: appSecret,
      ...env,
    }),
  );
  servers.push(...started);
  const ports = await Promise.all(started.map(async (s) => Number((await waitForLine(s, /LISTENING (\d+)/))[1])));
  return { appSecret, urls: ports.map((p) => `http://127.0.0.1:${p}`) };
}

async function publicProfile(base: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/trpc/practice.publicProfile`, {
    headers: { [PUBLISHABLE_KEY_HEADER]: practice.publishableKey, origin: practice.origin },
  });
  return { status: res.status, body: await res.json() };
}

/** A, B, A, B, ... then one more on each: the last two must be 429 from both. */
async function spendAcross([a, b]: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < BUDGET; i++) statuses.push((await publicProfile(i % 2 ? b! : a!)).status);
  const overA = await publicProfile(a!);
  const overB = await publicProfile(b!);
  expect(overA.body).toMatchObject({ error: { data: { appCode: 'RATE_LIMITED', httpStatus: 429 } } });
  return [...statuses, overA.status, overB.status];
}

describe('rate limits across two server processes', () => {
  it('share one budget in PostgreSQL', async () => {
    const before = await app.services.prisma.rateLimit.count();
    const { urls } = await twoInstances();
    expect(await spendAcross(urls)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(await app.services.prisma.rateLimit.count()).toBe(before + 1);
  }, 60_000);

  it('share one budget in Redis when REDIS_URL is set', async () => {
    const before = await app.services.prisma.rateLimit.count();
    const { urls, appSecret } = await twoInstances({ REDIS_URL });
    expect(await spendAcross(urls)).toEqual([200, 200, 200, 200, 429, 429]);
    // The counter is in Redis (under an HMAC, not the IP), not in PostgreSQL.
    expect(await app.services.prisma.rateLimit.count()).toBe(before);
    const key = `tcrm_request:${new RateLimits({ kind: 'memory' }, appSecret).key('request', '127.0.0.1')}`;
    const redis = new Redis(REDIS_URL);
    try {
      expect(Number(await redis.get(key))).toBe(BUDGET + 2);
      await redis.del(key);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
