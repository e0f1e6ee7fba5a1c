// Durable jobs of the intake domain:
// - `intake.submitted` tells the practice's clinicians and owners that a
//   submission is waiting. The e-mail names the practice and links to the
//   console inbox; it never says who submitted or what (no PHI in e-mail).
// - `intake.purge_expired_drafts` removes abandoned drafts (and their files)
//   every hour; each run schedules the next, de-duplicated by hour.
import type { AppServices } from '../../services.js';
import { INTAKE_SUBMITTED_JOB } from './submit.handler.js';
import { PURGE_EXPIRED_DRAFTS_JOB, purgeExpiredDrafts } from './draft-retention.js';

const HOUR_MS = 3_600_000;

interface SubmittedPayload {
  submissionId: string;
  practiceId: string;
}

export function registerIntakeJobs(services: AppServices): void {
  services.jobs.register(INTAKE_SUBMITTED_JOB, async (payload) => {
    await notifyReviewers(services, payload as SubmittedPayload);
  });
  services.jobs.register(PURGE_EXPIRED_DRAFTS_JOB, async () => {
    await purgeExpiredDrafts(services);
    await scheduleDraftPurge(services, 1);
  });
}

/** Enqueues the purge for the start of the hour `hoursAhead` from now (once per hour bucket). */
export async function scheduleDraftPurge(services: AppServices, hoursAhead = 0): Promise<void> {
  const bucket = Math.floor(services.clock.now().getTime() / HOUR_MS) + hoursAhead;
  await services.jobs.enqueue(PURGE_EXPIRED_DRAFTS_JOB, {}, {
    runAt: new Date(bucket * HOUR_MS),
    dedupeKey: `${PURGE_EXPIRED_DRAFTS_JOB}:${bucket}`,
  });
}

async function notifyReviewers(services: AppServices, payload: SubmittedPayload): Promise<void> {
  const practice = await services.prisma.practice.findUnique({
    where: { id: payload.practiceId },
    select: {
      name: true,
      memberships: {
        where: { role: { in: ['owner', 'clinician'] }, staffUser: { disabledAt: null } },
        select: { staffUser: { select: { email: true } } },
      },
    },
  });
  if (!practice) return;
  const inbox = `${services.config.publicUrl}/console/#/inbox`;
  for (const m of practice.memberships) {
    await services.mailer.send({
      to: m.staffUser.email,
      subject: `New intake submission at ${practice.name}`,
      text:
        `A new intake form was submitted to ${practice.name}.\n\n` +
        `Sign in to the staff console to review it:\n${inbox}\n\n` +
        'For privacy, this e-mail does not include any client details.',
    });
  }
}
