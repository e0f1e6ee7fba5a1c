// Claiming a time for a clinician inside the caller's transaction: the one
// place that retires expired holds, re-checks the schedule and daily cap,
// and inserts the row the EXCLUDE constraint judges. `holdSlot` uses it; a
// later reschedule or waitlist offer can claim the new time in the same
// transaction that releases the old one. A 23P01 raised here aborts the
// caller's transaction: map it with `hasSqlState(err, EXCLUSION_VIOLATION)`.
import { DomainError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AppointmentStatus } from '../../generated/prisma/enums.js';
import type { BookingContext } from './booking-catalog.js';
import { loadSchedules } from './availability/load-schedules.js';
import { blockedRange, freeSlots, fullDates } from './availability/slots.js';
import { scheduleSpan, slotRulesOf } from './availability/find-availability.js';

export interface SlotClaim {
  practiceId: string;
  clinicianId: string;
  startsAt: Date;
  now: Date;
  status: Extract<AppointmentStatus, 'held' | 'requested' | 'confirmed'>;
  holdTokenHash?: string | null;
  holdExpiresAt?: Date | null;
  clientTimeZone?: string | null;
  /** Keyed hash of the client IP of a widget hold (hold-source.ts). */
  holdSourceHash?: string | null;
}

export const notOffered = (reason: string) =>
  new DomainError('VALIDATION_FAILED', 'That time is not available for booking', {
    field: 'startsAt',
    reason,
  });

export async function claimSlot(
  tx: Prisma.TransactionClient,
  context: BookingContext,
  claim: SlotClaim,
) {
  const { type, zone } = context;
  const rules = slotRulesOf(type);
  const startsAt = claim.startsAt.getTime();
  const blocked = blockedRange(startsAt, rules);
  // Daily caps count other slots of the same day, which the constraint
  // cannot see: serialise this clinician's claims when a cap applies.
  if (rules.dailyCap !== null) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'booking:' + claim.clinicianId}, 0))`;
  }
  await tx.$executeRaw`
    UPDATE "Appointment" SET status = 'expired', "updatedAt" = ${claim.now}::timestamptz
    WHERE "clinicianId" = ${claim.clinicianId}::uuid AND status = 'held'
      AND "holdExpiresAt" <= ${claim.now}::timestamptz
      AND tstzrange("blockedFrom", "blockedTo") && tstzrange(${new Date(blocked.from)}::timestamptz, ${new Date(blocked.to)}::timestamptz)`;

  const [schedule] = await loadSchedules(tx, {
    practiceId: claim.practiceId,
    clinicianIds: [claim.clinicianId],
    ...scheduleSpan(zone, rules, startsAt, startsAt + 1),
    now: claim.now,
    cappedTypeId: rules.dailyCap === null ? null : type.id,
  });
  const window = { from: startsAt, to: startsAt + 1 };
  if (!freeSlots(schedule!, rules, window, zone, { ignoreBusy: true }).length)
    throw notOffered('not_in_schedule');
  if (fullDates(schedule!.typeStarts, rules, zone).has(zone.localDateOf(startsAt))) {
    throw new DomainError('CONFLICT', 'That day is fully booked', { reason: 'daily_cap' });
  }
  // No pre-check for overlaps: the constraint is the single judge.
  return tx.appointment.create({
    data: {
      practiceId: claim.practiceId,
      clinicianId: claim.clinicianId,
      appointmentTypeId: type.id,
      status: claim.status,
      startsAt: claim.startsAt,
      endsAt: new Date(blocked.endsAt),
      blockedFrom: new Date(blocked.from),
      blockedTo: new Date(blocked.to),
      holdTokenHash: claim.holdTokenHash ?? null,
      holdExpiresAt: claim.holdExpiresAt ?? null,
      clientTimeZone: claim.clientTimeZone ?? null,
      holdSourceHash: claim.holdSourceHash ?? null,
    },
    select: { id: true, startsAt: true, endsAt: true },
  });
}
