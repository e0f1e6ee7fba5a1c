// A plain hold (booking.hold, 10 minutes) that the client abandons would
// otherwise free its time silently: readers ignore it and the next claim
// retires it, but the waitlist never hears. So holdSlot writes, in the claim's
// own transaction, a job due at the hold's expiry (dedupe key per hold); at
// that time, in one transaction, a hold that is still `held`, past its expiry
// and unspent is flipped to `expired` by a conditional update, and
// `appointment.slot_freed` is written for its time.
//
// Left alone on purpose:
// - confirmed / requested rows (the client finished);
// - rows already `expired`: claimSlot retires overlapping expired holds when
//   someone else claims the time, so the time is taken, not free;
// - holds in Stripe Checkout: confirm spends the hold token and extends the
//   expiry; payments/settle-checkout.ts frees those on
//   `checkout.session.expired`;
// - waitlist offer holds: waitlist-offers.ts never enqueues this job for them
//   and lapses them itself (`waitlist.offer_lapsed`).
import type { Prisma } from '../../generated/prisma/client.js';
import type { AppServices } from '../../services.js';
import type { JobQueue } from '../../jobs/queue.js';
import { TRANSACTION_OPTIONS } from './hold-slot.js';
import { enqueueLifecycleJob, LIFECYCLE_JOBS, slotFreedPayload } from './lifecycle-jobs.js';

export interface HoldLapseJob {
  appointmentId: string;
  practiceId: string;
}

/** Inside the hold's transaction: look at this hold again when it expires. */
export async function scheduleHoldLapse(
  tx: Prisma.TransactionClient,
  hold: HoldLapseJob,
  expiresAt: Date,
): Promise<void> {
  await enqueueLifecycleJob(
    tx,
    LIFECYCLE_JOBS.holdLapsed,
    { appointmentId: hold.appointmentId, practiceId: hold.practiceId },
    // Suffixed like the other per-appointment side jobs (`<id>:expired`), so
    // "the events of appointment X" (keys ending in its id) stay booking events.
    `${hold.appointmentId}:at_expiry`,
    expiresAt,
  );
}

/** Releases an abandoned hold and announces its time; true when it did. */
export async function lapseHold(services: AppServices, job: HoldLapseJob): Promise<boolean> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    // The WHERE is the whole decision, re-checked under the row lock: a
    // concurrent confirm, checkout or claim that got there first wins.
    const [released] = await tx.appointment.updateManyAndReturn({
      where: {
        id: job.appointmentId,
        practiceId: job.practiceId,
        status: 'held',
        holdExpiresAt: { lte: now },
        // Spent by confirm (checkout clears it) → not ours to free.
        holdTokenHash: { not: null },
        payments: { none: { status: 'pending' } },
      },
      data: { status: 'expired', holdTokenHash: null, holdSourceHash: null },
      select: {
        id: true,
        practiceId: true,
        appointmentTypeId: true,
        clinicianId: true,
        startsAt: true,
      },
    });
    if (!released) {
      // Confirmed, in checkout or retired: either way the source hash has
      // done its job (capping live plain holds) and is not kept.
      await tx.appointment.updateMany({
        where: { id: job.appointmentId, practiceId: job.practiceId, holdSourceHash: { not: null } },
        data: { holdSourceHash: null },
      });
      return false;
    }
    await enqueueLifecycleJob(
      tx,
      LIFECYCLE_JOBS.slotFreed,
      slotFreedPayload(released),
      `${released.id}:hold_lapsed`,
      now,
    );
    return true;
  }, TRANSACTION_OPTIONS);
}

export function registerHoldLapseJobs(
  services: AppServices,
  queue: JobQueue = services.jobs,
): void {
  queue.register(LIFECYCLE_JOBS.holdLapsed, async (payload) => {
    await lapseHold(services, payload as HoldLapseJob);
  });
}
