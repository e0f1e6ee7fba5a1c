// Durable jobs that e-mail the client about a booking, and schedule its
// reminders. Jobs carry ids only; the handler reads what it needs when it
// runs, so a reminder for a time that has since moved or been cancelled is
// simply skipped. Reminders are enqueued with a dedupe key per appointment
// and lead time, and the queue claims each job on one worker (SKIP LOCKED),
// so however many instances run, each reminder is sent once (a worker that
// dies between sending and recording could send it again after its lease:
// at-least-once only after a crash, see jobs/queue.ts).
import type { AppServices } from '../../services.js';
import type { JobQueue } from '../../jobs/queue.js';
import { BOOKING_JOBS } from './booking-jobs.js';
import { LIFECYCLE_JOBS } from './lifecycle-jobs.js';
import { bookingMail, type BookingMailKind } from './booking-mail.js';
import { issueManageToken, manageUrl } from './manage-link.js';

export const REMINDER_JOB = 'appointment.reminder';

interface AppointmentJob {
  appointmentId: string;
  practiceId: string;
  previousAppointmentId?: string;
}

interface ReminderJob extends AppointmentJob {
  startsAt: string;
  leadMinutes: number;
}

async function loadForMail(services: AppServices, job: AppointmentJob) {
  return services.prisma.appointment.findFirst({
    where: { id: job.appointmentId, practiceId: job.practiceId },
    select: {
      id: true,
      practiceId: true,
      status: true,
      startsAt: true,
      endsAt: true,
      practice: { select: { name: true, timezone: true, slug: true } },
      client: { select: { id: true, emailEnc: true } },
    },
  });
}

type MailAppointment = NonNullable<Awaited<ReturnType<typeof loadForMail>>>;

async function send(
  services: AppServices,
  kind: BookingMailKind,
  a: MailAppointment,
  extra: { previousAppointmentId?: string } = {},
) {
  if (!a.client?.emailEnc) return;
  const to = await services.cipher.decrypt(a.practiceId, a.client.emailEnc);
  await services.audit.record({
    practiceId: a.practiceId,
    actor: { type: 'system', id: 'booking-mail' },
    action: 'client.read',
    objectType: 'Client',
    objectId: a.client.id,
    outcome: 'success',
    detail: { purpose: `booking_mail:${kind}`, appointmentId: a.id, fields: ['email'] },
  });
  const now = services.clock.now();
  const link =
    kind === 'cancellation'
      ? undefined
      : manageUrl(
          services.config,
          a.practice.slug,
          issueManageToken(services.config, a.id, a.startsAt, now),
        );
  await services.mailer.send(
    bookingMail(kind, {
      to,
      practiceName: a.practice.name,
      practiceTimeZone: a.practice.timezone,
      appointmentId: a.id,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      now,
      ...(link ? { manageUrl: link } : {}),
      ...extra,
    }),
  );
}

/** One reminder job per configured lead time still in the future. */
export async function scheduleReminders(
  services: AppServices,
  a: { id: string; practiceId: string; startsAt: Date },
) {
  const now = services.clock.now().getTime();
  for (const leadMinutes of services.config.reminderLeadMinutes) {
    const runAt = a.startsAt.getTime() - leadMinutes * 60_000;
    if (runAt <= now) continue;
    const payload: ReminderJob = {
      appointmentId: a.id,
      practiceId: a.practiceId,
      startsAt: a.startsAt.toISOString(),
      leadMinutes,
    };
    await services.jobs.enqueue(
      REMINDER_JOB,
      { ...payload },
      { runAt: new Date(runAt), dedupeKey: `${REMINDER_JOB}:${a.id}:${leadMinutes}` },
    );
  }
}

export function registerBookingMailJobs(
  services: AppServices,
  queue: JobQueue = services.jobs,
): void {
  queue.register(BOOKING_JOBS.booked, async (payload) => {
    const a = await loadForMail(services, payload as AppointmentJob);
    if (!a || a.status !== 'confirmed') return;
    await send(services, 'confirmation', a);
    await scheduleReminders(services, a);
  });

  queue.register(REMINDER_JOB, async (payload) => {
    const job = payload as ReminderJob;
    const a = await loadForMail(services, job);
    // Moved or cancelled since it was scheduled: that change scheduled its own.
    if (!a || a.status !== 'confirmed' || a.startsAt.toISOString() !== job.startsAt) return;
    await send(services, 'reminder', a);
  });

  queue.register(LIFECYCLE_JOBS.rescheduled, async (payload) => {
    const job = payload as AppointmentJob;
    const a = await loadForMail(services, job);
    if (!a || (a.status !== 'confirmed' && a.status !== 'requested')) return;
    await send(
      services,
      'change',
      a,
      job.previousAppointmentId ? { previousAppointmentId: job.previousAppointmentId } : {},
    );
    if (a.status === 'confirmed') await scheduleReminders(services, a);
  });

  queue.register(LIFECYCLE_JOBS.cancelled, async (payload) => {
    const a = await loadForMail(services, payload as AppointmentJob);
    if (!a || a.status !== 'cancelled') return;
    await send(services, 'cancellation', a);
  });
}
