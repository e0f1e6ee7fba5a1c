// /files/:id and the upload route over real HTTP: the staff cookie of the
// same practice, the right role, audited, and served as an inert download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../test/support/fixtures.js';
import { STAFF_SESSION_COOKIE, PUBLISHABLE_KEY_HEADER } from '../trpc/context.js';
import { publishedConditionalForm, samplePdf, signaturePng, staffCaller, widgetCaller } from '../domains/intake/intake-test-kit.js';

describe('files over HTTP (postgres)', () => {
  let app: TestApp;
  let base: string;
  let practice: TestPractice;
  let resumeToken: string;
  const bigPdf = samplePdf(1_500_000); // over the 1 MB body cap of other procedures

  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres' });
    base = await app.listen();
    practice = await createTestPractice(app);
    await publishedConditionalForm(app, practice);
    ({ resumeToken } = await widgetCaller(app, practice).intake.startDraft({ formKey: 'adult-intake' }));
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (procedure: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: practice.origin, [PUBLISHABLE_KEY_HEADER]: practice.publishableKey, ...headers },
      body: JSON.stringify(body),
    });
  const download = (id: string, token?: string) => fetch(`${base}/files/${id}`, token ? { headers: { cookie: `${STAFF_SESSION_COOKIE}=${token}` } } : {});

  it('takes an upload bigger than the general body cap on the upload route only', async () => {
    const upload = await post('intake.uploadFile', { resumeToken, fieldId: 'insurance_card', data: bigPdf.toString('base64'), contentType: 'application/pdf' });
    expect(upload.status).toBe(200);
    const { result } = (await upload.json()) as { result: { data: { contentType: string; byteSize: number } } };
    expect(result.data).toMatchObject({ contentType: 'application/pdf', byteSize: bigPdf.length });

    const elsewhere = await post('intake.saveDraft', { resumeToken, answers: { concerns: 'x'.repeat(1_500_000) } });
    expect(elsewhere.status).toBe(413);
    // Batched calls never get the upload cap.
    const batched = await post('intake.uploadFile,intake.saveDraft?batch=1', { 0: { resumeToken, fieldId: 'insurance_card', data: bigPdf.toString('base64') } });
    expect(batched.status).toBe(413);
  });

  it('serves a submitted file only to an authorised clinician of the same practice, as an audited attachment', async () => {
    const uploaded = await widgetCaller(app, practice).intake.uploadFile({ resumeToken, fieldId: 'insurance_card', data: samplePdf().toString('base64') });
    const { submissionId } = await widgetCaller(app, practice, { idempotencyKey: 'files-http-0001' }).intake.submit({
      resumeToken,
      client: { firstName: 'File', lastName: 'Owner', email: 'file.owner@example.test' },
      answers: {
        first_name: 'File',
        email: 'file.owner@example.test',
        seen_before: false,
        concerns: 'Sleep',
        insurance_card: [uploaded.fileId],
        signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` },
      },
    });
    const fileId = uploaded.fileId;

    expect((await download(fileId)).status).toBe(401);
    const other = await createTestPractice(app, 'b');
    const stranger = await staffCaller(app, other, 'owner');
    expect((await download(fileId, stranger.token)).status).toBe(404);
    const frontDesk = await staffCaller(app, practice, 'front_desk');
    expect((await download(fileId, frontDesk.token)).status).toBe(403);
    expect(await app.services.prisma.auditEvent.count({ where: { action: 'access.denied', objectId: fileId, actorId: frontDesk.userId } })).toBe(1);

    const clinician = await staffCaller(app, practice, 'clinician');
    expect((await download('not-a-uuid', clinician.token)).status).toBe(404);
    const response = await download(fileId, clinician.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="file-${fileId}.pdf"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(samplePdf())).toBe(true);
    const reads = await app.services.prisma.auditEvent.findMany({ where: { action: 'file.read', objectId: fileId } });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorId: clinician.userId, detail: { ownerType: 'intake_submission', ownerId: submissionId } });

    // The upload replaced by the client (the big PDF) ended with the draft.
    expect(await app.services.prisma.storedFile.count({ where: { ownerType: 'intake_draft' } })).toBe(0);
  });

  it('refuses a draft file to every staff role: the client has not submitted it', async () => {
    const { resumeToken: token } = await widgetCaller(app, practice).intake.startDraft({ formKey: 'adult-intake' });
    const draftFile = await widgetCaller(app, practice).intake.uploadFile({ resumeToken: token, fieldId: 'insurance_card', data: samplePdf().toString('base64') });
    const owner = await staffCaller(app, practice, 'owner');
    expect((await download(draftFile.fileId, owner.token)).status).toBe(403);
  });
});
