// Stored answers (a resumed draft, prefill) back into field values and
// uploads. Loaded by load-intake.ts only when there is something to restore.
import {
  formFields,
  type AddressAnswer,
  type FormDefinition,
  type FormField,
} from '@therapycrm/plugin-sdk/forms';
import type { FieldValue } from './answer-codec.js';
import type { UploadedFile } from './render-item.js';

export interface Restored {
  readonly raw: Map<string, FieldValue | File | null>;
  readonly uploads: Map<string, UploadedFile[]>;
}

export function restore(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  files: readonly UploadedFile[],
): Restored {
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

/** The field element's value for a stored answer (resume, prefill). */
export function fieldFromAnswer(field: FormField, answer: unknown): FieldValue | undefined {
  if (answer === undefined || answer === null) return undefined;
  switch (field.type) {
    case 'multi_choice':
      return Array.isArray(answer) ? answer.map(String) : undefined;
    case 'yes_no':
      return answer === true ? 'yes' : answer === false ? 'no' : undefined;
    case 'likert':
      return typeof answer === 'object'
        ? Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, String(v)]))
        : undefined;
    case 'address': {
      if (typeof answer !== 'object') return undefined;
      const a = answer as Partial<AddressAnswer>;
      return {
        line1: a.line1 ?? '',
        line2: a.line2 ?? '',
        city: a.city ?? '',
        region: a.region ?? '',
        postalCode: a.postalCode ?? '',
        country: a.country ?? field.countries?.[0] ?? 'US',
      };
    }
    case 'signature':
    case 'file_upload':
      return undefined;
    default:
      return String(answer);
  }
}
