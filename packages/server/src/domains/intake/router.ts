// The intake domain's procedures. Widget procedures take the practice from
// the publishable key; console procedures from the staff session.
import { publicProcedure, router, staffProcedure } from '../../trpc/init.js';
import { archiveForm, createForm, getForm, listForms, publishForm, saveFormVersion } from './forms.handler.js';
import { createFormInput, formIdInput, publishFormInput, saveFormVersionInput } from './forms.schema.js';
import { getPublishedForm, resumeDraft, saveDraft, startDraft } from './drafts.handler.js';
import { publishedFormInput, resumeDraftInput, saveDraftInput, startDraftInput } from './drafts.schema.js';
import { uploadFile } from './upload.handler.js';
import { uploadFileInput } from './upload.schema.js';
import { submitIntake } from './submit.handler.js';
import { submitInput } from './submit.schema.js';
import { getSubmission, listSubmissions, markSubmissionReviewed } from './submissions.handler.js';
import { listSubmissionsInput, submissionIdInput } from './submissions.schema.js';

/** Form definitions are not PHI; the front desk may see which forms exist. */
const formReaders = { roles: ['owner', 'clinician', 'front_desk'] as const };
const formEditors = { roles: ['owner', 'clinician'] as const };
/** The inbox list shows client names (PHI, already visible to the front desk in clients.list), never answers. */
const inboxReaders = { roles: ['owner', 'clinician', 'front_desk'] as const, phi: true };
/** Answers and attachments are clinical content. */
const clinicalReaders = { roles: ['owner', 'clinician'] as const, phi: true };

export const intakeRouter = router({
  forms: router({
    list: staffProcedure.meta(formReaders).query(({ ctx }) => listForms(ctx)),
    get: staffProcedure.meta(formReaders).input(formIdInput).query(({ ctx, input }) => getForm(ctx, input)),
    create: staffProcedure.meta(formEditors).input(createFormInput).mutation(({ ctx, input }) => createForm(ctx, input)),
    saveVersion: staffProcedure.meta(formEditors).input(saveFormVersionInput).mutation(({ ctx, input }) => saveFormVersion(ctx, input)),
    publish: staffProcedure.meta(formEditors).input(publishFormInput).mutation(({ ctx, input }) => publishForm(ctx, input)),
    archive: staffProcedure.meta(formEditors).input(formIdInput).mutation(({ ctx, input }) => archiveForm(ctx, input)),
  }),

  getPublishedForm: publicProcedure.input(publishedFormInput).query(({ ctx, input }) => getPublishedForm(ctx, input)),
  startDraft: publicProcedure.input(startDraftInput).mutation(({ ctx, input }) => startDraft(ctx, input)),
  saveDraft: publicProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  // A mutation although it only reads: the resume token must not travel in a GET query string.
  resumeDraft: publicProcedure.input(resumeDraftInput).mutation(({ ctx, input }) => resumeDraft(ctx, input)),
  uploadFile: publicProcedure.input(uploadFileInput).mutation(({ ctx, input }) => uploadFile(ctx, input)),
  submit: publicProcedure.input(submitInput).mutation(({ ctx, input }) => submitIntake(ctx, input)),

  submissions: router({
    list: staffProcedure.meta(inboxReaders).input(listSubmissionsInput).query(({ ctx, input }) => listSubmissions(ctx, input)),
    get: staffProcedure.meta(clinicalReaders).input(submissionIdInput).query(({ ctx, input }) => getSubmission(ctx, input)),
    markReviewed: staffProcedure.meta(clinicalReaders).input(submissionIdInput).mutation(({ ctx, input }) => markSubmissionReviewed(ctx, input)),
  }),
});
