// The one audited path: every PHI read/write, sign-in, denial and admin change
// is recorded here. Rows are append-only (a trigger forbids UPDATE/DELETE) and
// hash-chained per practice: each row's hash covers its content and the
// previous row's hash, and AuditChainHead holds the newest link.
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

export function hashAuditEvent(e: ChainedFields): string {
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
  return crypto.createHash('sha256').update(canonical).digest('hex');
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

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event. Serialised per chain with a transaction-scoped advisory
   * lock, so concurrent writers (several instances) cannot fork the chain.
   */
  async record(entry: AuditEntry): Promise<void> {
    const chainId = chainIdOf(entry.practiceId);
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'audit:' + chainId}, 0))`;
      const head = await tx.auditChainHead.findUnique({ where: { chainId } });
      // Timestamps never go backwards along a chain, even if clocks differ.
      const now = this.clock.now();
      const at = head && head.at > now ? head.at : now;
      const fields: ChainedFields = {
        practiceId: entry.practiceId,
        seq: (head?.seq ?? 0) + 1,
        actorType: entry.actor.type,
        actorId: entry.actor.id ?? null,
        action: entry.action,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        outcome: entry.outcome,
        ip: entry.ip ?? null,
        detail: JSON.parse(canonicalJson(entry.detail ?? {})),
        at,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const hash = hashAuditEvent(fields);
      await tx.auditEvent.create({
        data: { ...fields, actorType: entry.actor.type, detail: fields.detail as object, hash },
        select: { id: true },
      });
      await tx.auditChainHead.upsert({
        where: { chainId },
        create: { chainId, seq: fields.seq, hash, at },
        update: { seq: fields.seq, hash, at },
      });
    });
  }
}
