// Submitting an intake. Order matters:
//   1. idempotency replay (before anything else, so a retry after success
//      works even though the draft is gone);
//   2. full validation from the SAME definition the widget rendered (the
//      draft's version), hidden answers dropped, files checked to be this
//      draft's, the client identity planned — all before any write;
//   3. drawn signatures written as encrypted blobs (discarded on failure);
//   4. one transaction: idempotency record, client rows, submission, file
//      ownership, draft removal and the `intake.submitted` job (outbox), so a
//      failure stores nothing and an acknowledged submission is complete.
import crypto from 'node:crypto';
import { validateAnswers } from '@therapycrm/plugin-sdk';
import type { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { discardBlobs } from '../../files/stored-files.js';
import type { WidgetContext } from './contexts.js';
import { optionalClientSession } from './client-prefill.js';
import { practiceToday } from '../clients/client-record.js';
import { findDraft, isoDateOf, type Draft } from './draft-access.js';
import { findAnswerableVersion } from './published-form.js';
import { assertDraftFiles, referencedFiles, storeDrawnSignatures } from './answer-files.js';
import { encryptAnswers } from './answers-crypto.js';
import { answersRejected } from './field-errors.js';
import { claimFor, isUniqueViolation, recordClaim, replayedResponse } from './idempotency.js';
import { applyClientLink, planClientLink } from './submit-client.js';
import type { submitInput } from './submit.schema.js';

export const INTAKE_SUBMITTED_JOB = 'intake.submitted';

export interface SubmitResult {
  submissionId: string;
  submittedAt: string;
}

export async function submitIntake(ctx: WidgetContext, input: z.infer<typeof submitInput>): Promise<SubmitResult> {
  const { services } = ctx;
  const practiceId = ctx.practice.id;
  const claim = claimFor(ctx, practiceId, 'intake.submit', input);
  // The reads below are independent, so they share one wait instead of three
  // (performance: each is a round trip). The replay still decides first: a
  // retry after success gets its response even though the draft is gone.
  const formRead = settled(
    input.resumeToken ? findDraft(ctx, input.resumeToken) : findAnswerableVersion(ctx.db, practiceId, input.formVersionId!),
  );
  const todayRead = settled(practiceToday(services, practiceId));
  const earlier = await replayedResponse<SubmitResult>(ctx.db, claim, services.clock.now());
  if (earlier) return earlier;

  const form = await formRead.get();
  const draft: Draft | null = input.resumeToken ? (form as Draft) : null;
  const today = await todayRead.get();
  const checked = validateAnswers(form.definition, input.answers, { today: isoDateOf(today) });
  if (!checked.ok) throw answersRejected(checked.errors);
  const uploads = referencedFiles(form.definition, checked.answers);
  await assertDraftFiles(ctx.db, practiceId, draft?.id ?? null, uploads);
  const session = await optionalClientSession(ctx);
  // The client lookup (database) and the signature files (disk, fsync) do not
  // depend on each other: overlapped, not queued (performance). A refused
  // client leaves no files behind.
  const [linked, signed] = await Promise.allSettled([
    planClientLink(services, practiceId, input.client, today),
    storeDrawnSignatures(services, practiceId, form.definition, checked.answers),
  ]);
  if (linked.status === 'rejected') {
    if (signed.status === 'fulfilled') await discardBlobs(services, signed.value.blobs.map((b) => b.storageKey));
    throw linked.reason;
  }
  if (signed.status === 'rejected') throw signed.reason;
  const link = linked.value;
  const identityVerified = session !== null && session.emailHash === link.contactEmailHash;
  const { answers, blobs } = signed.value;
  const now = services.clock.now();
  const submissionId = crypto.randomUUID();
  const response: SubmitResult = { submissionId, submittedAt: now.toISOString() };
  let outcome: { clientId: string; createdClientIds: string[]; unusedBlobKeys: string[] };
  try {
    const answersEnc = await encryptAnswers(services, practiceId, answers);
    outcome = await ctx.db.$transaction(async (tx) => {
      await recordClaim(tx, claim, response, now);
      let unusedBlobKeys: string[] = [];
      if (draft) {
        // Taken first: a second submission of the same draft waits here, then finds it gone.
        const removed = await tx.intakeDraft.deleteMany({ where: { id: draft.id, practiceId } });
        if (removed.count !== 1) throw notFound('Draft');
      }
      const { clientId, createdClientIds } = await applyClientLink(tx, practiceId, link);
      await tx.intakeSubmission.create({
        data: { id: submissionId, practiceId, formVersionId: form.formVersionId, clientId, answersEnc, identityVerified, idempotencyKey: claim.key, submittedAt: now },
        select: { id: true },
      });
      if (blobs.length > 0) {
        await tx.storedFile.createMany({
          data: blobs.map((b) => ({
            id: b.id,
            practiceId,
            ownerType: 'intake_submission',
            ownerId: submissionId,
            fieldId: b.fieldId,
            contentType: b.contentType,
            byteSize: b.byteSize,
            sha256: b.sha256,
            storageKey: b.storageKey,
          })),
        });
      }
      if (draft) {
        await tx.storedFile.updateMany({
          where: { practiceId, ownerType: 'intake_draft', ownerId: draft.id, id: { in: uploads.map((u) => u.fileId) } },
          data: { ownerType: 'intake_submission', ownerId: submissionId },
        });
        // Uploads the client replaced or removed end with the draft.
        const unused = await tx.storedFile.findMany({ where: { practiceId, ownerType: 'intake_draft', ownerId: draft.id }, select: { storageKey: true } });
        await tx.storedFile.deleteMany({ where: { practiceId, ownerType: 'intake_draft', ownerId: draft.id } });
        unusedBlobKeys = unused.map((f) => f.storageKey);
      }
      // The job row commits with the submission (an outbox), so plugins and
      // notifications hear about every acknowledged submission exactly once.
      await tx.job.create({
        data: {
          name: INTAKE_SUBMITTED_JOB,
          queue: 'default',
          payload: { submissionId, practiceId, formVersionId: form.formVersionId, clientId },
          runAt: now,
          dedupeKey: `${INTAKE_SUBMITTED_JOB}:${submissionId}`,
        },
        select: { id: true },
      });
      return { clientId, createdClientIds, unusedBlobKeys };
    });
  } catch (err) {
    await discardBlobs(services, blobs.map((b) => b.storageKey));
    if (isUniqueViolation(err)) {
      const winner = await replayedResponse<SubmitResult>(ctx.db, claim, services.clock.now());
      if (winner) return winner;
      throw new DomainError('CONFLICT', 'This submission clashed with another; retry with the same Idempotency-Key');
    }
    throw err;
  }
  await discardBlobs(services, outcome.unusedBlobKeys);

  const actor = session ? { type: 'client' as const, id: session.clientId ?? session.sessionId } : { type: 'anonymous' as const, id: null };
  // Queued together, in this order: while the chain's writer is busy (many
  // submits) they join one batch, one lock and one commit, instead of the
  // second waiting for the first's commit before it even queues.
  const events = outcome.createdClientIds.map((clientId) =>
    services.audit.record({
      practiceId,
      actor,
      action: 'client.create',
      objectType: 'Client',
      objectId: clientId,
      outcome: 'success',
      ip: ctx.request.ip,
      detail: { source: 'intake', submissionId },
    }),
  );
  events.push(
    services.audit.record({
      practiceId,
      actor,
      action: 'intake.submit',
      objectType: 'IntakeSubmission',
      objectId: submissionId,
      outcome: 'success',
      ip: ctx.request.ip,
      detail: { formVersionId: form.formVersionId, clientId: outcome.clientId, files: uploads.length + blobs.length, identityVerified },
    }),
  );
  await Promise.all(events);
  return response;
}

/**
 * A promise started early and awaited later: a rejection before `get()` is
 * held, not reported as unhandled (say the replay answers and it is never read).
 */
function settled<T>(promise: Promise<T>): { get(): Promise<T> } {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return {
    async get() {
      const o = await outcome;
      if (!o.ok) throw o.error;
      return o.value;
    },
  };
}
