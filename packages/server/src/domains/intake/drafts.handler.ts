// The client's side before submitting: load the published form (optionally
// prefilled), start a draft, save partial answers (type-checked, encrypted),
// and resume on another device with the resume token.
import { validateAnswers } from '@therapycrm/plugin-sdk';
import type { z } from 'zod';
import { audit } from '../../audit/audited.js';
import type { WidgetContext } from './contexts.js';
import { optionalClientSession, prefillFor } from './client-prefill.js';
import { draftExpiry, findDraft, newResumeToken, practiceIsoDate } from './draft-access.js';
import { findPublishedForm } from './published-form.js';
import { decryptAnswers, encryptAnswers } from './answers-crypto.js';
import { assertDraftFiles, referencedFiles } from './answer-files.js';
import { answersRejected } from './field-errors.js';
import type { publishedFormInput, resumeDraftInput, saveDraftInput, startDraftInput } from './drafts.schema.js';

export async function getPublishedForm(ctx: WidgetContext, input: z.infer<typeof publishedFormInput>) {
  const form = await findPublishedForm(ctx.db, ctx.practice.id, input.formKey);
  const session = await optionalClientSession(ctx);
  return {
    formKey: form.formKey,
    formVersionId: form.formVersionId,
    version: form.version,
    definition: form.definition,
    prefill: session ? await prefillFor(ctx, session, form.definition) : {},
  };
}

export async function startDraft(ctx: WidgetContext, input: z.infer<typeof startDraftInput>) {
  const form = await findPublishedForm(ctx.db, ctx.practice.id, input.formKey);
  const session = await optionalClientSession(ctx);
  const { token, tokenHash } = newResumeToken();
  const draft = await ctx.db.intakeDraft.create({
    data: {
      practiceId: ctx.practice.id,
      formVersionId: form.formVersionId,
      resumeTokenHash: tokenHash,
      clientSessionId: session?.sessionId ?? null,
      expiresAt: draftExpiry(ctx.services),
    },
    select: { id: true, expiresAt: true },
  });
  await audit(ctx, ctx.practice.id, {
    action: 'intake.draft.start',
    objectType: 'IntakeDraft',
    objectId: draft.id,
    detail: { formVersionId: form.formVersionId },
  });
  // The token is shown once: only its hash is stored, so it cannot be recovered.
  return { draftId: draft.id, resumeToken: token, expiresAt: draft.expiresAt, formVersionId: form.formVersionId, version: form.version };
}

export async function saveDraft(ctx: WidgetContext, input: z.infer<typeof saveDraftInput>) {
  const draft = await findDraft(ctx, input.resumeToken);
  const today = await practiceIsoDate(ctx.services, draft.practiceId);
  const checked = validateAnswers(draft.definition, input.answers, { partial: true, today });
  if (!checked.ok) throw answersRejected(checked.errors);
  if (input.pageId !== undefined && !draft.definition.pages.some((page) => page.id === input.pageId)) {
    throw answersRejected({ $form: [{ code: 'unknown_page' }] });
  }
  await assertDraftFiles(ctx.db, draft.practiceId, draft.id, referencedFiles(draft.definition, checked.answers));
  const answersEnc = await encryptAnswers(ctx.services, draft.practiceId, checked.answers);
  const saved = await ctx.db.intakeDraft.update({
    where: { id: draft.id },
    data: { answersEnc, pageId: input.pageId ?? draft.pageId, expiresAt: draftExpiry(ctx.services) },
    select: { id: true, updatedAt: true, expiresAt: true },
  });
  await audit(ctx, draft.practiceId, {
    action: 'intake.draft.save',
    objectType: 'IntakeDraft',
    objectId: draft.id,
    detail: { answered: Object.keys(checked.answers).length },
  });
  return { draftId: saved.id, savedAt: saved.updatedAt, expiresAt: saved.expiresAt };
}

export async function resumeDraft(ctx: WidgetContext, input: z.infer<typeof resumeDraftInput>) {
  const draft = await findDraft(ctx, input.resumeToken);
  const answers = await decryptAnswers(ctx.services, draft.practiceId, draft.answersEnc);
  const files = await ctx.db.storedFile.findMany({
    where: { practiceId: draft.practiceId, ownerType: 'intake_draft', ownerId: draft.id },
    orderBy: { createdAt: 'asc' },
    select: { id: true, fieldId: true, contentType: true, byteSize: true },
  });
  await audit(ctx, draft.practiceId, { action: 'intake.draft.resume', objectType: 'IntakeDraft', objectId: draft.id });
  return {
    draftId: draft.id,
    formKey: draft.formKey,
    formVersionId: draft.formVersionId,
    version: draft.version,
    definition: draft.definition,
    answers,
    pageId: draft.pageId,
    expiresAt: draft.expiresAt,
    files,
  };
}
