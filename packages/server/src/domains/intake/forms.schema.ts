import { z } from 'zod';

/** The key widgets use to load a form: a URL-safe slug. */
export const formKeySchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes');

const title = z.string().trim().min(1).max(200);

/** Checked in full by the plugin SDK schema in the handler (its issues come back as `definitionIssues`). */
const definition = z.unknown();

export const createFormInput = z.strictObject({ key: formKeySchema, title, definition });
export const saveFormVersionInput = z.strictObject({ formId: z.uuid(), definition, title: title.optional() });
export const publishFormInput = z.strictObject({ formId: z.uuid(), versionId: z.uuid().optional() });
export const formIdInput = z.strictObject({ formId: z.uuid() });
