// Booking events for later handlers (payments, reminders, notifications,
// plugins). Written inside the booking's own transaction, so an event exists
// exactly when its booking does; the payload carries ids only, never PHI.
// (JobQueue.enqueue writes outside any transaction, hence this direct insert
// in the same row shape; the dedupe key makes a repeated write a no-op.)
import type { Prisma } from '../../generated/prisma/client.js';

export const BOOKING_JOBS = {
  booked: 'appointment.booked',
  requested: 'appointment.requested',
  declined: 'appointment.declined',
} as const;

export type BookingJobName = (typeof BOOKING_JOBS)[keyof typeof BOOKING_JOBS];

export async function enqueueBookingJob(
  tx: Prisma.TransactionClient,
  name: BookingJobName,
  payload: { appointmentId: string; practiceId: string },
  now: Date,
): Promise<void> {
  await tx.job.createMany({
    data: [{ name, queue: 'default', payload, runAt: now, maxAttempts: 5, dedupeKey: `${name}:${payload.appointmentId}` }],
    skipDuplicates: true,
  });
}
