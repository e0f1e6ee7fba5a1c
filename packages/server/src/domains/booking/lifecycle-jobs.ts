// Jobs for what happens to a booking after it is made (cancel, reschedule,
// a freed slot for the waitlist, an abandoned hold, refunds). Like booking-jobs.ts they are
// written inside the change's own transaction, with ids only; the dedupe key
// makes a repeated write of the same event a no-op.
import type { Prisma } from '../../generated/prisma/client.js';

export const LIFECYCLE_JOBS = {
  cancelled: 'appointment.cancelled',
  rescheduled: 'appointment.rescheduled',
  /** A time became free again (cancel, reschedule, abandoned checkout): offer it to the waitlist. */
  slotFreed: 'appointment.slot_freed',
  /** A plain hold's expiry: release it if abandoned and free its time (hold-lapse.ts). */
  holdLapsed: 'appointment.hold_lapsed',
  refund: 'payment.refund',
} as const;

export type LifecycleJobName = (typeof LIFECYCLE_JOBS)[keyof typeof LIFECYCLE_JOBS];

export async function enqueueLifecycleJob(
  tx: Prisma.TransactionClient,
  name: LifecycleJobName,
  payload: Record<string, string | number>,
  dedupeKey: string,
  runAt: Date,
): Promise<void> {
  await tx.job.createMany({
    data: [
      { name, queue: 'default', payload, runAt, maxAttempts: 8, dedupeKey: `${name}:${dedupeKey}` },
    ],
    skipDuplicates: true,
  });
}

/** A freed time, described by ids and instants only. */
export type FreedSlot = {
  practiceId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: string;
};

export function slotFreedPayload(a: {
  practiceId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: Date;
}): FreedSlot {
  return {
    practiceId: a.practiceId,
    appointmentTypeId: a.appointmentTypeId,
    clinicianId: a.clinicianId,
    startsAt: a.startsAt.toISOString(),
  };
}
