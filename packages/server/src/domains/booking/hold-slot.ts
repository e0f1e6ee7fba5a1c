// Claiming a slot. Exactly one of any number of concurrent claims wins,
// across server processes, because the database decides: the EXCLUDE
// constraint on (clinicianId, [blockedFrom, blockedTo)) over held, requested
// and confirmed rows rejects every overlapping insert but the first (23P01).
//
// Expired holds: a held row whose holdExpiresAt has passed must not block,
// yet it still sits in the constraint's index. Rather than a sweeper racing
// bookings, the claim itself, in one transaction, first flips expired holds
// of this clinician that overlap its range to 'expired' and then inserts.
// Concurrent claims serialise on those rows' locks (READ COMMITTED re-checks
// the WHERE after waiting), so an expired hold is retired exactly once and
// the insert that follows is judged by the constraint as usual. Readers
// (availability) simply ignore held rows past holdExpiresAt. A hold nobody
// confirms is announced to the waitlist at its expiry (hold-lapse.ts).
import type { AppServices } from '../../services.js';
import { DomainError } from '../../errors.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { loadBookingContext } from './booking-catalog.js';
import { bookableWindow } from './availability/slots.js';
import { claimSlot, notOffered } from './claim-slot.js';
import { EXCLUSION_VIOLATION, hasSqlState } from './pg-errors.js';
import { scheduleHoldLapse } from './hold-lapse.js';
import { assertRoomForHold, holdSourceHash } from './hold-source.js';

/** How long a client has to enter their details before the slot is released. */
export const HOLD_MINUTES = 10;

export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export interface HoldRequest {
  practiceId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: Date;
  timeZone?: string | undefined;
  /**
   * The client's IP (widget requests): counted by the `bookingHold` rate
   * limit and, as a keyed hash on the row, by the live-hold cap.
   */
  ip?: string | undefined;
}

export interface Hold {
  holdId: string;
  /** The capability to confirm this hold; only its hash is stored. */
  holdToken: string;
  expiresAt: Date;
  startsAt: Date;
  endsAt: Date;
}

export const slotTaken = () =>
  new DomainError('CONFLICT', 'That time was just taken', { reason: 'slot_taken' });

export async function holdSlot(services: AppServices, req: HoldRequest): Promise<Hold> {
  const { prisma: db, clock } = services;
  if (req.ip) await services.rateLimits.consume('bookingHold', req.ip);
  const context = await loadBookingContext(
    db,
    req.practiceId,
    req.appointmentTypeId,
    req.clinicianId,
  );
  const startsAt = req.startsAt.getTime();
  const now = clock.now();
  if (!bookableWindow(context.type, now.getTime(), { from: startsAt, to: startsAt + 1 })) {
    throw notOffered('outside_booking_window');
  }
  const holdToken = newToken('thd');
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const sourceHash = req.ip
    ? holdSourceHash(services.config.appSecret, req.practiceId, req.ip)
    : null;
  try {
    const row = await db.$transaction(async (tx) => {
      if (sourceHash) {
        await assertRoomForHold(
          tx,
          req.practiceId,
          sourceHash,
          now,
          services.config.maxLiveHoldsPerIp,
        );
      }
      const claimed = await claimSlot(tx, context, {
        practiceId: req.practiceId,
        clinicianId: req.clinicianId,
        startsAt: req.startsAt,
        now,
        status: 'held',
        holdTokenHash: hashToken(holdToken),
        holdExpiresAt: expiresAt,
        clientTimeZone: req.timeZone ?? null,
        holdSourceHash: sourceHash,
      });
      // Same transaction: a hold exists exactly when its lapse check does.
      await scheduleHoldLapse(
        tx,
        { appointmentId: claimed.id, practiceId: req.practiceId },
        expiresAt,
      );
      return claimed;
    }, TRANSACTION_OPTIONS);
    return { holdId: row.id, holdToken, expiresAt, startsAt: row.startsAt, endsAt: row.endsAt };
  } catch (err) {
    if (hasSqlState(err, EXCLUSION_VIOLATION)) throw slotTaken();
    throw err;
  }
}
