// The issue end to end: a client fills the practice's intake on its website,
// resumes on a second device, uploads files, submits; a clinician reads the
// exact visible answers, decrypted, and the read is audited.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice } from '../../../test/support/fixtures.js';
import { blobFiles, publishedConditionalForm, samplePdf, signaturePng, staffCaller, widgetCaller } from './intake-test-kit.js';
import { INTAKE_SUBMITTED_JOB } from './submit.handler.js';

describe.each(['postgres', 'pglite'] as const)('intake flow on %s', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db });
  });
  afterAll(async () => {
    await app.close();
  });

  it('draft → resume elsewhere → uploads → submit → clinician reads exactly the visible answers', async () => {
    const practice = await createTestPractice(app);
    const { formId } = await publishedConditionalForm(app, practice);

    // Device 1: load, start, save the first page.
    const laptop = widgetCaller(app, practice);
    const published = await laptop.intake.getPublishedForm({ formKey: 'adult-intake' });
    expect(published.version).toBe(1);
    expect(published.definition.pages.map((p) => p.id)).toEqual(['about', 'history']);
    const { resumeToken, draftId } = await laptop.intake.startDraft({ formKey: 'adult-intake' });
    await laptop.intake.saveDraft({
      resumeToken,
      pageId: 'about',
      answers: { first_name: '  Canary-Zelda ', email: 'zelda.canary@example.test', seen_before: true, previous_therapist: 'Dr Canary-Hidden' },
    });

    // Device 2: a fresh caller with only the token continues.
    const phone = widgetCaller(app, practice);
    const resumed = await phone.intake.resumeDraft({ resumeToken });
    expect(resumed).toMatchObject({ draftId, pageId: 'about', version: 1 });
    expect(resumed.answers).toEqual({
      first_name: 'Canary-Zelda',
      email: 'zelda.canary@example.test',
      seen_before: true,
      previous_therapist: 'Dr Canary-Hidden',
    });
    expect(resumed.definition).toEqual(published.definition);

    const png = signaturePng();
    const pdf = samplePdf();
    const signature = await phone.intake.uploadFile({ resumeToken, fieldId: 'signature', data: `data:image/png;base64,${png.toString('base64')}` });
    const card = await phone.intake.uploadFile({
      resumeToken,
      fieldId: 'insurance_card',
      data: pdf.toString('base64'),
      contentType: 'application/pdf',
      fileName: 'canary-card.pdf',
    });
    expect(signature).toMatchObject({ contentType: 'image/png', byteSize: png.length });
    expect(card).toMatchObject({ contentType: 'application/pdf', byteSize: pdf.length });

    // The client changed their mind: not seen before, so the previous therapist question is hidden.
    const answers = {
      first_name: 'Canary-Zelda',
      email: 'zelda.canary@example.test',
      seen_before: false,
      previous_therapist: 'Dr Canary-Hidden',
      referral: 'doctor',
      concerns: 'Canary-concern: trouble sleeping',
      sleep_hours: 5,
      insurance_card: [card.fileId],
      signature: { fileId: signature.fileId },
    };
    const submitted = await widgetCaller(app, practice, { idempotencyKey: 'submit-key-0001' }).intake.submit({
      resumeToken,
      answers,
      client: { firstName: 'Canary-Zelda', lastName: 'Quill', email: 'zelda.canary@example.test', dateOfBirth: '1988-04-02' },
    });

    // The draft is consumed; its token no longer opens anything.
    await expect(phone.intake.resumeDraft({ resumeToken })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const clinician = await staffCaller(app, practice, 'clinician');
    const inbox = await clinician.caller.intake.submissions.list();
    expect(inbox.items).toEqual([
      expect.objectContaining({ id: submitted.submissionId, status: 'new', client: expect.objectContaining({ displayName: 'Canary-Zelda Quill' }) }),
    ]);
    expect(inbox.items[0]!.form).toMatchObject({ id: formId, key: 'adult-intake', version: 1 });

    const read = await clinician.caller.intake.submissions.get({ submissionId: submitted.submissionId });
    const { previous_therapist: _hidden, ...visible } = answers;
    expect(read.answers).toEqual(visible);
    expect(read.answers).not.toHaveProperty('previous_therapist');
    expect(read.client).toMatchObject({ firstName: 'Canary-Zelda', lastName: 'Quill', isMinor: false });
    expect(read.definition).toEqual(published.definition);
    expect(read.files.map((f) => [f.id, f.fieldId, f.contentType, f.fileName]).sort()).toEqual(
      [
        [card.fileId, 'insurance_card', 'application/pdf', 'canary-card.pdf'],
        [signature.fileId, 'signature', 'image/png', null],
      ].sort(),
    );

    const readAudit = await app.services.prisma.auditEvent.findMany({
      where: { practiceId: practice.practiceId, action: 'intake.read', objectId: submitted.submissionId },
    });
    expect(readAudit).toHaveLength(1);
    expect(readAudit[0]!.actorId).toBe(clinician.userId);
    const submitAudit = await app.services.prisma.auditEvent.count({ where: { action: 'intake.submit', objectId: submitted.submissionId } });
    expect(submitAudit).toBe(1);

    const job = await app.services.prisma.job.findFirstOrThrow({ where: { name: INTAKE_SUBMITTED_JOB } });
    expect(job.payload).toEqual({ submissionId: submitted.submissionId, practiceId: practice.practiceId, formVersionId: published.formVersionId, clientId: read.client.id });

    const reviewed = await clinician.caller.intake.submissions.markReviewed({ submissionId: submitted.submissionId });
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedById: clinician.userId });

    // No plaintext PHI anywhere in the database rows or on disk.
    const prisma = app.services.prisma;
    const dump = JSON.stringify(
      await Promise.all([
        prisma.intakeSubmission.findMany(),
        prisma.intakeDraft.findMany(),
        prisma.client.findMany(),
        prisma.storedFile.findMany(),
        prisma.auditEvent.findMany(),
        prisma.job.findMany(),
        prisma.idempotencyKey.findMany(),
      ]),
      (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    );
    for (const canary of ['Canary', 'canary', 'trouble sleeping', 'Quill', '1988-04-02']) expect(dump).not.toContain(canary);
    const disk = blobFiles(app).map((file) => fs.readFileSync(file));
    expect(disk).toHaveLength(2);
    for (const blob of disk) {
      expect(blob.includes(Buffer.from('%PDF'))).toBe(false);
      expect(blob.includes(png.subarray(0, 8))).toBe(false);
    }
  });

  it('prefills from the record of a client with a verified session, and audits it', async () => {
    const practice = await createTestPractice(app, 'p');
    await publishedConditionalForm(app, practice);
    const front = await staffCaller(app, practice, 'front_desk');
    const { id: clientId } = await front.caller.clients.create({ firstName: 'Prefill', lastName: 'Person', email: 'prefill@example.test' });
    const { createClientSession } = await import('../auth/client-session.js');
    const emailHash = await app.services.cipher.blindIndex(practice.practiceId, 'prefill@example.test');
    const { token } = await createClientSession(app.services, { practiceId: practice.practiceId, emailHash, clientId });

    const anonymous = await widgetCaller(app, practice).intake.getPublishedForm({ formKey: 'adult-intake' });
    expect(anonymous.prefill).toEqual({});
    const signedIn = await widgetCaller(app, practice, { bearerToken: token }).intake.getPublishedForm({ formKey: 'adult-intake' });
    expect(signedIn.prefill).toEqual({ first_name: 'Prefill', email: 'prefill@example.test' });
    expect(await app.services.prisma.auditEvent.count({ where: { action: 'intake.prefill', objectId: clientId } })).toBe(1);

    // Submitting with that session marks the submission as identity-verified and finds the same client.
    const body = {
      formVersionId: signedIn.formVersionId,
      client: { firstName: 'Prefill', lastName: 'Person', email: 'prefill@example.test' },
      answers: { ...signedIn.prefill, seen_before: false, concerns: 'c', signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` } },
    };
    const verified = await widgetCaller(app, practice, { bearerToken: token, idempotencyKey: 'verified-00001' }).intake.submit(body);
    const unverified = await widgetCaller(app, practice, { idempotencyKey: 'unverified-0001' }).intake.submit(body);
    const { caller: clinician } = await staffCaller(app, practice, 'clinician');
    expect(await clinician.intake.submissions.get({ submissionId: verified.submissionId })).toMatchObject({ identityVerified: true, client: { id: clientId } });
    expect(await clinician.intake.submissions.get({ submissionId: unverified.submissionId })).toMatchObject({ identityVerified: false, client: { id: clientId } });
  });
});
