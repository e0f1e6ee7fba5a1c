// What a client can do with a signed manage link: see the appointment and
// the practice's policy, cancel (free inside the window; later, the
// late-cancel fee applies, see payments/payment-policy.ts), or move it to
// another time. Rescheduling is one transaction: the old row is released
// and the new time claimed through claimSlot, so the EXCLUDE constraint
// judges the new time and a failure leaves the old booking untouched.
// Rescheduling is allowed only while a free cancellation would be.
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { loadBookingContext, zoneRules } from './booking-catalog.js';
import { claimSlot, notOffered } from './claim-slot.js';
import { slotTaken, TRANSACTION_OPTIONS } from './hold-slot.js';
import { bookableWindow } from './availability/slots.js';
import { EXCLUSION_VIOLATION, hasSqlState } from './pg-errors.js';
import { enqueueLifecycleJob, LIFECYCLE_JOBS, slotFreedPayload } from './lifecycle-jobs.js';
import { issueManageToken, invalidManageLink } from './manage-link.js';
import { applyCancellation, CANCELLABLE_STATUSES as ACTIVE } from './cancel-appointment.js';

/** PostgreSQL's deadlock SQLSTATE, and Prisma's code for it (write conflict or deadlock). */
const DEADLOCK = ['40P01', 'P2034'];

const managedSelect = {
  id: true,
  practiceId: true,
  clinicianId: true,
  appointmentTypeId: true,
  clientId: true,
  status: true,
  startsAt: true,
  endsAt: true,
  clientTimeZone: true,
  confirmedAt: true,
  requestedAt: true,
  practice: { select: { name: true, timezone: true } },
  clinician: { select: { displayName: true } },
  appointmentType: {
    select: {
      name: true,
      durationMinutes: true,
      modality: true,
      cancellationWindowHours: true,
      lateCancelFeeCents: true,
    },
  },
  payments: { where: { status: 'paid' }, select: { id: true, amountCents: true, currency: true } },
} satisfies Prisma.AppointmentSelect;

async function managed(
  db: AppServices['prisma'] | Prisma.TransactionClient,
  practiceId: string,
  appointmentId: string,
) {
  const row = await db.appointment.findFirst({
    where: { id: appointmentId, practiceId },
    select: managedSelect,
  });
  // Another practice's appointment looks exactly like a forged link.
  if (!row || row.status === 'held' || row.status === 'expired') throw invalidManageLink();
  return row;
}

type Managed = Awaited<ReturnType<typeof managed>>;

const freeUntil = (a: Managed) =>
  new Date(a.startsAt.getTime() - a.appointmentType.cancellationWindowHours * 3_600_000);
const isActive = (a: Managed) => (ACTIVE as readonly string[]).includes(a.status);

/** What the manage page shows: time, type name and policy; nothing about the client. */
export async function describeManagedAppointment(
  services: AppServices,
  practiceId: string,
  appointmentId: string,
) {
  const a = await managed(services.prisma, practiceId, appointmentId);
  const now = services.clock.now();
  const zone = zoneRules(a.practice.timezone);
  const paidCents = a.payments.reduce((s, p) => s + p.amountCents, 0);
  return {
    appointmentId: a.id,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    startsAtPractice: zone.formatLocal(a.startsAt.getTime()),
    practiceTimeZone: a.practice.timezone,
    practiceName: a.practice.name,
    // Ids the manage page needs to offer other times (booking.availability).
    appointmentTypeId: a.appointmentTypeId,
    clinicianId: a.clinicianId,
    clinicianName: a.clinician.displayName,
    appointmentType: {
      name: a.appointmentType.name,
      durationMinutes: a.appointmentType.durationMinutes,
      modality: a.appointmentType.modality,
    },
    policy: {
      cancellationWindowHours: a.appointmentType.cancellationWindowHours,
      lateCancelFeeCents: a.appointmentType.lateCancelFeeCents,
      freeCancellationUntil: freeUntil(a).toISOString(),
      currency: a.payments[0]?.currency ?? services.config.stripe?.currency ?? 'usd',
    },
    paidCents,
    canCancel: isActive(a) && a.startsAt > now,
    canReschedule: isActive(a) && freeUntil(a) > now,
  };
}

export type { CancellationResult } from './cancel-appointment.js';

export async function cancelManagedAppointment(
  services: AppServices,
  practiceId: string,
  appointmentId: string,
) {
  const now = services.clock.now();
  const currency = services.config.stripe?.currency ?? 'usd';
  return services.prisma.$transaction(async (tx) => {
    const a = await managed(tx, practiceId, appointmentId);
    return applyCancellation(tx, a, {
      now,
      currency,
      refund: 'policy',
      cancelReason: 'client',
      notifyClient: true,
      notCancellableMessage: 'This appointment can no longer be cancelled online',
    });
  }, TRANSACTION_OPTIONS);
}

export async function rescheduleManagedAppointment(
  services: AppServices,
  practiceId: string,
  appointmentId: string,
  startsAt: Date,
) {
  const now = services.clock.now();
  const current = await managed(services.prisma, practiceId, appointmentId);
  if (!isActive(current) || freeUntil(current) <= now) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      'This appointment can no longer be moved online; please contact the practice',
      {
        reason: 'outside_policy_window',
      },
    );
  }
  const context = await loadBookingContext(
    services.prisma,
    practiceId,
    current.appointmentTypeId,
    current.clinicianId,
  );
  if (
    !bookableWindow(context.type, now.getTime(), {
      from: startsAt.getTime(),
      to: startsAt.getTime() + 1,
    })
  ) {
    throw notOffered('outside_booking_window');
  }
  const attempt = () =>
    services.prisma.$transaction(async (tx) => {
      const released = await tx.appointment.updateMany({
        where: { id: current.id, status: current.status },
        data: { status: 'cancelled', cancelReason: 'rescheduled', cancelledAt: now },
      });
      if (released.count !== 1)
        throw new DomainError('PRECONDITION_FAILED', 'This appointment was already changed', {
          reason: 'not_active',
        });
      const status = current.status as (typeof ACTIVE)[number];
      const row = await claimSlot(tx, context, {
        practiceId,
        clinicianId: current.clinicianId,
        startsAt,
        now,
        status,
        clientTimeZone: current.clientTimeZone,
      });
      await tx.appointment.update({
        where: { id: row.id },
        data: {
          clientId: current.clientId,
          confirmedAt: current.confirmedAt,
          requestedAt: current.requestedAt,
        },
      });
      // A paid deposit follows the booking to its new time.
      await tx.payment.updateMany({
        where: { appointmentId: current.id, status: { in: ['paid', 'due'] } },
        data: { appointmentId: row.id },
      });
      await enqueueLifecycleJob(
        tx,
        LIFECYCLE_JOBS.rescheduled,
        { appointmentId: row.id, previousAppointmentId: current.id, practiceId },
        row.id,
        now,
      );
      await enqueueLifecycleJob(
        tx,
        LIFECYCLE_JOBS.slotFreed,
        slotFreedPayload(current),
        `${current.id}:rescheduled`,
        now,
      );
      return row;
    }, TRANSACTION_OPTIONS);
  for (let tries = 1; ; tries++) {
    try {
      const moved = await attempt();
      return {
        appointmentId: moved.id,
        previousAppointmentId: current.id,
        status: current.status,
        startsAt: moved.startsAt.toISOString(),
        endsAt: moved.endsAt.toISOString(),
        manageToken: issueManageToken(services.config, moved.id, moved.startsAt, now),
      };
    } catch (err) {
      if (hasSqlState(err, EXCLUSION_VIOLATION)) throw slotTaken();
      // Two transactions claiming overlapping times can deadlock on the EXCLUDE
      // index (each waits for the other's insert) and PostgreSQL aborts one.
      // Running it again gives the real answer: usually 23P01, slot taken.
      if (DEADLOCK.some((code) => hasSqlState(err, code)) && tries < 3) continue;
      throw err;
    }
  }
}
