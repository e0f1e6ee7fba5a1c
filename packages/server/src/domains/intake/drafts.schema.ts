import { z } from 'zod';
import { formKeySchema } from './forms.schema.js';

export const resumeTokenSchema = z.string().min(20).max(200);

export const publishedFormInput = z.strictObject({ formKey: formKeySchema });
export const startDraftInput = z.strictObject({ formKey: formKeySchema });
/** `answers` is checked against the form definition by the plugin SDK in the handler. */
export const saveDraftInput = z.strictObject({
  resumeToken: resumeTokenSchema,
  answers: z.unknown(),
  pageId: z.string().max(64).optional(),
});
export const resumeDraftInput = z.strictObject({ resumeToken: resumeTokenSchema });
