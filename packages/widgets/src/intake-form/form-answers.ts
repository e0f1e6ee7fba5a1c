// The answers of the form as the definition types them, put together from
// the field elements' values and the uploads, and the subsets that are sent.
import { formFields, type FieldErrors, type FormDefinition } from '@therapycrm/plugin-sdk/forms';
import { answerFromField, type FieldValue } from './answer-codec.js';
import type { UploadedFile } from './render-item.js';

export type RawValues = ReadonlyMap<string, FieldValue | File | null>;
export type Uploads = ReadonlyMap<string, readonly UploadedFile[]>;

/**
 * Every answer, hidden ones included (so toggling a condition back restores
 * what the client typed). A drawn signature not yet uploaded is `{ dataUrl }`
 * for validation; it becomes `{ fileId }` once uploaded.
 */
export function answersOf(
  definition: FormDefinition,
  raw: RawValues,
  uploads: Uploads,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of formFields(definition)) {
    const files = uploads.get(field.id) ?? [];
    let answer: unknown;
    if (field.type === 'file_upload') answer = files.length ? files.map((f) => f.id) : undefined;
    else if (field.type === 'signature') {
      const drawn = raw.get(field.id);
      // A new stroke drops the upload (see the element), so a file here is the current signature.
      answer = files[0]
        ? { fileId: files[0].id }
        : typeof drawn === 'string' && drawn
          ? { dataUrl: drawn }
          : undefined;
    } else answer = answerFromField(field, raw.get(field.id) as FieldValue | undefined);
    if (answer !== undefined) answers[field.id] = answer;
  }
  return answers;
}

/** Id of the first page (in order) with a field named in `errors`. */
export function firstPageWithError(
  definition: FormDefinition,
  errors: FieldErrors,
): string | undefined {
  return definition.pages.find((page) => page.items.some((item) => Object.hasOwn(errors, item.id)))
    ?.id;
}

/** The resume token in the page's URL fragment (`#resume=…`), where the resume link puts it. */
export function tokenFromFragment(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('resume');
}

/**
 * Takes the token out of the address bar once read: it opens the client's
 * answers, so it should not linger in the history or a shared screen. The
 * client still has their link.
 */
export function clearFragmentToken(): void {
  if (tokenFromFragment() !== null)
    history.replaceState(history.state, '', location.pathname + location.search);
}

/** The link that reopens this draft: this page, with the token in the fragment (never sent to the site's server). */
export function resumeLink(token: string): string {
  return `${location.origin}${location.pathname}${location.search}#resume=${encodeURIComponent(token)}`;
}
