// Publishable-key rows, remembered for a few seconds per server process.
//
// Every widget request looked its key up twice (CORS, then
// resolvePublishableKey): two round trips and two Prisma query compilations,
// measured at ~2.5 ms each on a quiet machine and 5–6 ms under load, against
// a 25 ms p99 budget for availability. A row is reused for at most TTL_MS,
// so a revocation or an allowed-origins change made in any process takes
// effect everywhere within TTL_MS (5 s), with no invalidation messages to
// lose. Unknown keys are not remembered (a key just created works at once,
// and garbage keys cannot fill the cache); at most MAX_ENTRIES live keys are
// kept, the oldest dropped first.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/client.js';
import type { ApiKeyKind } from '../../generated/prisma/enums.js';

export const PUBLISHABLE_KEY_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

export interface PublishableKeyRow {
  id: string;
  practiceId: string;
  kind: ApiKeyKind;
  allowedOrigins: string[];
  revokedAt: Date | null;
}

interface Entry {
  row: PublishableKeyRow;
  fetchedAt: number;
}

export interface PublishableKeyCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Monotonic milliseconds (tests pass their own). */
  now?: () => number;
}

export class PublishableKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    options: PublishableKeyCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? PUBLISHABLE_KEY_TTL_MS;
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.now = options.now ?? (() => performance.now());
  }

  /** The key's row as of at most ttlMs ago, or null when no such key exists. */
  async find(publicKey: string): Promise<PublishableKeyRow | null> {
    const hit = this.entries.get(publicKey);
    if (hit && this.now() - hit.fetchedAt < this.ttlMs) return hit.row;
    const fetchedAt = this.now();
    const row = await this.db.apiKey.findUnique({
      where: { publicKey },
      select: { id: true, practiceId: true, kind: true, allowedOrigins: true, revokedAt: true },
    });
    this.entries.delete(publicKey);
    if (!row) return null;
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(publicKey, { row, fetchedAt });
    return row;
  }

  get size(): number {
    return this.entries.size;
  }
}

// One cache per database client (so per app: tests run several in one process).
const caches = new WeakMap<Db, PublishableKeyCache>();

export function publishableKeys(db: Db): PublishableKeyCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PublishableKeyCache(db)));
  return cache;
}
