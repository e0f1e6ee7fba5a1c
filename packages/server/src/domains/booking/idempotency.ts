// Idempotency-Key handling for booking mutations, on the shared
// IdempotencyKey table so every server instance sees the same keys.
// The key row is written in the same transaction as the work it guards: if
// the work fails, the key is gone too and a retry runs again; if two
// requests race with one key, the second waits on the unique index until
// the first commits, then replays its stored answer.
import crypto from 'node:crypto';
import { DomainError } from '../../errors.js';
import { canonicalJson } from '../../audit/audit-log.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** How long a key is remembered (clients retry within minutes). */
const KEY_TTL_MS = 24 * 3_600_000;

export interface IdempotencyScope {
  scope: string;
  key: string;
  /** SHA-256 of the canonical request body. */
  requestHash: string;
}

export function idempotencyScope(scope: string, key: string | null, body: unknown): IdempotencyScope {
  if (!key) throw new DomainError('BAD_REQUEST', 'An Idempotency-Key header is required', { header: 'Idempotency-Key' });
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new DomainError('BAD_REQUEST', 'The Idempotency-Key header must be 8–200 visible ASCII characters');
  }
  const requestHash = crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
  return { scope, key, requestHash };
}

function replay<T>(row: { requestHash: string; response: unknown }, s: IdempotencyScope): T | undefined {
  if (row.requestHash !== s.requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
  }
  return (row.response ?? undefined) as T | undefined;
}

/** A stored answer for this key, if an earlier request with it completed. */
export async function storedResponse<T>(db: Db, s: IdempotencyScope, now: Date): Promise<T | undefined> {
  const row = await db.idempotencyKey.findUnique({
    where: { scope_key: { scope: s.scope, key: s.key } },
    select: { requestHash: true, response: true, expiresAt: true },
  });
  return row && row.expiresAt > now ? replay<T>(row, s) : undefined;
}

/**
 * Claims the key inside `tx`. Returns `{ claimed: true }` when this request
 * owns it, or the earlier request's answer when it lost a race.
 */
export async function claimKey<T>(
  tx: Prisma.TransactionClient,
  s: IdempotencyScope,
  now: Date,
): Promise<{ claimed: true } | { claimed: false; response: T | undefined }> {
  // A remembered key past its lifetime is forgotten, so it can be used again.
  await tx.idempotencyKey.deleteMany({ where: { scope: s.scope, key: s.key, expiresAt: { lte: now } } });
  const inserted = await tx.idempotencyKey.createManyAndReturn({
    data: [{ scope: s.scope, key: s.key, requestHash: s.requestHash, expiresAt: new Date(now.getTime() + KEY_TTL_MS) }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted.length) return { claimed: true };
  const row = await tx.idempotencyKey.findUniqueOrThrow({
    where: { scope_key: { scope: s.scope, key: s.key } },
    select: { requestHash: true, response: true },
  });
  return { claimed: false, response: replay<T>(row, s) };
}

export async function storeResponse(
  tx: Prisma.TransactionClient,
  s: IdempotencyScope,
  response: Record<string, unknown>,
): Promise<void> {
  await tx.idempotencyKey.update({
    where: { scope_key: { scope: s.scope, key: s.key } },
    data: { response: response as Prisma.InputJsonValue },
  });
}
