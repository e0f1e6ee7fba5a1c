// Durable jobs in PostgreSQL: claimed with FOR UPDATE SKIP LOCKED so each job
// runs on one instance at a time, retried with exponential backoff, and
// recovered after a crash when its lease (lockedUntil) runs out.
import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

export interface JobContext {
  jobId: string;
  attempt: number;
}

export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is ignored (e.g. one reminder per appointment). */
  dedupeKey?: string;
  queue?: string;
}

/** How long a claimed job is ours before another instance may take it over. */
const DEFAULT_LEASE_MS = 5 * 60_000;

export interface JobQueueOptions {
  /**
   * Lease on a claimed job, renewed every third of it while the worker runs
   * the batch. A worker that dies mid-job leaves it `running`; once the lease
   * runs out another worker runs it again. So delivery is at-least-once after
   * a crash (exactly once otherwise): handlers whose effect must not repeat
   * key it on `jobId` (e.g. a unique insert).
   */
  leaseMs?: number;
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

export class JobQueue {
  readonly workerId = `w_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: JobQueueOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string | null> {
    const data = {
      name,
      queue: options.queue ?? 'default',
      payload: payload as object,
      runAt: options.runAt ?? this.clock.now(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    };
    if (options.dedupeKey) {
      const r = await this.db.job.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
      return r[0]?.id ?? null;
    }
    const job = await this.db.job.create({ data, select: { id: true } });
    return job.id;
  }

  /**
   * Claims up to `limit` due jobs and runs them. Returns how many ran.
   * Safe to call from several instances at once.
   */
  async runDue(limit = 10): Promise<number> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const names = [...this.handlers.keys()];
    if (!names.length) return 0;
    // A job whose lease ran out on its last allowed attempt has crashed its
    // worker every time (or the worker died): retrying it forever would take
    // an instance down again and again, so it fails for good instead.
    await this.db.$executeRaw`
      UPDATE "Job" SET status = 'failed', "finishedAt" = ${now}, "lockedBy" = NULL, "lockedUntil" = NULL,
             "lastError" = 'LeaseExpired'
      WHERE name = ANY(${names}::text[]) AND status = 'running' AND "lockedUntil" < ${now}
        AND attempts >= "maxAttempts"`;
    const claimed = await this.db.$queryRaw<{ id: string; name: string; payload: unknown; attempts: number; maxAttempts: number }[]>`
      UPDATE "Job" SET status = 'running', attempts = attempts + 1,
             "lockedBy" = ${this.workerId}, "lockedUntil" = ${leaseUntil}
      WHERE id IN (
        SELECT id FROM "Job"
        WHERE name = ANY(${names}::text[])
          AND ((status = 'queued' AND "runAt" <= ${now})
               OR (status = 'running' AND "lockedUntil" < ${now} AND attempts < "maxAttempts"))
        ORDER BY "runAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, name, payload, attempts, "maxAttempts"`;
    if (!claimed.length) return 0;
    const heartbeat = this.keepLeases(claimed.map((j) => j.id));
    try {
      for (const job of claimed) await this.execute(job);
    } finally {
      clearInterval(heartbeat);
    }
    return claimed.length;
  }

  /**
   * While a batch runs, renews the lease on its jobs that are still ours, so a
   * slow handler (or the last job of a slow batch) is not taken over and run a
   * second time by another instance. A worker that dies stops renewing, and
   * its jobs are recovered once the lease runs out.
   */
  private keepLeases(ids: string[]): NodeJS.Timeout {
    const renew = () =>
      this.db.job
        .updateMany({
          where: { id: { in: ids }, status: 'running', lockedBy: this.workerId },
          data: { lockedUntil: new Date(this.clock.now().getTime() + this.leaseMs) },
        })
        .catch((err: unknown) => this.logger.warn({ error: (err as Error).name }, 'job lease renewal failed'));
    const timer = setInterval(() => void renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    timer.unref();
    return timer;
  }

  private async execute(job: { id: string; name: string; payload: unknown; attempts: number; maxAttempts: number }) {
    const handler = this.handlers.get(job.name)!;
    try {
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await this.db.job.updateMany({
        where: { id: job.id, lockedBy: this.workerId },
        data: { status: 'succeeded', finishedAt: this.clock.now(), lockedBy: null, lockedUntil: null, lastError: null },
      });
    } catch (err) {
      const failedForGood = job.attempts >= job.maxAttempts;
      // Error names and codes only: messages may quote PHI.
      const lastError = err instanceof Error ? `${err.name}${'code' in err ? `:${String(err.code)}` : ''}` : 'Error';
      this.logger.warn({ jobId: job.id, job: job.name, attempt: job.attempts, error: lastError }, 'job failed');
      await this.db.job.updateMany({
        where: { id: job.id, lockedBy: this.workerId },
        data: failedForGood
          ? { status: 'failed', finishedAt: this.clock.now(), lockedBy: null, lockedUntil: null, lastError }
          : {
              status: 'queued',
              runAt: new Date(this.clock.now().getTime() + backoffMs(job.attempts)),
              lockedBy: null,
              lockedUntil: null,
              lastError,
            },
      });
    }
  }

  /** Polls for due jobs until stop(); a full batch is followed at once by the next. */
  start(intervalMs = 1000, batchSize = 10): void {
    if (this.timer) return;
    const drain = async () => {
      let total = 0;
      for (;;) {
        const ran = await this.runDue(batchSize);
        total += ran;
        if (ran < batchSize || !this.timer) return total;
      }
    };
    const tick = async () => {
      if (!this.running) {
        this.running = drain().catch((err: unknown) => {
          this.logger.error({ error: (err as Error).name }, 'job poll failed');
          return 0;
        });
        await this.running;
        this.running = undefined;
      }
    };
    this.timer = setInterval(() => void tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
