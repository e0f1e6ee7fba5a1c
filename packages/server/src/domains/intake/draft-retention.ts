// Unfinished drafts are PHI the client never chose to send: they end 30 days
// after the last save (DRAFT_LIFETIME_MS), with their uploaded files. Meant to
// run as a durable job (see the report: registration lives in jobs/handlers.ts).
import type { AppServices } from '../../services.js';
import { discardBlobs } from '../../files/stored-files.js';

export const PURGE_EXPIRED_DRAFTS_JOB = 'intake.purge_expired_drafts';

/** Deletes up to `batch` expired drafts and their files; returns how many drafts went. */
export async function purgeExpiredDrafts(services: AppServices, batch = 200): Promise<number> {
  const now = services.clock.now();
  const drafts = await services.prisma.intakeDraft.findMany({
    where: { expiresAt: { lte: now } },
    orderBy: { expiresAt: 'asc' },
    take: batch,
    select: { id: true, practiceId: true },
  });
  if (drafts.length === 0) return 0;
  const ids = drafts.map((d) => d.id);
  const storageKeys = await services.prisma.$transaction(async (tx) => {
    // Drafts first, re-checking the expiry under their row locks: a draft saved
    // meanwhile got a new expiry and stays, with its files.
    const gone = await tx.$queryRaw<{ id: string }[]>`
      DELETE FROM "IntakeDraft" WHERE id = ANY(${ids}::uuid[]) AND "expiresAt" <= ${now} RETURNING id`;
    const goneIds = gone.map((d) => d.id);
    const files = await tx.storedFile.findMany({ where: { ownerType: 'intake_draft', ownerId: { in: goneIds } }, select: { storageKey: true } });
    await tx.storedFile.deleteMany({ where: { ownerType: 'intake_draft', ownerId: { in: goneIds } } });
    return files.map((f) => f.storageKey);
  });
  await discardBlobs(services, storageKeys);
  const perPractice = new Map<string, number>();
  for (const d of drafts) perPractice.set(d.practiceId, (perPractice.get(d.practiceId) ?? 0) + 1);
  for (const [practiceId, count] of perPractice) {
    await services.audit.record({ practiceId, actor: { type: 'system' }, action: 'intake.draft.purge', outcome: 'success', detail: { drafts: count } });
  }
  return drafts.length;
}
