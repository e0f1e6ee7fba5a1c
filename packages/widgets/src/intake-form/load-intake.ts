// Loading what the form shows: a resumed draft when a token is given (from
// the attribute or the resume link's fragment), else the published form with
// any prefill; and turning stored answers back into field values and uploads.
import { formFields, type FormDefinition } from '@therapycrm/plugin-sdk/forms';
import type { TcrmApi } from '../api/api-client.js';
import { TcrmApiError } from '../api/api-error.js';
import { fieldFromAnswer, type FieldValue } from './answer-codec.js';
import { clearFragmentToken, tokenFromFragment } from './form-answers.js';
import type { UploadedFile } from './render-item.js';

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
        ...restore(draft.definition, draft.answers as Record<string, unknown>, draft.files),
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
    ...restore(form.definition, form.prefill as Record<string, unknown>, []),
    formKey: form.formKey,
    formVersionId: form.formVersionId,
    definition: form.definition,
    resumeToken: null,
    pageId: null,
    expired,
  };
}

function restore(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  files: readonly UploadedFile[],
) {
  const raw = new Map<string, FieldValue | File | null>();
  const uploads = new Map<string, UploadedFile[]>();
  const byId = new Map(
    files.map((f) => [f.id, { id: f.id, contentType: f.contentType, byteSize: f.byteSize }]),
  );
  for (const field of formFields(definition)) {
    const answer = answers[field.id];
    if (field.type === 'file_upload' && Array.isArray(answer)) {
      uploads.set(
        field.id,
        answer.flatMap((id) => byId.get(String(id)) ?? []),
      );
    } else if (field.type === 'signature') {
      const file =
        answer && typeof answer === 'object' && 'fileId' in answer
          ? byId.get(String(answer.fileId))
          : undefined;
      if (file) uploads.set(field.id, [file]);
    } else {
      const value = fieldFromAnswer(field, answer);
      if (value !== undefined) raw.set(field.id, value);
    }
  }
  return { raw, uploads };
}

/** Loads the on-demand field elements a definition needs before it is shown. */
export async function loadLazyFields(definition: FormDefinition): Promise<void> {
  const types = new Set(formFields(definition).map((f) => f.type));
  await Promise.all([
    types.has('signature') ? import('../signature/define.js') : undefined,
    types.has('file_upload') ? import('../file-upload/define.js') : undefined,
  ]);
}
