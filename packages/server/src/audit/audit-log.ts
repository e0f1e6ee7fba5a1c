// The one audited path: every PHI read/write, sign-in, denial and admin change
// is recorded here. Rows are append-only (a trigger forbids UPDATE/DELETE) and
// hash-chained per practice: each row's hash covers its content and the
// previous row's hash, and AuditChainHead holds the newest link. The "hash" is
// an HMAC under a key derived from APP_SECRET, which lives outside the
// database: someone who can write the database (a stolen superuser password,
// SQL injection) cannot recompute the chain after editing it. What the chain
// alone cannot show is the newest events removed together with the head
// rewound to an older link; that needs the head recorded elsewhere too.
import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Clock } from '../clock.js';
import type { ActorType } from '../generated/prisma/enums.js';

export interface Actor {
  type: ActorType;
  id?: string | null;
}

export interface AuditEntry {
  practiceId: string | null;
  actor: Actor;
  /** Dotted verb, e.g. `client.read`, `auth.sign_in`, `api_key.create`. */
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome: 'success' | 'denied' | 'failure';
  ip?: string | null;
  /** Ids and codes only: never PHI. */
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const SYSTEM_CHAIN = 'system';

export interface ChainedFields {
  practiceId: string | null;
  seq: number;
  actorType: string;
  actorId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  ip: string | null;
  detail: unknown;
  at: Date;
  prevHash: string;
}

/** The chain's MAC key: HKDF of APP_SECRET, so it is never stored with the events. */
export function auditChainKey(appSecret: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', appSecret, Buffer.alloc(0), 'therapycrm:audit-chain', 32),
  );
}

export function hashAuditEvent(e: ChainedFields, key: Buffer): string {
  const canonical = JSON.stringify([
    e.practiceId,
    e.seq,
    e.actorType,
    e.actorId,
    e.action,
    e.objectType,
    e.objectId,
    e.outcome,
    e.ip,
    canonicalJson(e.detail),
    e.at.toISOString(),
    e.prevHash,
  ]);
  return crypto.createHmac('sha256', key).update(canonical).digest('hex');
}

/** JSON with sorted keys, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainIdOf(practiceId: string | null): string {
  return practiceId ?? SYSTEM_CHAIN;
}

/** Most events appended in one transaction (one lock, one head update). */
const MAX_BATCH = 200;

interface PendingEvent {
  fields: Omit<ChainedFields, 'seq' | 'at' | 'prevHash'>;
  resolve(): void;
  reject(err: unknown): void;
}

export class AuditLog {
  /** Events waiting for their chain's writer, by chain id. */
  private readonly pending = new Map<string, PendingEvent[]>();
  private readonly writing = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** From auditChainKey(config.appSecret). */
    private readonly chainKey: Buffer,
  ) {}

  /**
   * Appends one event; resolves once it is committed. Serialised per chain
   * with a transaction-scoped advisory lock, so concurrent writers (several
   * instances) cannot fork the chain. Within an instance, events for one chain
   * queue in memory and are written in batches by one writer: waiting for the
   * lock holding a pooled connection each would exhaust the pool and fail
   * ("Unable to start a transaction in the given time") under load.
   */
  record(entry: AuditEntry): Promise<void> {
    const chainId = chainIdOf(entry.practiceId);
    let fields: PendingEvent['fields'];
    try {
      fields = {
        practiceId: entry.practiceId,
        actorType: entry.actor.type,
        actorId: entry.actor.id ?? null,
        action: entry.action,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        outcome: entry.outcome,
        ip: entry.ip ?? null,
        // Stored in canonical form, so the verifier hashes what we hashed.
        detail: JSON.parse(canonicalJson(entry.detail ?? {})),
      };
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<void>((resolve, reject) => {
      const queue = this.pending.get(chainId);
      if (queue) queue.push({ fields, resolve, reject });
      else this.pending.set(chainId, [{ fields, resolve, reject }]);
      // The writer starts on the next microtask, not now: events a request
      // records in one go (say client.create and intake.submit) then share a
      // batch — one lock, one head read, one commit — instead of the first
      // going alone and the second waiting for it (performance).
      if (!this.writing.has(chainId)) {
        this.writing.add(chainId);
        queueMicrotask(() => void this.drain(chainId));
      }
    });
  }

  private async drain(chainId: string): Promise<void> {
    this.writing.add(chainId);
    try {
      for (;;) {
        const queue = this.pending.get(chainId);
        if (!queue?.length) return;
        const batch = queue.splice(0, MAX_BATCH);
        if (!queue.length) this.pending.delete(chainId);
        try {
          await this.append(chainId, batch);
          for (const e of batch) e.resolve();
        } catch (err) {
          if (batch.length === 1) {
            // Fail closed: the caller's PHI operation fails with its event.
            batch[0]!.reject(err);
            continue;
          }
          // One bad event (say, a detail jsonb refuses) must not fail the
          // others that happened to share its batch: retry one by one.
          for (const e of batch) {
            await this.append(chainId, [e]).then(e.resolve, e.reject);
          }
        }
      }
    } finally {
      this.writing.delete(chainId);
    }
  }

  private async append(chainId: string, batch: PendingEvent[]): Promise<void> {
    await this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'audit:' + chainId}, 0))`;
        // Read after the lock (its own statement: a statement's snapshot is
        // taken before it could wait for the lock).
        const head = await tx.auditChainHead.findUnique({ where: { chainId } });
        let seq = head?.seq ?? 0;
        let prevHash = head?.hash ?? GENESIS_HASH;
        let last = head?.at;
        const rows = batch.map(({ fields }) => {
          // Timestamps never go backwards along a chain, even if clocks differ.
          const now = this.clock.now();
          const at = last && last > now ? last : now;
          const chained: ChainedFields = { ...fields, seq: ++seq, at, prevHash };
          const hash = hashAuditEvent(chained, this.chainKey);
          prevHash = hash;
          last = at;
          return {
            ...chained,
            actorType: fields.actorType as ActorType,
            detail: chained.detail as object,
            hash,
          };
        });
        // One multi-row INSERT: ids are assigned in row order, i.e. in seq order.
        await tx.auditEvent.createMany({ data: rows });
        await tx.auditChainHead.upsert({
          where: { chainId },
          create: { chainId, seq, hash: prevHash, at: last! },
          update: { seq, hash: prevHash, at: last! },
        });
      },
      // Another instance may hold the chain's lock for a batch of its own.
      { maxWait: 10_000, timeout: 20_000 },
    );
  }
}
