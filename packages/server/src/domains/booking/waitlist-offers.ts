// Offering freed time to the waitlist, as durable jobs:
//   appointment.slot_freed  the next matching entry (oldest first) gets a
//                           hold on that time, claimed through claimSlot so
//                           the EXCLUDE constraint still decides, and an
//                           offer e-mail job; the entry becomes `offered`.
//   waitlist.offer_mail     mints the hold token (only its hash is stored)
//                           and e-mails the link; a retry mints a new one.
//   waitlist.offer_lapsed   at the offer's expiry: booked → entry `booked`;
//                           still unpaid in checkout → look again later;
//                           otherwise the hold is released, the entry is
//                           done, and the time is offered to the next entry.
// The e-mail names the practice and the time only.
import type { AppServices } from '../../services.js';
import type { JobQueue } from '../../jobs/queue.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { loadBookingContext } from './booking-catalog.js';
import { claimSlot } from './claim-slot.js';
import { TRANSACTION_OPTIONS } from './hold-slot.js';
import { bookableWindow } from './availability/slots.js';
import { EXCLUSION_VIOLATION, hasSqlState } from './pg-errors.js';
import { DomainError } from '../../errors.js';
import {
  enqueueLifecycleJob,
  LIFECYCLE_JOBS,
  slotFreedPayload,
  type FreedSlot,
} from './lifecycle-jobs.js';
import { practiceTime } from './booking-mail.js';
import { BOOKING_JOBS } from './booking-jobs.js';

export const WAITLIST_JOBS = {
  offerMail: 'waitlist.offer_mail',
  offerLapsed: 'waitlist.offer_lapsed',
} as const;

interface OfferJob {
  entryId: string;
  practiceId: string;
  appointmentId: string;
}

/** Offers a freed time to the next matching entry; returns the entry offered, if any. */
export async function offerFreedSlot(
  services: AppServices,
  slot: FreedSlot,
): Promise<string | null> {
  const now = services.clock.now();
  const startsAt = new Date(slot.startsAt);
  let context;
  try {
    context = await loadBookingContext(
      services.prisma,
      slot.practiceId,
      slot.appointmentTypeId,
      slot.clinicianId,
    );
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return null; // type retired, clinician gone
    throw err;
  }
  if (
    !bookableWindow(context.type, now.getTime(), {
      from: startsAt.getTime(),
      to: startsAt.getTime() + 1,
    })
  )
    return null;
  const offerExpiresAt = new Date(now.getTime() + services.config.waitlistOfferMs);
  try {
    return await services.prisma.$transaction(async (tx) => {
      // Oldest matching entry first; SKIP LOCKED lets two freed slots go to two entries at once.
      const [entry] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "WaitlistEntry"
        WHERE "practiceId" = ${slot.practiceId}::uuid AND "appointmentTypeId" = ${slot.appointmentTypeId}::uuid
          AND status = 'waiting' AND ("clinicianId" IS NULL OR "clinicianId" = ${slot.clinicianId}::uuid)
          AND "rangeStart" <= ${startsAt}::timestamptz AND "rangeEnd" > ${startsAt}::timestamptz
        ORDER BY "createdAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (!entry) return null;
      const hold = await claimSlot(tx, context, {
        practiceId: slot.practiceId,
        clinicianId: slot.clinicianId,
        startsAt,
        now,
        status: 'held',
        holdExpiresAt: offerExpiresAt,
      });
      await tx.waitlistEntry.update({
        where: { id: entry.id },
        data: { status: 'offered', offeredAppointmentId: hold.id, offerExpiresAt },
      });
      const job = { entryId: entry.id, practiceId: slot.practiceId, appointmentId: hold.id };
      await tx.job.createMany({
        data: [
          {
            name: WAITLIST_JOBS.offerMail,
            queue: 'default',
            payload: job,
            runAt: now,
            dedupeKey: `${WAITLIST_JOBS.offerMail}:${hold.id}`,
          },
          {
            name: WAITLIST_JOBS.offerLapsed,
            queue: 'default',
            payload: job,
            runAt: offerExpiresAt,
            dedupeKey: `${WAITLIST_JOBS.offerLapsed}:${hold.id}:${offerExpiresAt.getTime()}`,
          },
        ],
        skipDuplicates: true,
      });
      return entry.id;
    }, TRANSACTION_OPTIONS);
  } catch (err) {
    // Someone booked the time first, or it left the schedule: nothing to offer.
    if (hasSqlState(err, EXCLUSION_VIOLATION)) return null;
    if (err instanceof DomainError && (err.code === 'VALIDATION_FAILED' || err.code === 'CONFLICT'))
      return null;
    throw err;
  }
}

/** The practice's hosted offer page (http/hosted-pages.ts); the token rides in the fragment. */
export function waitlistOfferUrl(
  publicUrl: string,
  practiceSlug: string,
  holdToken: string,
): string {
  return `${publicUrl}/p/${encodeURIComponent(practiceSlug)}/booking/waitlist#hold=${holdToken}`;
}

async function sendOffer(services: AppServices, job: OfferJob): Promise<void> {
  const entry = await services.prisma.waitlistEntry.findFirst({
    where: {
      id: job.entryId,
      practiceId: job.practiceId,
      status: 'offered',
      offeredAppointmentId: job.appointmentId,
    },
    select: {
      id: true,
      emailEnc: true,
      offerExpiresAt: true,
      practice: { select: { name: true, timezone: true, slug: true } },
    },
  });
  if (!entry) return;
  const holdToken = newToken('thd');
  const armed = await services.prisma.appointment.updateMany({
    where: { id: job.appointmentId, status: 'held', holdExpiresAt: { gt: services.clock.now() } },
    data: { holdTokenHash: hashToken(holdToken) },
  });
  if (armed.count !== 1) return;
  const a = await services.prisma.appointment.findUniqueOrThrow({
    where: { id: job.appointmentId },
    select: { startsAt: true },
  });
  const to = await services.cipher.decrypt(job.practiceId, entry.emailEnc);
  const { name, timezone } = entry.practice;
  const link = waitlistOfferUrl(services.config.publicUrl, entry.practice.slug, holdToken);
  await services.mailer.send({
    to,
    subject: `A time opened up with ${name}`,
    text: [
      `A time you were waiting for has opened up with ${name}: ${practiceTime(a.startsAt, timezone)}.`,
      '',
      `It is held for you until ${practiceTime(entry.offerExpiresAt!, timezone)}. To book it, use this link:`,
      link,
      '',
      'If you no longer need it, do nothing: it will be offered to someone else.',
    ].join('\n'),
  });
  await services.audit.record({
    practiceId: job.practiceId,
    actor: { type: 'system', id: 'waitlist' },
    action: 'waitlist.offer',
    objectType: 'WaitlistEntry',
    objectId: entry.id,
    outcome: 'success',
    detail: { appointmentId: job.appointmentId },
  });
}

async function lapseOffer(services: AppServices, job: OfferJob): Promise<void> {
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    const a = await tx.appointment.findFirst({
      where: { id: job.appointmentId, practiceId: job.practiceId },
      select: {
        id: true,
        status: true,
        holdExpiresAt: true,
        practiceId: true,
        appointmentTypeId: true,
        clinicianId: true,
        startsAt: true,
      },
    });
    if (!a) return;
    if (a.status === 'confirmed' || a.status === 'requested') {
      await tx.waitlistEntry.updateMany({
        where: { id: job.entryId, status: 'offered' },
        data: { status: 'booked' },
      });
      return;
    }
    if (a.status === 'held' && a.holdExpiresAt && a.holdExpiresAt > now) {
      // Still in checkout (the hold was extended): look again when it ends.
      await recheckLapseAt(tx, job, a.holdExpiresAt);
      return;
    }
    if (a.status === 'held')
      await tx.appointment.updateMany({
        where: { id: a.id, status: 'held' },
        data: { status: 'expired', holdTokenHash: null },
      });
    const done = await tx.waitlistEntry.updateMany({
      where: { id: job.entryId, status: 'offered' },
      data: { status: 'removed' },
    });
    if (done.count === 1 && a.status !== 'cancelled') {
      await enqueueLifecycleJob(
        tx,
        LIFECYCLE_JOBS.slotFreed,
        slotFreedPayload(a),
        `${a.id}:offer_lapsed`,
        now,
      );
    }
  }, TRANSACTION_OPTIONS);
}

async function recheckLapseAt(
  tx: Parameters<Parameters<AppServices['prisma']['$transaction']>[0]>[0],
  job: OfferJob,
  at: Date,
) {
  await tx.job.createMany({
    data: [
      {
        name: WAITLIST_JOBS.offerLapsed,
        queue: 'default',
        payload: { ...job },
        runAt: at,
        dedupeKey: `${WAITLIST_JOBS.offerLapsed}:${job.appointmentId}:${at.getTime()}`,
      },
    ],
    skipDuplicates: true,
  });
}

export function registerWaitlistJobs(services: AppServices, queue: JobQueue = services.jobs): void {
  queue.register(LIFECYCLE_JOBS.slotFreed, async (payload) => {
    await offerFreedSlot(services, payload as FreedSlot);
  });
  // A declined request frees its time too (the staff calendar enqueues ids only).
  queue.register(BOOKING_JOBS.declined, async (payload) => {
    const { appointmentId, practiceId } = payload as { appointmentId: string; practiceId: string };
    const a = await services.prisma.appointment.findFirst({
      where: { id: appointmentId, practiceId, status: 'cancelled' },
      select: { practiceId: true, appointmentTypeId: true, clinicianId: true, startsAt: true },
    });
    if (a) await offerFreedSlot(services, slotFreedPayload(a));
  });
  queue.register(WAITLIST_JOBS.offerMail, (payload) => sendOffer(services, payload as OfferJob));
  queue.register(WAITLIST_JOBS.offerLapsed, (payload) => lapseOffer(services, payload as OfferJob));
}
