// Where a widget hold came from, so holds cannot be used to block a calendar:
// at most BOOKING_MAX_LIVE_HOLDS_PER_IP (default 3) unexpired `held` rows per client IP and
// practice (the request rate itself is the `bookingHold` rate-limit rule).
// The row stores a keyed hash of the IP, never the IP: HMAC-SHA256 under a
// key derived from APP_SECRET (not in the database, so a database reader
// cannot test guesses) and salted by the practice (no cross-practice
// linking). The lapse check clears it at the hold's expiry (hold-lapse.ts).
import crypto from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

function sourceKey(appSecret: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', appSecret, Buffer.alloc(0), 'therapycrm:booking-hold-source', 32),
  );
}

export function holdSourceHash(appSecret: string, practiceId: string, ip: string): string {
  return crypto
    .createHmac('sha256', sourceKey(appSecret))
    .update(`${practiceId}\u0000${ip}`)
    .digest('base64url');
}

/**
 * Inside the hold's transaction, before the claim: refuses one live hold more than
 * the configured cap from one source. The advisory lock serialises one source's holds, so two
 * concurrent requests cannot both see room for one more.
 */
export async function assertRoomForHold(
  tx: Prisma.TransactionClient,
  practiceId: string,
  sourceHash: string,
  now: Date,
  maxLiveHolds: number,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'hold-source:' + practiceId + ':' + sourceHash}, 0))`;
  const live = await tx.appointment.findMany({
    where: { practiceId, holdSourceHash: sourceHash, status: 'held', holdExpiresAt: { gt: now } },
    select: { holdExpiresAt: true },
    orderBy: { holdExpiresAt: 'asc' },
    take: maxLiveHolds,
  });
  if (live.length < maxLiveHolds) return;
  const freeAt = live[0]!.holdExpiresAt!.getTime();
  throw new DomainError(
    'RATE_LIMITED',
    `You are already holding ${maxLiveHolds} times. Finish or let one of them go before holding another.`,
    {
      reason: 'too_many_holds',
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
    },
  );
}
