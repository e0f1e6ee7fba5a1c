// The durable job queue on a real database with a manual clock: backoff,
// giving up after maxAttempts, recovery of a crashed worker's job after its
// lease, a job that crashes every worker, and de-duplication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock, systemClock } from '../clock.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { backoffMs, JobQueue } from './queue.js';

const LEASE_MS = 60_000;

describe.each(['postgres', 'pglite'] as const)('JobQueue on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  let database: Database;
  const clock = new ManualClock(new Date('2026-03-01T12:00:00Z'));
  const logger = createLogger('silent');
  const queue = () => new JobQueue(database.prisma, clock, logger, { leaseMs: LEASE_MS });
  const job = (id: string) => database.prisma.job.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    if (kind === 'postgres') testDb = await createTestDatabase();
    database = await openDatabase(testDb ? { kind: 'postgres', url: testDb.url } : { kind: 'pglite', dir: 'memory://' });
    await migrate(database.sql);
  });
  afterAll(async () => {
    await database.close();
    await testDb?.drop();
  });

  it('backoff doubles from 1 s and is capped at one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });

  it('retries a failing job with backoff on the clock, then succeeds', async () => {
    const q = queue();
    const attempts: number[] = [];
    q.register('flaky', async (_payload, ctx) => {
      attempts.push(ctx.attempt);
      if (ctx.attempt < 3) throw Object.assign(new Error('boom: Jane Roe'), { code: 'E_FLAKY' });
    });
    const id = (await q.enqueue('flaky', { n: 1 }))!;
    expect(await q.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error:E_FLAKY' });
    // The message (which could quote PHI) is never stored.
    expect((await job(id)).lastError).not.toContain('Jane');
    expect(await q.runDue()).toBe(0); // not due before the backoff
    clock.advance(999);
    expect(await q.runDue()).toBe(0);
    clock.advance(1);
    expect(await q.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 2 });
    clock.advance(1999);
    expect(await q.runDue()).toBe(0);
    clock.advance(1);
    expect(await q.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 3, lockedBy: null, lastError: null });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('a job that always throws ends failed after maxAttempts', async () => {
    const q = queue();
    let runs = 0;
    q.register('doomed', async () => {
      runs++;
      throw new TypeError('never works');
    });
    const id = (await q.enqueue('doomed', {}, { maxAttempts: 3 }))!;
    for (let i = 0; i < 10; i++) {
      await q.runDue();
      clock.advance(3_600_000);
    }
    expect(runs).toBe(3);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'TypeError' });
  });

  it("picks up a crashed worker's job (running, lease expired) and ignores the dead worker's late result", async () => {
    const crashed = queue();
    const survivor = queue();
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    const runs: string[] = [];
    crashed.register('report', async () => {
      runs.push('crashed');
      await stuck; // "dies" mid-job: never finishes within its lease
    });
    survivor.register('report', async () => {
      runs.push('survivor');
    });
    const id = (await crashed.enqueue('report', {}))!;
    const crashedRun = crashed.runDue();
    await expect.poll(() => runs.length).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'running', lockedBy: crashed.workerId });
    expect(await survivor.runDue()).toBe(0); // lease still held
    clock.advance(LEASE_MS + 1);
    expect(await survivor.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    release();
    await crashedRun;
    // The dead worker no longer holds the lease, so its late completion changes nothing.
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2, lockedBy: null });
    expect(runs).toEqual(['crashed', 'survivor']);
  });

  // Several workers on one database exist only on PostgreSQL (an embedded
  // PGlite directory is one process's), and this test runs on the real clock.
  const onPostgres = kind === 'postgres' ? it : () => undefined;
  onPostgres('renews the lease while a slow batch runs, so no other worker runs its jobs again', async () => {
    const shortLease = 400;
    const runs: string[] = [];
    const slow = new JobQueue(database.prisma, systemClock, logger, { leaseMs: shortLease });
    const other = new JobQueue(database.prisma, systemClock, logger, { leaseMs: shortLease });
    slow.register('slow', async (_p, job) => {
      runs.push(`slow:${job.jobId}`);
      await sleep(3 * shortLease); // each job outlives the lease it was claimed with
    });
    other.register('slow', async (_p, job) => {
      runs.push(`other:${job.jobId}`);
    });
    // Due by the real clock (the other tests use a manual clock set in the past).
    for (let i = 0; i < 2; i++) await slow.enqueue('slow', { i }, { runAt: new Date(0) });
    const batch = slow.runDue(2);
    const deadline = Date.now() + 7 * shortLease;
    while (Date.now() < deadline) {
      await other.runDue();
      await sleep(shortLease / 4);
    }
    expect(await batch).toBe(2);
    expect(runs.filter((r) => r.startsWith('other:'))).toEqual([]);
    expect(await database.prisma.job.count({ where: { name: 'slow', status: 'succeeded', attempts: 1 } })).toBe(2);
  });

  it('a job that kills its worker on every attempt fails for good instead of looping', async () => {
    const q = queue();
    q.register('poison', async () => undefined);
    const id = (await q.enqueue('poison', {}, { maxAttempts: 2 }))!;
    // Simulate two worker deaths: claimed, lease runs out, nobody finishes it.
    for (let attempt = 1; attempt <= 2; attempt++) {
      await database.prisma.job.update({
        where: { id },
        data: { status: 'running', attempts: attempt, lockedBy: 'dead', lockedUntil: new Date(clock.now().getTime() - 1) },
      });
      if (attempt === 1) {
        expect(await q.runDue()).toBe(1); // retried after the first death
        expect(await job(id)).toMatchObject({ status: 'succeeded' });
      }
    }
    expect(await q.runDue()).toBe(0);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'LeaseExpired', lockedBy: null });
  });

  it('enqueues a dedupeKey once', async () => {
    const q = queue();
    let runs = 0;
    q.register('reminder', async () => {
      runs++;
    });
    const first = await q.enqueue('reminder', { appointmentId: 'a1' }, { dedupeKey: 'reminder:a1' });
    const second = await q.enqueue('reminder', { appointmentId: 'a1' }, { dedupeKey: 'reminder:a1' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await database.prisma.job.count({ where: { dedupeKey: 'reminder:a1' } })).toBe(1);
    await q.runDue();
    await q.runDue();
    expect(runs).toBe(1);
    expect(await q.enqueue('reminder', {}, { dedupeKey: 'reminder:a1' })).toBeNull();
  });

  it('runs only jobs it has a handler for, and not before runAt', async () => {
    const q = queue();
    q.register('later', async () => undefined);
    const other = (await q.enqueue('not-mine', {}))!;
    const later = (await q.enqueue('later', {}, { runAt: new Date(clock.now().getTime() + 60_000) }))!;
    expect(await q.runDue()).toBe(0);
    clock.advance(60_000);
    expect(await q.runDue()).toBe(1);
    expect(await job(later)).toMatchObject({ status: 'succeeded' });
    expect(await job(other)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
