// Two separate worker processes on one PostgreSQL database: every job runs
// exactly once; after a worker is killed with SIGKILL mid-run the other
// finishes everything, and only jobs the dead worker held run again (at
// least once after a crash), with their effect still applied once.
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { killHard, spawnTs, waitForLine } from './processes.js';

const JOBS = 200;
let testDb: TestDatabase;
let database: Database;
/** Renewed every third while a worker runs: generous, so a loaded machine cannot starve the renewal. */
const LEASE_MS = 2500;
let workers: ChildProcess[] = [];
let pids: number[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase('tcrm_jobs');
  database = await openDatabase({ kind: 'postgres', url: testDb.url });
  await migrate(database.sql);
  await database.sql.exec(`
    CREATE TABLE job_runs (job_id uuid NOT NULL, worker_pid int NOT NULL, attempt int NOT NULL, at timestamptz DEFAULT clock_timestamp());
    CREATE TABLE job_effects (job_id uuid PRIMARY KEY)`);
  // The same two workers serve both tests (the second one kills one of them).
  workers = [0, 1].map(() =>
    spawnTs('test/multi-instance/job-worker.ts', [String(LEASE_MS), '10'], { DATABASE_URL: testDb.url }),
  );
  pids = await Promise.all(workers.map(async (w) => Number((await waitForLine(w, /READY (\d+)/))[1])));
});
afterEach(async () => {
  await database.sql.exec('TRUNCATE job_runs, job_effects; DELETE FROM "Job"');
});
afterAll(async () => {
  for (const w of workers) await killHard(w);
  await database.close();
  await testDb.drop();
});

async function enqueueAll(): Promise<void> {
  const producer = new JobQueue(database.prisma, systemClock, createLogger('silent'));
  for (let i = 0; i < JOBS; i++) await producer.enqueue('test.record', { n: i });
}

async function count(sql: string): Promise<number> {
  return (await database.sql.query<{ n: number }>(sql))[0]!.n;
}

const succeeded = () => count(`SELECT count(*)::int AS n FROM "Job" WHERE status = 'succeeded'`);

describe('jobs across two worker processes', () => {
  it(`runs each of ${JOBS} jobs exactly once`, async () => {
    await enqueueAll();
    await expect.poll(succeeded, { timeout: 30_000, interval: 100 }).toBe(JOBS);
    expect(await count('SELECT count(*)::int AS n FROM job_runs')).toBe(JOBS);
    expect(await count('SELECT count(DISTINCT job_id)::int AS n FROM job_runs')).toBe(JOBS);
    expect(await count('SELECT count(*)::int AS n FROM job_effects')).toBe(JOBS);
    const perWorker = await database.sql.query<{ worker_pid: number; n: number }>(
      'SELECT worker_pid, count(*)::int AS n FROM job_runs GROUP BY worker_pid',
    );
    // Both processes really took part.
    expect(perWorker.map((r) => r.worker_pid).sort()).toEqual([...pids].sort());
  }, 60_000);

  it('survives kill -9 of one worker mid-run: nothing lost, only its in-flight jobs run again', async () => {
    const [victimPid, survivorPid] = pids;
    await enqueueAll();
    const victimRuns = () => count(`SELECT count(*)::int AS n FROM job_runs WHERE worker_pid = ${victimPid}`);
    const victimHolds = () =>
      count(`SELECT count(*)::int AS n FROM "Job" WHERE status = 'running' AND "lockedBy" LIKE 'w_${victimPid}_%'`);
    // Kill it mid-batch (holding at least two claimed jobs), not in the instant between batches.
    await expect
      .poll(async () => (await victimRuns()) >= 10 && (await victimHolds()) >= 2, { timeout: 30_000, interval: 5 })
      .toBe(true);
    await killHard(workers[0]!);
    // What the dead worker held at the moment it died.
    const orphaned = await database.sql.query<{ id: string }>(
      `SELECT id FROM "Job" WHERE status = 'running' AND "lockedBy" LIKE $1`,
      [`w_${victimPid}_%`],
    );
    expect(orphaned.length).toBeGreaterThan(0);

    await expect.poll(succeeded, { timeout: 40_000, interval: 100 }).toBe(JOBS);
    expect(await count(`SELECT count(*)::int AS n FROM "Job" WHERE status <> 'succeeded'`)).toBe(0);
    // Every job's effect happened exactly once.
    expect(await count('SELECT count(*)::int AS n FROM job_effects')).toBe(JOBS);
    expect(await count('SELECT count(DISTINCT job_id)::int AS n FROM job_runs')).toBe(JOBS);
    // Re-runs are only the dead worker's in-flight jobs, picked up by the survivor after the lease.
    const rerun = await database.sql.query<{ job_id: string; pids: number[] }>(
      `SELECT job_id, array_agg(worker_pid ORDER BY at) AS pids FROM job_runs GROUP BY job_id HAVING count(*) > 1`,
    );
    const orphanIds = new Set(orphaned.map((o) => o.id));
    for (const r of rerun) {
      expect(orphanIds.has(r.job_id)).toBe(true);
      expect(r.pids).toEqual([victimPid, survivorPid]);
    }
    expect(rerun.length).toBeLessThanOrEqual(orphaned.length);
  }, 60_000);
});
