// A tenant's intake objects for the security suites: a published form under
// a key both practices use, a form only this practice has, a live draft and
// a submission, all made through the real procedures.
import crypto from 'node:crypto';
import { signaturePng } from '../../src/domains/intake/intake-test-kit.js';
import type { TestPractice } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** Both practices publish a form under this key: each must only ever get its own. */
export const SHARED_FORM_KEY = 'isolation-intake';

export const isolationFormDefinition = {
  version: 1,
  title: { en: 'Isolation intake' },
  pages: [
    {
      id: 'about',
      items: [
        { type: 'text', id: 'concerns', label: 'What brings you here?', required: true },
        { type: 'signature', id: 'signature', label: 'Signature' },
      ],
    },
  ],
};

export interface IntakeObjects {
  formId: string;
  versionId: string;
  /** A published form no other practice has a form for. */
  ownOnlyFormKey: string;
  ownOnlyFormId: string;
  resumeToken: string;
  draftId: string;
  submissionId: string;
  /** The submission's signature file (downloadable by owner and clinician at /files/:id). */
  fileId: string;
}

export async function buildIntakeObjects(
  app: TestApp,
  practice: TestPractice,
  staffToken: string,
  tag: string,
): Promise<IntakeObjects> {
  const staff = app.caller({ staffSessionToken: staffToken });
  const widget = (extra = {}) => app.caller({ publishableKey: practice.publishableKey, origin: practice.origin, ...extra });
  const form = (await staff.intake.forms.create({ key: SHARED_FORM_KEY, title: 'Isolation intake', definition: isolationFormDefinition })) as {
    formId: string;
    versionId: string;
  };
  await staff.intake.forms.publish({ formId: form.formId });
  const ownOnlyFormKey = `only-${tag.toLowerCase()}`;
  const ownOnly = (await staff.intake.forms.create({ key: ownOnlyFormKey, title: 'Own only', definition: isolationFormDefinition })) as {
    formId: string;
  };
  await staff.intake.forms.publish({ formId: ownOnly.formId });
  const draft = (await widget().intake.startDraft({ formKey: SHARED_FORM_KEY })) as { draftId: string; resumeToken: string };
  // A second draft carries a signature into the submission (staff may download submitted files, not drafts).
  const signed = (await widget().intake.startDraft({ formKey: SHARED_FORM_KEY })) as { resumeToken: string };
  const upload = (await widget().intake.uploadFile({
    resumeToken: signed.resumeToken,
    fieldId: 'signature',
    data: `data:image/png;base64,${signaturePng().toString('base64')}`,
  })) as { fileId: string };
  const submitted = (await widget({ idempotencyKey: crypto.randomUUID() }).intake.submit({
    resumeToken: signed.resumeToken,
    answers: { concerns: `Sleep ${tag}`, signature: { fileId: upload.fileId } },
    client: { firstName: `Ivy${tag}`, lastName: 'Intake', email: `ivy-${tag.toLowerCase()}@example.test` },
  })) as { submissionId: string };
  return {
    formId: form.formId,
    versionId: form.versionId,
    ownOnlyFormKey,
    ownOnlyFormId: ownOnly.formId,
    resumeToken: draft.resumeToken,
    draftId: draft.draftId,
    submissionId: submitted.submissionId,
    fileId: upload.fileId,
  };
}
