import type { FieldError } from './field-errors.js';
import type { FileUploadField } from './items.js';

/** What is known about a file before (browser) or while (server) it is stored. */
export interface UploadedFileFacts {
  readonly mimeType: string;
  readonly sizeBytes: number;
}

/** True when `mimeType` matches one of `accept` (`image/*` wildcards allowed); an empty list accepts all. */
export function mimeTypeAccepted(accept: readonly string[] | undefined, mimeType: string): boolean {
  if (accept === undefined || accept.length === 0) return true;
  const type = mimeType.toLowerCase().split(';')[0]?.trim() ?? '';
  return accept.some((pattern) => {
    const wanted = pattern.toLowerCase();
    return wanted.endsWith('/*') ? type.startsWith(wanted.slice(0, -1)) : type === wanted;
  });
}

/**
 * Checks one file against a `file_upload` field's `accept` list and
 * `maxBytes` — in the widget before uploading, and on the server against the
 * sniffed type and real size when storing.
 */
export function checkUploadedFile(field: FileUploadField, file: UploadedFileFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (!mimeTypeAccepted(field.accept, file.mimeType))
    errors.push({ code: 'invalid_file_type', params: { accept: field.accept ?? [] } });
  if (field.maxBytes !== undefined && file.sizeBytes > field.maxBytes)
    errors.push({ code: 'too_large', params: { maxBytes: field.maxBytes } });
  return errors;
}
