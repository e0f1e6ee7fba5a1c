// Idempotent submission. The client sends an Idempotency-Key header; the first
// request with a key stores its response (in the same transaction as the
// submission), a retry with the same body gets that response back, and the
// same key with a different body is refused. Concurrent duplicates meet at the
// (scope, key) unique index: the loser waits for the winner's commit, fails to
// insert, and then replays the winner's response.
import crypto from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { Context } from '../../trpc/context.js';

/** How long a key is remembered; a retry later than this is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface IdempotencyClaim {
  scope: string;
  key: string;
  /** HMAC of the canonical body: the body is PHI, so not even a plain hash of it is kept. */
  requestHash: string;
  /**
   * Set by replayedResponse when it found this key's row expired: only then
   * does recordClaim need to delete it first (a round trip saved otherwise; a
   * row inserted since by a concurrent request is fresh, so the delete would
   * not have touched it anyway, and the unique index still decides).
   */
  expiredRowSeen?: boolean;
}

function serialised(input: unknown): string {
  try {
    return JSON.stringify(input) ?? '';
  } catch {
    // Only absurd nesting gets here (RangeError): a client error, not ours.
    throw new DomainError('VALIDATION_FAILED', 'The request is nested too deeply', {
      reason: 'too_deep',
    });
  }
}

export function claimFor(
  ctx: Context,
  practiceId: string,
  procedure: string,
  input: unknown,
): IdempotencyClaim {
  const key = ctx.request.idempotencyKey;
  if (!key)
    throw new DomainError('BAD_REQUEST', 'Send an Idempotency-Key header with this request', {
      header: 'Idempotency-Key',
    });
  if (!KEY.test(key))
    throw new DomainError(
      'BAD_REQUEST',
      'The Idempotency-Key header must be 8–128 letters, digits or _ . : -',
      { header: 'Idempotency-Key' },
    );
  // JSON.stringify, not a recursive canonical form: a retry resends the same
  // bytes (same key order), and hostile nesting cannot exhaust the stack here.
  const requestHash = crypto
    .createHmac('sha256', ctx.services.config.appSecret)
    .update(serialised(input))
    .digest('hex');
  return { scope: `${procedure}:${practiceId}`, key, requestHash };
}

/** The stored response of an earlier request with this key, if any (and not expired). */
export async function replayedResponse<T>(
  db: Db | Tx,
  claim: IdempotencyClaim,
  now: Date,
): Promise<T | undefined> {
  const row = await db.idempotencyKey.findUnique({
    where: { scope_key: { scope: claim.scope, key: claim.key } },
    select: { requestHash: true, response: true, expiresAt: true },
  });
  if (!row) return undefined;
  if (row.expiresAt <= now) {
    claim.expiredRowSeen = true;
    return undefined;
  }
  if (row.requestHash !== claim.requestHash) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request',
    );
  }
  return (row.response ?? undefined) as T | undefined;
}

/** Records the key with its response inside the caller's transaction (replacing an expired one). */
export async function recordClaim(
  tx: Tx,
  claim: IdempotencyClaim,
  response: object,
  now: Date,
): Promise<void> {
  if (claim.expiredRowSeen) {
    await tx.idempotencyKey.deleteMany({
      where: { scope: claim.scope, key: claim.key, expiresAt: { lte: now } },
    });
  }
  await tx.idempotencyKey.create({
    data: {
      scope: claim.scope,
      key: claim.key,
      requestHash: claim.requestHash,
      response,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    },
    select: { id: true },
  });
}

export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    (err as { code: unknown }).code === 'P2002'
  );
}
