// Drafts are reached only through their resume token (the client's "link"):
// the token is never stored, only its SHA-256, and an expired draft or one of
// an archived form is treated as not found.
import { DateTime } from 'luxon';
import { notFound } from '../../errors.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { practiceToday } from '../clients/client-record.js';
import type { AppServices } from '../../services.js';
import type { WidgetContext } from './contexts.js';
import { storedDefinition } from './form-definition.js';

/** A draft lives this long after it was last saved. */
export const DRAFT_LIFETIME_MS = 30 * 24 * 3_600_000;

export function newResumeToken(): { token: string; tokenHash: string } {
  const token = newToken('tdr');
  return { token, tokenHash: hashToken(token) };
}

export function draftExpiry(services: AppServices): Date {
  return new Date(services.clock.now().getTime() + DRAFT_LIFETIME_MS);
}

export async function findDraft(ctx: WidgetContext, resumeToken: string) {
  const draft = await ctx.db.intakeDraft.findFirst({
    where: {
      resumeTokenHash: hashToken(resumeToken),
      practiceId: ctx.practice.id,
      expiresAt: { gt: ctx.services.clock.now() },
      formVersion: { form: { status: { not: 'archived' } } },
    },
    select: {
      id: true,
      practiceId: true,
      answersEnc: true,
      pageId: true,
      clientSessionId: true,
      expiresAt: true,
      formVersion: { select: { id: true, version: true, definition: true, form: { select: { id: true, key: true } } } },
    },
  });
  if (!draft) throw notFound('Draft');
  const { formVersion, ...rest } = draft;
  return {
    ...rest,
    formId: formVersion.form.id,
    formKey: formVersion.form.key,
    formVersionId: formVersion.id,
    version: formVersion.version,
    definition: storedDefinition(formVersion.definition),
  };
}

export type Draft = Awaited<ReturnType<typeof findDraft>>;

/** The practice's calendar date, for `'today'` bounds in date questions. */
export async function practiceIsoDate(services: AppServices, practiceId: string): Promise<string> {
  return isoDateOf(await practiceToday(services, practiceId));
}

export function isoDateOf(today: DateTime): string {
  return today.toISODate() ?? today.toUTC().toISODate()!;
}
