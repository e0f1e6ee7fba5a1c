// A job worker process for the multi-process job tests: polls the real
// JobQueue on the database from DATABASE_URL (via loadConfig) and records each
// execution. Usage: job-worker.ts <leaseMs> <handlerDelayMs>
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { JobQueue } from '../../src/jobs/queue.js';

const [leaseMs, delayMs] = process.argv.slice(2).map(Number);
const config = loadConfig();
const database = await openDatabase(config.database);
const queue = new JobQueue(database.prisma, systemClock, createLogger('silent'), { leaseMs: leaseMs! });

queue.register('test.record', async (_payload, job) => {
  // Every execution is logged; the effect is keyed on the job id, which is
  // how a handler stays idempotent under at-least-once-after-crash delivery.
  await database.sql.query('INSERT INTO job_runs (job_id, worker_pid, attempt) VALUES ($1, $2, $3)', [
    job.jobId,
    process.pid,
    job.attempt,
  ]);
  await sleep(delayMs!);
  await database.sql.query('INSERT INTO job_effects (job_id) VALUES ($1) ON CONFLICT DO NOTHING', [job.jobId]);
});

queue.start(25, 5);
// The queue's timer is unref'd (it must not keep a server alive): this keeps the worker up.
const keepAlive = setInterval(() => undefined, 60_000);
process.stdout.write(`READY ${process.pid}\n`);

process.once('SIGTERM', () => {
  clearInterval(keepAlive);
  void queue
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
