// Rate limits shared by every server instance: in Redis when REDIS_URL is set,
// otherwise in PostgreSQL; the embedded PGlite database is one process, so
// memory is enough there. Keys are HMACs: no e-mail address is stored.
import crypto from 'node:crypto';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { DomainError } from '../errors.js';
import { AsyncCommitRateLimiterPostgres, purgeExpiredRateLimits } from './rate-limit-postgres.js';

export const RATE_LIMIT_RULES = {
  /** Every request, per client IP. */
  request: { points: 600, duration: 60 },
  /** Sign-in, MFA and code verification attempts per IP. */
  authByIp: { points: 30, duration: 15 * 60 },
  /** Failed attempts per account identifier, whether or not the account exists. */
  authByAccount: { points: 8, duration: 15 * 60 },
  /** E-mails sent to one address (codes, links). */
  emailSend: { points: 5, duration: 60 * 60 },
  /** Widget holds (booking.hold) per client IP: a real booker needs a few, not dozens. */
  bookingHold: { points: 20, duration: 10 * 60 },
  /** Waitlist sign-ups (booking.waitlist.join) per client IP. */
  waitlistJoin: { points: 10, duration: 10 * 60 },
} as const;

export type RateLimitRule = keyof typeof RATE_LIMIT_RULES;

export interface RateLimitStore {
  kind: 'redis' | 'postgres' | 'memory';
  pool?: pg.Pool;
  redisUrl?: string;
  /** PostgreSQL: purge expired counters at most this often per process (default 5 minutes). */
  purgeEveryMs?: number;
}

export class RateLimits {
  private readonly limiters = new Map<RateLimitRule, RateLimiterAbstract>();
  private redis?: Redis;
  /** Settles once Redis is first ready (or after a short wait): see consume(). */
  private redisStarted: Promise<void> = Promise.resolve();
  /** PostgreSQL only: the last purge of expired counters (see rate-limit-postgres.ts). */
  private purge?: { pool: pg.Pool; everyMs: number; lastAt: number; running: Promise<unknown> };

  constructor(
    store: RateLimitStore,
    private readonly secret: string,
    /** Lets tests run with tiny limits. */
    rules: Partial<Record<RateLimitRule, { points: number; duration: number }>> = {},
  ) {
    if (store.kind === 'redis') {
      // No offline queue: while Redis is unreachable a command fails at once
      // and the in-memory insurance limiter answers (below), instead of every
      // request waiting on retries and then failing with a 500.
      this.redis = new Redis(store.redisUrl!, {
        lazyConnect: false,
        maxRetriesPerRequest: 2,
        enableOfflineQueue: false,
      });
      // ioredis reconnects by itself; without a listener each failed attempt
      // is printed as an "unhandled error event".
      this.redis.on('error', () => undefined);
      const redis = this.redis;
      // While the first connection is still being made, counting in the
      // insurance (memory) limiter would let each instance grant its own
      // budget: wait for it briefly instead.
      this.redisStarted = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        timer.unref();
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (store.kind === 'postgres') {
      const everyMs = store.purgeEveryMs ?? 5 * 60_000;
      this.purge = { pool: store.pool!, everyMs, lastAt: Date.now(), running: Promise.resolve() };
    }
    for (const [rule, defaults] of Object.entries(RATE_LIMIT_RULES) as [
      RateLimitRule,
      { points: number; duration: number },
    ][]) {
      const opts = { keyPrefix: `tcrm_${rule}`, ...defaults, ...rules[rule] };
      if (store.kind === 'redis') {
        this.limiters.set(
          rule,
          new RateLimiterRedis({
            ...opts,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            // Redis down → limits hold per instance until it is back.
            insuranceLimiter: new RateLimiterMemory(opts),
          }),
        );
      } else if (store.kind === 'postgres') {
        // The table comes from our migrations (tableCreated), so instances
        // starting together do not race on CREATE TABLE.
        this.limiters.set(
          rule,
          new AsyncCommitRateLimiterPostgres({
            ...opts,
            storeClient: store.pool!,
            storeType: 'pool',
            tableName: 'rate_limits',
            tableCreated: true,
            // Its per-limiter timer would outlive close(); purgeIfDue() instead.
            clearExpiredByTimeout: false,
          }),
        );
      } else {
        this.limiters.set(rule, new RateLimiterMemory(opts));
      }
    }
  }

  /**
   * Deletes expired PostgreSQL counters when the last purge is older than
   * `purgeEveryMs`; called from consume() without waiting on it, so the
   * request pays nothing and an idle instance runs no timer.
   */
  private purgeIfDue(): void {
    const purge = this.purge;
    if (!purge || Date.now() - purge.lastAt < purge.everyMs) return;
    purge.lastAt = Date.now();
    // Best effort: a failed purge leaves expired rows, which count as zero.
    purge.running = purgeExpiredRateLimits(purge.pool).catch(() => undefined);
  }

  key(...parts: string[]): string {
    return crypto
      .createHmac('sha256', this.secret)
      .update(parts.join('\u0000'))
      .digest('base64url');
  }

  /** Consumes one point; throws RATE_LIMITED (HTTP 429) when exhausted. */
  async consume(rule: RateLimitRule, ...keyParts: string[]): Promise<void> {
    await this.redisStarted;
    const limiter = this.limiters.get(rule)!;
    this.purgeIfDue();
    try {
      await limiter.consume(this.key(rule, ...keyParts));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new DomainError('RATE_LIMITED', 'Too many attempts. Try again later.', {
          retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000),
        });
      }
      throw err;
    }
  }

  /** True when the key has no points left (without consuming). */
  async isBlocked(rule: RateLimitRule, ...keyParts: string[]): Promise<boolean> {
    await this.redisStarted;
    const res = await this.limiters.get(rule)!.get(this.key(rule, ...keyParts));
    return res !== null && res.remainingPoints <= 0;
  }

  async reset(rule: RateLimitRule, ...keyParts: string[]): Promise<void> {
    await this.redisStarted;
    await this.limiters.get(rule)!.delete(this.key(rule, ...keyParts));
  }

  async close(): Promise<void> {
    await this.purge?.running;
    this.redis?.disconnect();
  }
}
