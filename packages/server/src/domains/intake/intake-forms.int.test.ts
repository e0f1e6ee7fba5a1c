// Staff form management: versions, publishing (published versions frozen,
// also in the database), archiving, definition checks, roles and tenants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice } from '../../../test/support/fixtures.js';
import { conditionalForm, domainErrorOf, signaturePng, staffCaller, widgetCaller } from './intake-test-kit.js';

describe('intake forms on postgres', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('edits the working version in place, freezes it on publish, and keeps a started draft on its version', async () => {
    const practice = await createTestPractice(app);
    const { caller } = await staffCaller(app, practice, 'owner');
    const created = await caller.intake.forms.create({ key: 'intake', title: 'Intake', definition: { ...conditionalForm, version: 99 } });
    expect(created.version).toBe(1);
    const edited = await caller.intake.forms.saveVersion({ formId: created.formId, definition: { ...conditionalForm, version: 1, title: 'Edited' } });
    expect(edited).toMatchObject({ versionId: created.versionId, version: 1 });
    await expect(widgetCaller(app, practice).intake.getPublishedForm({ formKey: 'intake' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await caller.intake.forms.publish({ formId: created.formId });
    const widget = widgetCaller(app, practice);
    const v1 = await widget.intake.getPublishedForm({ formKey: 'intake' });
    expect(v1.definition).toMatchObject({ id: 'intake', version: 1, title: 'Edited' });
    const draft = await widget.intake.startDraft({ formKey: 'intake' });

    // Version 2 drops the signature question; the draft started on version 1 still needs it.
    const withoutSignature = { ...conditionalForm, pages: [conditionalForm.pages[0]!, { ...conditionalForm.pages[1]!, items: conditionalForm.pages[1]!.items.filter((i) => i.id !== 'signature') }] };
    const v2 = await caller.intake.forms.saveVersion({ formId: created.formId, definition: { ...withoutSignature, version: 1 } });
    expect(v2.version).toBe(2);
    await caller.intake.forms.publish({ formId: created.formId });
    expect((await widget.intake.getPublishedForm({ formKey: 'intake' })).version).toBe(2);
    const answers = { first_name: 'A', email: 'a@example.test', seen_before: false, concerns: 'c' };
    const error = await domainErrorOf(
      widgetCaller(app, practice, { idempotencyKey: 'version-pin-01' }).intake.submit({ resumeToken: draft.resumeToken, answers, client: { firstName: 'A', lastName: 'B', email: 'a@example.test' } }),
    );
    expect(error.details).toEqual({ fieldErrors: { signature: [{ code: 'required' }] } });
    const ok = await widgetCaller(app, practice, { idempotencyKey: 'version-pin-02' }).intake.submit({
      resumeToken: draft.resumeToken,
      answers: { ...answers, signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` } },
      client: { firstName: 'A', lastName: 'B', email: 'a@example.test' },
    });
    const stored = await app.services.prisma.intakeSubmission.findUniqueOrThrow({ where: { id: ok.submissionId }, select: { formVersionId: true } });
    expect(stored.formVersionId).toBe(v1.formVersionId);

    // The database itself refuses to change a published version.
    await expect(
      app.services.prisma.intakeFormVersion.update({ where: { id: v1.formVersionId }, data: { definition: { tampered: true } } }),
    ).rejects.toThrow(/immutable once published/);
    const form = await caller.intake.forms.get({ formId: created.formId });
    expect(form.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(form.status).toBe('published');

    await caller.intake.forms.archive({ formId: created.formId });
    await expect(widget.intake.getPublishedForm({ formKey: 'intake' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller.intake.forms.list()).map((f) => [f.key, f.status, f.latestVersion?.version])).toEqual([['intake', 'archived', 2]]);
  });

  it('refuses invalid definitions with the SDK issue reasons, and duplicate keys', async () => {
    const practice = await createTestPractice(app);
    const { caller } = await staffCaller(app, practice, 'clinician');
    const duplicateIds = { ...conditionalForm, version: 1, pages: [{ id: 'p', items: [{ type: 'text', id: 'x', label: 'X' }, { type: 'text', id: 'x', label: 'Y' }] }] };
    const error = await domainErrorOf(caller.intake.forms.create({ key: 'bad', title: 'Bad', definition: duplicateIds }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain('definitionIssues');
    await expect(caller.intake.forms.create({ key: 'bad', title: 'Bad', definition: 'not an object' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await app.services.prisma.intakeForm.count({ where: { practiceId: practice.practiceId } })).toBe(0);

    await caller.intake.forms.create({ key: 'good', title: 'Good', definition: { ...conditionalForm, version: 1 } });
    await expect(caller.intake.forms.create({ key: 'good', title: 'Again', definition: { ...conditionalForm, version: 1 } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps form editing to owner and clinician, and forms inside their practice', async () => {
    const practice = await createTestPractice(app);
    const { caller: owner } = await staffCaller(app, practice, 'owner');
    const { formId } = await owner.intake.forms.create({ key: 'mine', title: 'Mine', definition: { ...conditionalForm, version: 1 } });
    const { caller: frontDesk } = await staffCaller(app, practice, 'front_desk');
    expect((await frontDesk.intake.forms.list()).map((f) => f.id)).toEqual([formId]);
    await expect(frontDesk.intake.forms.publish({ formId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(frontDesk.intake.forms.create({ key: 'x', title: 'X', definition: { ...conditionalForm, version: 1 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const other = await createTestPractice(app, 'b');
    const { caller: stranger } = await staffCaller(app, other, 'owner');
    for (const call of [() => stranger.intake.forms.get({ formId }), () => stranger.intake.forms.publish({ formId }), () => stranger.intake.forms.archive({ formId })]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(widgetCaller(app, other).intake.startDraft({ formKey: 'mine' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
