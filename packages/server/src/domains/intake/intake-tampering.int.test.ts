// Tampered or replayed submissions and uploads: each refused with a clear
// code, and NOTHING stored (row and blob counts before/after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../../test/support/fixtures.js';
import {
  domainErrorOf,
  EXE_BYTES,
  HTML_BYTES,
  intakeRowCounts,
  publishedConditionalForm,
  samplePdf,
  signaturePng,
  staffCaller,
  widgetCaller,
} from './intake-test-kit.js';

const signatureDataUrl = `data:image/png;base64,${signaturePng().toString('base64')}`;
const validAnswers = {
  first_name: 'Ada',
  email: 'ada@example.test',
  seen_before: false,
  concerns: 'Sleep',
  signature: { dataUrl: signatureDataUrl },
};
const adult = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.test', dateOfBirth: '1990-01-01' };

describe('intake tampering on postgres', () => {
  let app: TestApp;
  let practice: TestPractice;
  let formVersionId: string;
  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres' });
    practice = await createTestPractice(app);
    await publishedConditionalForm(app, practice);
    formVersionId = (await widgetCaller(app, practice).intake.getPublishedForm({ formKey: 'adult-intake' })).formVersionId;
  });
  afterAll(async () => {
    await app.close();
  });

  const submit = (key: string, body: Record<string, unknown>) =>
    widgetCaller(app, practice, { idempotencyKey: key }).intake.submit({ formVersionId, client: adult, answers: validAnswers, ...body } as never);

  async function refusedWithNothingStored(call: () => Promise<unknown>) {
    const before = await intakeRowCounts(app);
    const error = await domainErrorOf(call());
    expect(await intakeRowCounts(app)).toEqual(before);
    return error;
  }

  it.each([
    ['unknown field', { ...validAnswers, diagnosis: 'x' }, { $form: [{ code: 'unknown_field' }] }],
    ['wrong type', { ...validAnswers, seen_before: 'yes' }, { seen_before: [{ code: 'wrong_type', params: { expected: 'boolean' } }] }],
    ['missing required', { ...validAnswers, concerns: '   ' }, { concerns: [{ code: 'required' }] }],
    ['required-when shown', { ...validAnswers, referral: 'other' }, { referral_other: [{ code: 'required' }] }],
    [
      'only a hidden answer',
      { previous_therapist: 'Dr Hidden' },
      { first_name: [{ code: 'required' }], email: [{ code: 'required' }], seen_before: [{ code: 'required' }], concerns: [{ code: 'required' }], signature: [{ code: 'required' }] },
    ],
    ['signature that is not a PNG', { ...validAnswers, signature: { dataUrl: `data:image/png;base64,${HTML_BYTES.toString('base64').padEnd(Math.ceil(HTML_BYTES.toString('base64').length / 4) * 4, '=')}` } }, { signature: [{ code: 'invalid_signature' }] }],
    ['a file id that was never uploaded', { ...validAnswers, insurance_card: ['8f0e7b5c-1111-4222-8333-944455556666'] }, { insurance_card: [{ code: 'invalid_file_id' }] }],
  ])('refuses %s with field error codes and stores nothing', async (_name, answers, fieldErrors) => {
    const error = await refusedWithNothingStored(() => submit(`tamper-${_name.replace(/\W/g, '-')}`, { answers }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ fieldErrors });
  });

  it('drops a hidden answer sent alongside valid ones: stored answers do not contain it', async () => {
    const { submissionId } = await submit('hidden-dropped-1', { answers: { ...validAnswers, previous_therapist: 'Dr Hidden', referral_other: 'also hidden' } });
    const row = await app.services.prisma.intakeSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: { answersEnc: true } });
    const stored = JSON.parse(await app.services.cipher.decrypt(practice.practiceId, row.answersEnc)) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['concerns', 'email', 'first_name', 'seen_before', 'signature']);
    expect(stored['signature']).toEqual({ fileId: expect.any(String) });
  });

  it('replays the same key and body as the same submission; a different body is IDEMPOTENCY_KEY_REUSED', async () => {
    const body = { client: { ...adult, email: 'replay@example.test' } };
    const first = await submit('replay-key-0001', body);
    const before = await intakeRowCounts(app);
    const again = await submit('replay-key-0001', body);
    expect(again).toEqual(first);
    expect(await intakeRowCounts(app)).toEqual(before);
    expect(await app.services.prisma.intakeSubmission.count({ where: { idempotencyKey: 'replay-key-0001' } })).toBe(1);

    const changed = await refusedWithNothingStored(() => submit('replay-key-0001', { ...body, answers: { ...validAnswers, concerns: 'Different' } }));
    expect(changed.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('stores one submission when the same request races itself', async () => {
    const body = { client: { ...adult, email: 'race@example.test' } };
    const results = await Promise.all([submit('race-key-00001', body), submit('race-key-00001', body), submit('race-key-00001', body)]);
    expect(new Set(results.map((r) => r.submissionId)).size).toBe(1);
    expect(await app.services.prisma.intakeSubmission.count({ where: { idempotencyKey: 'race-key-00001' } })).toBe(1);
    expect(await app.services.prisma.storedFile.count({ where: { ownerId: results[0]!.submissionId } })).toBe(1);
  });

  it('requires an Idempotency-Key header', async () => {
    const error = await refusedWithNothingStored(() =>
      widgetCaller(app, practice).intake.submit({ formVersionId, client: adult, answers: validAnswers }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('needs a guardian for a minor, then links the minor to the guardian client', async () => {
    const year = app.clock.now().getUTCFullYear();
    const minor = { firstName: 'Kid', lastName: 'Lovelace', dateOfBirth: `${year - 12}-03-01` };
    const error = await refusedWithNothingStored(() => submit('minor-no-guardian', { client: minor }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'client.guardian', reason: 'required' } });

    const guardian = { firstName: 'Parent', lastName: 'Lovelace', email: 'parent@example.test' };
    const { submissionId } = await submit('minor-with-guardian', { client: { ...minor, email: 'parent@example.test', guardian } });
    const row = await app.services.prisma.intakeSubmission.findUniqueOrThrow({
      where: { id: submissionId },
      select: { client: { select: { isMinor: true, emailHash: true, guardian: { select: { id: true, isMinor: true } } } } },
    });
    expect(row.client).toMatchObject({ isMinor: true, emailHash: null, guardian: { isMinor: false } });
    // A second intake for the same child through the same guardian finds the same two records.
    const clientsBefore = await app.services.prisma.client.count();
    const second = await submit('minor-again-001', { client: { ...minor, guardian } });
    expect(await app.services.prisma.client.count()).toBe(clientsBefore);
    const again = await app.services.prisma.intakeSubmission.findUniqueOrThrow({ where: { id: second.submissionId }, select: { client: { select: { guardianId: true } } } });
    expect(again.client.guardianId).toBe(row.client.guardian!.id);
    const { caller } = await staffCaller(app, practice, 'clinician');
    expect(await caller.intake.submissions.get({ submissionId })).toMatchObject({
      client: { firstName: 'Kid', isMinor: true },
      guardian: { id: row.client.guardian!.id, firstName: 'Parent', lastName: 'Lovelace' },
    });
  });

  it("refuses another practice's form version and draft token through this practice's key", async () => {
    const other = await createTestPractice(app, 'o');
    await publishedConditionalForm(app, other);
    const theirs = widgetCaller(app, other);
    const theirVersion = (await theirs.intake.getPublishedForm({ formKey: 'adult-intake' })).formVersionId;
    const theirDraft = await theirs.intake.startDraft({ formKey: 'adult-intake' });
    const viaA = (key: string) => widgetCaller(app, practice, { idempotencyKey: key }).intake;
    for (const call of [
      () => viaA('foreign-version-1').submit({ formVersionId: theirVersion, client: adult, answers: validAnswers }),
      () => viaA('foreign-draft-001').submit({ resumeToken: theirDraft.resumeToken, client: adult, answers: validAnswers }),
      () => viaA('x').resumeDraft({ resumeToken: theirDraft.resumeToken }),
      () => viaA('x').saveDraft({ resumeToken: theirDraft.resumeToken, answers: {} }),
      () => viaA('x').uploadFile({ resumeToken: theirDraft.resumeToken, fieldId: 'insurance_card', data: samplePdf().toString('base64') }),
    ]) {
      const error = await refusedWithNothingStored(call);
      expect(error.code).toBe('NOT_FOUND');
    }
  });

  describe('uploads', () => {
    let resumeToken: string;
    beforeAll(async () => {
      ({ resumeToken } = await widgetCaller(app, practice).intake.startDraft({ formKey: 'adult-intake' }));
    });
    const upload = (input: Record<string, unknown>) =>
      widgetCaller(app, practice).intake.uploadFile({ resumeToken, fieldId: 'insurance_card', data: samplePdf().toString('base64'), ...input } as never);

    it.each([
      ['HTML named .pdf, declared application/pdf', { data: HTML_BYTES.toString('base64'), contentType: 'application/pdf', fileName: 'card.pdf' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['HTML with no declared type', { data: HTML_BYTES.toString('base64') }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an executable declared as a PDF', { data: EXE_BYTES.toString('base64'), contentType: 'application/pdf' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a real PDF declared as a PNG', { contentType: 'image/png' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a PDF to the PNG-only signature', { fieldId: 'signature' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a file over the question maxBytes', { data: samplePdf(5_000_100).toString('base64') }, 'PAYLOAD_TOO_LARGE'],
      ['broken base64', { data: 'JVBERi0xLjQ*' }, 'VALIDATION_FAILED'],
      ['a question that takes no files', { fieldId: 'concerns' }, 'VALIDATION_FAILED'],
    ])('refuses %s and stores nothing', async (_name, input, code) => {
      const error = await refusedWithNothingStored(() => upload(input));
      expect(error.code).toBe(code);
    });

    it('refuses one file answering two questions', async () => {
      const png = await widgetCaller(app, practice).intake.uploadFile({ resumeToken, fieldId: 'signature', data: signaturePng().toString('base64') });
      const error = await refusedWithNothingStored(() =>
        widgetCaller(app, practice, { idempotencyKey: 'same-file-twice' }).intake.submit({
          resumeToken,
          client: adult,
          answers: { ...validAnswers, insurance_card: [png.fileId], signature: { fileId: png.fileId } },
        }),
      );
      expect(error.details).toEqual({ fieldErrors: { insurance_card: [{ code: 'invalid_file_id' }], signature: [{ code: 'duplicate_file' }] } });
    });

    it('refuses a file of another draft in the answers', async () => {
      const other = await widgetCaller(app, practice).intake.startDraft({ formKey: 'adult-intake' });
      const foreign = await widgetCaller(app, practice).intake.uploadFile({ resumeToken: other.resumeToken, fieldId: 'insurance_card', data: samplePdf().toString('base64') });
      const error = await refusedWithNothingStored(() =>
        widgetCaller(app, practice, { idempotencyKey: 'foreign-file-01' }).intake.submit({
          resumeToken,
          client: adult,
          answers: { ...validAnswers, insurance_card: [foreign.fileId] },
        }),
      );
      expect(error.details).toEqual({ fieldErrors: { insurance_card: [{ code: 'invalid_file_id' }] } });
    });
  });

  describe('staff access', () => {
    let submissionId: string;
    beforeAll(async () => {
      ({ submissionId } = await submit('staff-access-01', { client: { ...adult, email: 'access@example.test' } }));
    });

    it("hides a submission from another practice's staff (NOT_FOUND)", async () => {
      const other = await createTestPractice(app, 'b');
      const { caller } = await staffCaller(app, other, 'owner');
      await expect(caller.intake.submissions.get({ submissionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.intake.submissions.markReviewed({ submissionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await caller.intake.submissions.list()).items).toEqual([]);
    });

    it('lets the front desk see the inbox with names but never the answers', async () => {
      const { caller } = await staffCaller(app, practice, 'front_desk');
      const list = await caller.intake.submissions.list();
      const item = list.items.find((i) => i.id === submissionId);
      expect(item).toMatchObject({ client: { displayName: 'Ada Lovelace' } });
      expect(item).not.toHaveProperty('answers');
      await expect(caller.intake.submissions.get({ submissionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      for (const role of ['biller', 'auditor'] as const) {
        const { caller: denied } = await staffCaller(app, practice, role);
        await expect(denied.intake.submissions.get({ submissionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    });

    it('pages the inbox with an opaque keyset cursor inside the practice', async () => {
      const paged = await createTestPractice(app, 'pg');
      await publishedConditionalForm(app, paged);
      const version = (await widgetCaller(app, paged).intake.getPublishedForm({ formKey: 'adult-intake' })).formVersionId;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        if (i === 2) app.clock.advance(1000);
        const r = await widgetCaller(app, paged, { idempotencyKey: `page-key-000${i}` }).intake.submit({
          formVersionId: version,
          client: { ...adult, email: `page${i}@example.test` },
          answers: validAnswers,
        });
        ids.push(r.submissionId);
      }
      const { caller } = await staffCaller(app, paged, 'clinician');
      const first = await caller.intake.submissions.list({ limit: 2 });
      expect(first.items[0]!.id).toBe(ids[2]); // newest first
      const second = await caller.intake.submissions.list({ limit: 2, cursor: first.nextCursor! });
      expect(second.nextCursor).toBeNull();
      expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual([...ids].sort());
      await expect(caller.intake.submissions.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('refuses a publishable key from a site that is not allowed', async () => {
      const call = widgetCaller(app, practice, { origin: 'https://evil.example' }).intake.getPublishedForm({ formKey: 'adult-intake' });
      await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});

describe('draft retention on postgres', () => {
  it('purges drafts 30 days after their last save, with their files, and keeps fresher ones', async () => {
    const app = await startTestApp({ db: 'postgres' });
    try {
      const practice = await createTestPractice(app);
      await publishedConditionalForm(app, practice);
      const widget = widgetCaller(app, practice);
      const stale = await widget.intake.startDraft({ formKey: 'adult-intake' });
      await widget.intake.uploadFile({ resumeToken: stale.resumeToken, fieldId: 'insurance_card', data: samplePdf().toString('base64') });
      app.clock.advance(20 * 24 * 3_600_000);
      const fresh = await widget.intake.startDraft({ formKey: 'adult-intake' });
      app.clock.advance(11 * 24 * 3_600_000);
      const before = await intakeRowCounts(app);
      const { purgeExpiredDrafts } = await import('./draft-retention.js');
      expect(await purgeExpiredDrafts(app.services)).toBe(1);
      expect(await intakeRowCounts(app)).toEqual({ ...before, drafts: before.drafts - 1, files: before.files - 1, blobs: before.blobs - 1 });
      await expect(widget.intake.resumeDraft({ resumeToken: fresh.resumeToken })).resolves.toMatchObject({ draftId: fresh.draftId });
      await expect(widget.intake.resumeDraft({ resumeToken: stale.resumeToken })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await app.services.prisma.auditEvent.count({ where: { practiceId: practice.practiceId, action: 'intake.draft.purge' } })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
