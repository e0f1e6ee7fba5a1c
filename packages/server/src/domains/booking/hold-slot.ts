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
// (availability) simply ignore held rows past holdExpiresAt.
import type { AppServices } from '../../services.js';
import { DomainError } from '../../errors.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { loadBookingContext } from './booking-catalog.js';
import { loadSchedules } from './availability/load-schedules.js';
import { blockedRange, bookableWindow, freeSlots, fullDates } from './availability/slots.js';
import { scheduleSpan, slotRulesOf } from './availability/find-availability.js';
import { EXCLUSION_VIOLATION, hasSqlState } from './pg-errors.js';

/** How long a client has to enter their details before the slot is released. */
export const HOLD_MINUTES = 10;

export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export interface HoldRequest {
  practiceId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: Date;
  timeZone?: string | undefined;
}

export interface Hold {
  holdId: string;
  /** The capability to confirm this hold; only its hash is stored. */
  holdToken: string;
  expiresAt: Date;
  startsAt: Date;
  endsAt: Date;
}

export const slotTaken = () => new DomainError('CONFLICT', 'That time was just taken', { reason: 'slot_taken' });

export async function holdSlot(services: AppServices, req: HoldRequest): Promise<Hold> {
  const { prisma: db, clock } = services;
  const { type, zone } = await loadBookingContext(db, req.practiceId, req.appointmentTypeId, req.clinicianId);
  const rules = slotRulesOf(type);
  const startsAt = req.startsAt.getTime();
  const now = clock.now();
  const notOffered = (reason: string) =>
    new DomainError('VALIDATION_FAILED', 'That time is not available for booking', { field: 'startsAt', reason });
  if (!bookableWindow(type, now.getTime(), { from: startsAt, to: startsAt + 1 })) throw notOffered('outside_booking_window');

  const blocked = blockedRange(startsAt, rules);
  const holdToken = newToken('thd');
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const span = scheduleSpan(zone, rules, startsAt, startsAt + 1);

  try {
    const row = await db.$transaction(async (tx) => {
      // Daily caps count other slots of the same day, which the constraint
      // cannot see: serialise this clinician's claims when a cap applies.
      if (rules.dailyCap !== null) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'booking:' + req.clinicianId}, 0))`;
      }
      await tx.$executeRaw`
        UPDATE "Appointment" SET status = 'expired', "updatedAt" = ${now}::timestamptz
        WHERE "clinicianId" = ${req.clinicianId}::uuid AND status = 'held'
          AND "holdExpiresAt" <= ${now}::timestamptz
          AND tstzrange("blockedFrom", "blockedTo") && tstzrange(${new Date(blocked.from)}::timestamptz, ${new Date(blocked.to)}::timestamptz)`;

      const [schedule] = await loadSchedules(tx, {
        practiceId: req.practiceId,
        clinicianIds: [req.clinicianId],
        ...span,
        now,
        cappedTypeId: rules.dailyCap === null ? null : type.id,
      });
      const window = { from: startsAt, to: startsAt + 1 };
      if (!freeSlots(schedule!, rules, window, zone, { ignoreBusy: true }).length) throw notOffered('not_in_schedule');
      if (fullDates(schedule!.typeStarts, rules, zone).has(zone.localDateOf(startsAt))) {
        throw new DomainError('CONFLICT', 'That day is fully booked', { reason: 'daily_cap' });
      }
      // No pre-check for overlaps: the constraint is the single judge.
      return tx.appointment.create({
        data: {
          practiceId: req.practiceId,
          clinicianId: req.clinicianId,
          appointmentTypeId: type.id,
          status: 'held',
          startsAt: req.startsAt,
          endsAt: new Date(blocked.endsAt),
          blockedFrom: new Date(blocked.from),
          blockedTo: new Date(blocked.to),
          holdTokenHash: hashToken(holdToken),
          holdExpiresAt: expiresAt,
          clientTimeZone: req.timeZone ?? null,
        },
        select: { id: true, startsAt: true, endsAt: true },
      });
    }, TRANSACTION_OPTIONS);
    return { holdId: row.id, holdToken, expiresAt, startsAt: row.startsAt, endsAt: row.endsAt };
  } catch (err) {
    if (hasSqlState(err, EXCLUSION_VIOLATION)) throw slotTaken();
    throw err;
  }
}
