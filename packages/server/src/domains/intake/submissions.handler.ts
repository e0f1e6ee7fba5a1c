// The console's inbox. The list (names, form, status, dates) is open to the
// front desk, who schedules the first appointment; answers and attachments
// are clinical content, for owner and clinician only (see router.ts).
import type { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { clientRowSelect, decryptClient } from '../clients/client-record.js';
import type { StaffContext } from './contexts.js';
import { decryptAnswers } from './answers-crypto.js';
import { storedDefinition } from './form-definition.js';
import type { listSubmissionsInput, submissionIdInput } from './submissions.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Keyset pagination on (submittedAt, id) with the position inside the cursor
// itself: Prisma's `cursor` would look the row up outside our tenant filter,
// so another practice's id would page differently from an unknown one.
function encodeCursor(row: { submittedAt: Date; id: string }): string {
  return Buffer.from(`${row.submittedAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(submittedAt.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'cursor' });
  }
  return { submittedAt, id };
}

const formOfVersion = { select: { id: true, version: true, form: { select: { id: true, key: true, title: true } } } } as const;

export async function listSubmissions(ctx: StaffContext, input: z.infer<typeof listSubmissionsInput>) {
  const practiceId = ctx.staff.practiceId;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.db.intakeSubmission.findMany({
    where: {
      practiceId,
      ...(input.status && { status: input.status }),
      ...(input.formId && { formVersion: { formId: input.formId } }),
      ...(after && { OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }] }),
    },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      identityVerified: true,
      formVersion: formOfVersion,
      client: { select: { id: true, practiceId: true, firstNameEnc: true, lastNameEnc: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const items = await Promise.all(
    page.map(async (row) => ({
      id: row.id,
      status: row.status,
      submittedAt: row.submittedAt,
      reviewedAt: row.reviewedAt,
      identityVerified: row.identityVerified,
      form: { ...row.formVersion.form, version: row.formVersion.version },
      client: {
        id: row.client.id,
        displayName: `${await ctx.services.cipher.decrypt(practiceId, row.client.firstNameEnc)} ${await ctx.services.cipher.decrypt(practiceId, row.client.lastNameEnc)}`,
      },
    })),
  );
  await audit(ctx, practiceId, { action: 'intake.list', objectType: 'IntakeSubmission', detail: { submissionIds: page.map((r) => r.id) } });
  return { items, nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!) : null };
}

export async function getSubmission(ctx: StaffContext, input: z.infer<typeof submissionIdInput>) {
  const practiceId = ctx.staff.practiceId;
  const row = await ctx.db.intakeSubmission.findFirst({
    where: { id: input.submissionId, practiceId },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      reviewedById: true,
      identityVerified: true,
      score: true,
      answersEnc: true,
      formVersion: { select: { ...formOfVersion.select, definition: true } },
      client: { select: clientRowSelect },
    },
  });
  if (!row) throw notFound('Submission');
  const files = await ctx.db.storedFile.findMany({
    where: { practiceId, ownerType: 'intake_submission', ownerId: row.id },
    orderBy: { createdAt: 'asc' },
    select: { id: true, fieldId: true, contentType: true, byteSize: true, fileNameEnc: true, createdAt: true },
  });
  const client = await decryptClient(ctx.services, row.client);
  // A minor's intake is answered by the guardian: the clinician sees who that is.
  const guardianRow = client.guardianId
    ? await ctx.db.client.findFirst({ where: { id: client.guardianId, practiceId }, select: clientRowSelect })
    : null;
  const guardian = guardianRow ? await decryptClient(ctx.services, guardianRow) : null;
  const answers = await decryptAnswers(ctx.services, practiceId, row.answersEnc);
  await audit(ctx, practiceId, { action: 'intake.read', objectType: 'IntakeSubmission', objectId: row.id, detail: { clientId: client.id, guardianId: guardian?.id ?? null } });
  return {
    id: row.id,
    status: row.status,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reviewedById: row.reviewedById,
    identityVerified: row.identityVerified,
    score: row.score,
    form: row.formVersion.form,
    formVersionId: row.formVersion.id,
    version: row.formVersion.version,
    definition: storedDefinition(row.formVersion.definition),
    answers,
    client: { id: client.id, firstName: client.firstName, lastName: client.lastName, isMinor: client.isMinor, guardianId: client.guardianId },
    guardian: guardian && { id: guardian.id, firstName: guardian.firstName, lastName: guardian.lastName },
    files: await Promise.all(
      files.map(async ({ fileNameEnc, ...file }) => ({
        ...file,
        fileName: await ctx.services.cipher.decryptOptional(practiceId, fileNameEnc),
        url: `/files/${file.id}`,
      })),
    ),
  };
}

export async function markSubmissionReviewed(ctx: StaffContext, input: z.infer<typeof submissionIdInput>) {
  const practiceId = ctx.staff.practiceId;
  const now = ctx.services.clock.now();
  // Only a `new` submission changes: reviewing twice keeps the first reviewer and time.
  await ctx.db.intakeSubmission.updateMany({
    where: { id: input.submissionId, practiceId, status: 'new' },
    data: { status: 'reviewed', reviewedAt: now, reviewedById: ctx.staff.userId },
  });
  const row = await ctx.db.intakeSubmission.findFirst({
    where: { id: input.submissionId, practiceId },
    select: { id: true, status: true, reviewedAt: true, reviewedById: true },
  });
  if (!row) throw notFound('Submission');
  await audit(ctx, practiceId, { action: 'intake.review', objectType: 'IntakeSubmission', objectId: row.id });
  return row;
}
