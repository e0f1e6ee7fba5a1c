// The PostgreSQL rate-limit store: rate-limiter-flexible's RateLimiterPostgres
// with two changes, both for the per-request cost (every /trpc call consumes
// a point, see init.ts).
//
// 1. Asynchronous commit for the counter only. A counter upsert executes in
//    ~0.15 ms, but committing it waits for the WAL flush (fdatasync): measured
//    here p50 3.1 ms → 0.7 ms under load, roughly 6–8 ms → <1 ms of a quiet
//    request. `set_config('synchronous_commit', 'off', true)` runs inside the
//    upsert's own (implicit) transaction, so it applies to that commit only
//    and never to the pooled connection's later statements (audit, bookings
//    stay synchronous; tested). What it gives up: after an operating-system
//    crash or power loss the last ~0.6 s (3 × wal_writer_delay) of counter
//    increments may be lost, i.e. a few attempts come back. Counting itself is
//    unchanged: the row lock and visibility are the same as with a
//    synchronous commit, so instances still share one exact budget, and a
//    database restart or failover to a replica keeps the counters.
//    Rejected: an UNLOGGED table (measured about as fast) empties on any
//    crash recovery and is not replicated, so a crash or failover would
//    hand every brute-forcer a fresh budget.
// 2. Expired windows are purged (purgeExpired), at most once per interval per
//    process, triggered by traffic: rows were never deleted before. A plain
//    DELETE by `expire` scans the table; it holds only the keys seen within
//    the longest rule duration plus one interval, and an index on `expire`
//    would add an index write to every upsert instead.
import { RateLimiterPostgres, type IRateLimiterPostgresOptions } from 'rate-limiter-flexible';
import type pg from 'pg';

export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * rate-limiter-flexible 11.4's upsert (`_upsert` is the store hook its
 * abstract store calls; the version is pinned in package.json), with the
 * counter's commit made asynchronous. `$1` key, `$2` points, `$3` new expiry
 * (ms), `$4` now (ms).
 */
function upsertSql(table: string, forceExpire: boolean): string {
  const t = `"${table}"`;
  const expired = `${t}.expire <= $4::bigint`;
  return `
WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
INSERT INTO ${t} (key, points, expire) SELECT $1::varchar, $2::integer, $3::bigint FROM async_commit
ON CONFLICT (key) DO UPDATE SET
  points = CASE WHEN ${forceExpire ? 'true' : expired} THEN $2::integer ELSE ${t}.points + $2::integer END,
  expire = CASE WHEN ${forceExpire ? 'true' : expired} THEN $3::bigint ELSE ${t}.expire END
RETURNING points, expire, current_setting('synchronous_commit') AS "synchronousCommit"`;
}

export class AsyncCommitRateLimiterPostgres extends RateLimiterPostgres {
  private readonly pool: pg.Pool;

  constructor(opts: IRateLimiterPostgresOptions & { storeClient: pg.Pool }) {
    super(opts);
    this.pool = opts.storeClient;
  }

  /** Overrides the library's upsert (same arguments; rows also say the commit mode, for tests). */
  _upsert(
    key: string,
    points: number,
    msDuration: number,
    forceExpire = false,
  ): Promise<pg.QueryResult> {
    const now = Date.now();
    return this.pool.query({
      name: `tcrm-rate-limit-upsert${forceExpire ? '-force' : ''}`,
      text: upsertSql(RATE_LIMIT_TABLE, forceExpire),
      // A forced expiry does not compare with now ($4 unused, so not sent).
      values: [
        key,
        points,
        msDuration > 0 ? now + msDuration : null,
        ...(forceExpire ? [] : [now]),
      ],
    });
  }
}

/**
 * Deletes every counter whose window ended before `nowMs` (an expired row
 * counts as zero anyway: the upsert restarts it). Returns the rows deleted.
 */
export async function purgeExpiredRateLimits(pool: pg.Pool, nowMs = Date.now()): Promise<number> {
  const r = await pool.query(`DELETE FROM "${RATE_LIMIT_TABLE}" WHERE expire < $1`, [nowMs]);
  return r.rowCount ?? 0;
}
