// Loading what the form shows: a resumed draft when a token is given (from
// the attribute or the resume link's fragment), else the published form with
// any prefill; and turning stored answers back into field values and uploads.
import { formFields, type FormDefinition, type FormField } from '@therapycrm/plugin-sdk/forms';
import type { TcrmApi } from '../api/api-client.js';
import { TcrmApiError } from '../api/api-error.js';
import type { FieldValue } from './answer-codec.js';
import type { Restored } from './restore-answers.js';
import { clearFragmentToken, tokenFromFragment } from './form-answers.js';
import { fieldTemplates, type FieldTemplate, type UploadedFile } from './render-item.js';

/** What the element is showing. */
export type IntakePhase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly code: 'network' | 'notFound' | 'config' | 'server' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'submitted'; readonly submissionId: string };

const LOAD_ERRORS: Record<string, 'notFound' | 'network' | 'server'> = {
  NOT_FOUND: 'notFound',
  NETWORK_ERROR: 'network',
  INTERNAL: 'server',
};

/** Why loading failed, as the error state shows it (anything else: a configuration problem). */
export const loadErrorOf = (e: unknown) => LOAD_ERRORS[errorCode(e)] ?? 'config';

export interface LoadedIntake {
  readonly formKey: string;
  readonly formVersionId: string;
  readonly definition: FormDefinition;
  readonly raw: Map<string, FieldValue | File | null>;
  readonly uploads: Map<string, UploadedFile[]>;
  /** The draft's token when one was resumed. */
  readonly resumeToken: string | null;
  readonly pageId: string | null;
  /** A token was given but no draft matches it (expired, or already submitted). */
  readonly expired: boolean;
}

/** The API's stable error code, `NETWORK_ERROR` when no answer arrived. */
export const errorCode = (e: unknown): string =>
  e instanceof TcrmApiError ? e.code : 'NETWORK_ERROR';

export async function loadIntake(
  api: TcrmApi,
  formKey: string,
  token: string | null,
): Promise<LoadedIntake> {
  token ||= tokenFromFragment();
  let expired = false;
  if (token) {
    try {
      const draft = await api.intake.resumeDraft.mutate({ resumeToken: token });
      clearFragmentToken();
      return {
        ...(await restoreFrom(
          draft.definition,
          draft.answers as Record<string, unknown>,
          draft.files,
        )),
        formKey: draft.formKey,
        formVersionId: draft.formVersionId,
        definition: draft.definition,
        resumeToken: token,
        pageId: draft.pageId,
        expired,
      };
    } catch (e) {
      if (errorCode(e) !== 'NOT_FOUND') throw e;
      clearFragmentToken();
      expired = true;
    }
  }
  const form = await api.intake.getPublishedForm.query({ formKey });
  return {
    ...(await restoreFrom(form.definition, form.prefill as Record<string, unknown>, [])),
    formKey: form.formKey,
    formVersionId: form.formVersionId,
    definition: form.definition,
    resumeToken: null,
    pageId: null,
    expired,
  };
}

/**
 * Field values and uploads for stored answers (a resumed draft, prefill);
 * the converter is fetched only when there is something to restore.
 */
async function restoreFrom(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  files: readonly UploadedFile[],
): Promise<Restored> {
  if (!Object.keys(answers).length && !files.length) return { raw: new Map(), uploads: new Map() };
  return (await import('./restore-answers.js')).restore(definition, answers, files);
}

// Each field type's element and template are one chunk, fetched only when a form uses the type.
const FIELD_MODULES: Record<FormField['type'], () => Promise<{ template: FieldTemplate }>> = {
  text: () => import('./render-text.js'),
  email: () => import('./render-text.js'),
  phone: () => import('./render-text.js'),
  date: () => import('./render-text.js'),
  number: () => import('./render-text.js'),
  long_text: () => import('./render-textarea.js'),
  single_choice: () => import('./render-choice.js'),
  multi_choice: () => import('./render-choice.js'),
  yes_no: () => import('./render-yes-no.js'),
  likert: () => import('./render-likert.js'),
  address: () => import('./render-address.js'),
  signature: () => import('./render-signature.js'),
  file_upload: () => import('./render-files.js'),
};

/** Loads the field elements and templates a definition uses (and only those) before it is shown. */
export async function loadLazyFields(definition: FormDefinition): Promise<void> {
  const types = new Set(formFields(definition).map((f) => f.type));
  await Promise.all(
    [...types].map(async (type) => (fieldTemplates[type] = (await FIELD_MODULES[type]()).template)),
  );
}
