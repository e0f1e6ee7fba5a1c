// Catalogue entries for intake forms, drafts, uploads and submissions (see ../procedure-catalogue.ts).
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { signaturePng } from '../../../src/domains/intake/intake-test-kit.js';
import { isolationFormDefinition, SHARED_FORM_KEY } from '../intake-world.js';
import type { ProcedureCase } from './types.js';
import { UNKNOWN_ID } from './helpers.js';

const frontDesk = { kind: 'staff', role: 'front_desk' } as const;
const clinician = { kind: 'staff', role: 'clinician' } as const;
const widget = { kind: 'public' } as const;
const signature = () => `data:image/png;base64,${signaturePng().toString('base64')}`;
const submitter = () => ({ firstName: 'Iris', lastName: 'Intake', email: `iris-${crypto.randomBytes(4).toString('hex')}@example.test` });

export const intakeCatalogue: Record<string, ProcedureCase> = {
  'intake.forms.list': {
    principal: frontDesk,
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "lists A's forms only (B uses the same key)",
        check: (r, w) => expect(JSON.stringify(r)).toContain(w.a.intake.formId),
      },
    ],
  },
  'intake.forms.get': {
    principal: frontDesk,
    validInput: (w) => ({ formId: w.a.intake.formId }),
    isolation: [{ kind: 'foreign', name: "B's form", input: (w) => ({ formId: w.b.intake.formId }), expect: 'NOT_FOUND' }],
  },
  'intake.forms.create': {
    principal: clinician,
    validInput: () => ({ key: `fuzz-${crypto.randomBytes(4).toString('hex')}`, title: 'Fuzz form', definition: isolationFormDefinition }),
    isolation: [
      {
        kind: 'scoped',
        name: "a key only B uses is free in A and the form is A's",
        input: (w) => ({ key: w.b.intake.ownOnlyFormKey, title: 'Same key as B', definition: isolationFormDefinition }),
        check: async (r, w, app) => {
          const row = await app.services.prisma.intakeForm.findUniqueOrThrow({ where: { id: (r as { formId: string }).formId }, select: { practiceId: true } });
          expect(row.practiceId).toBe(w.a.practice.practiceId);
        },
      },
    ],
  },
  'intake.forms.saveVersion': {
    principal: clinician,
    validInput: (w) => ({ formId: w.a.intake.ownOnlyFormId, definition: isolationFormDefinition }),
    isolation: [
      { kind: 'foreign', name: "B's form", input: (w) => ({ formId: w.b.intake.formId, definition: isolationFormDefinition }), expect: 'NOT_FOUND' },
    ],
  },
  'intake.forms.publish': {
    principal: clinician,
    validInput: (w) => ({ formId: w.a.intake.formId }),
    isolation: [
      { kind: 'foreign', name: "B's form", input: (w) => ({ formId: w.b.intake.formId }), expect: 'NOT_FOUND' },
      {
        kind: 'foreign',
        name: "A's form with B's version",
        input: (w) => ({ formId: w.a.intake.formId, versionId: w.b.intake.versionId }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'intake.forms.archive': {
    principal: clinician,
    validInput: () => ({ formId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [{ kind: 'foreign', name: "B's form", input: (w) => ({ formId: w.b.intake.formId }), expect: 'NOT_FOUND' }],
  },
  'intake.getPublishedForm': {
    principal: widget,
    validInput: () => ({ formKey: SHARED_FORM_KEY }),
    isolation: [
      {
        kind: 'scoped',
        name: "the key both practices use gives A's form",
        input: () => ({ formKey: SHARED_FORM_KEY }),
        check: (r, w) => expect(r).toMatchObject({ formVersionId: w.a.intake.versionId }),
      },
      {
        kind: 'like-unknown',
        name: "a key only B has",
        input: (w) => ({ formKey: w.b.intake.ownOnlyFormKey }),
        unknown: () => ({ formKey: 'no-such-form-anywhere' }),
      },
    ],
  },
  'intake.startDraft': {
    principal: widget,
    validInput: () => ({ formKey: SHARED_FORM_KEY }),
    isolation: [
      {
        kind: 'scoped',
        name: "the shared key starts a draft of A's form",
        input: () => ({ formKey: SHARED_FORM_KEY }),
        check: (r, w) => expect(r).toMatchObject({ formVersionId: w.a.intake.versionId }),
      },
      { kind: 'foreign', name: 'a key only B has', input: (w) => ({ formKey: w.b.intake.ownOnlyFormKey }), expect: 'NOT_FOUND' },
    ],
  },
  'intake.saveDraft': {
    principal: widget,
    validInput: (w) => ({ resumeToken: w.a.intake.resumeToken, answers: { concerns: 'Sleep' } }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's resume token",
        input: (w) => ({ resumeToken: w.b.intake.resumeToken, answers: { concerns: 'Overwritten by A' } }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'intake.resumeDraft': {
    principal: widget,
    validInput: (w) => ({ resumeToken: w.a.intake.resumeToken }),
    isolation: [{ kind: 'foreign', name: "B's resume token", input: (w) => ({ resumeToken: w.b.intake.resumeToken }), expect: 'NOT_FOUND' }],
  },
  'intake.uploadFile': {
    principal: widget,
    validInput: (w) => ({ resumeToken: w.a.intake.resumeToken, fieldId: 'signature', data: signature() }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's resume token",
        input: (w) => ({ resumeToken: w.b.intake.resumeToken, fieldId: 'signature', data: signature() }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'intake.submit': {
    principal: widget,
    validInput: (w) => ({ formVersionId: w.a.intake.versionId, answers: { concerns: 'Sleep' }, client: submitter() }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's form version",
        input: (w) => ({ formVersionId: w.b.intake.versionId, answers: { concerns: 'x' }, client: submitter() }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'foreign',
        name: "B's resume token",
        input: (w) => ({ resumeToken: w.b.intake.resumeToken, answers: { concerns: 'x' }, client: submitter() }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'intake.submissions.list': {
    principal: frontDesk,
    validInput: () => ({ limit: 10 }),
    isolation: [
      {
        kind: 'scoped',
        name: "A's inbox only",
        input: () => ({ limit: 100 }),
        check: (r, w) => expect(JSON.stringify(r)).toContain(w.a.intake.submissionId),
      },
      {
        kind: 'like-unknown',
        name: "filtered by B's form",
        input: (w) => ({ formId: w.b.intake.formId }),
        unknown: () => ({ formId: UNKNOWN_ID }),
      },
    ],
  },
  'intake.submissions.get': {
    principal: clinician,
    validInput: (w) => ({ submissionId: w.a.intake.submissionId }),
    isolation: [{ kind: 'foreign', name: "B's submission", input: (w) => ({ submissionId: w.b.intake.submissionId }), expect: 'NOT_FOUND' }],
  },
  'intake.submissions.markReviewed': {
    principal: clinician,
    validInput: () => ({ submissionId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [{ kind: 'foreign', name: "B's submission", input: (w) => ({ submissionId: w.b.intake.submissionId }), expect: 'NOT_FOUND' }],
  },
};
