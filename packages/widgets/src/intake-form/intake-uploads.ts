// Signatures and files become answers only as file ids returned by the
// server's upload: files upload as soon as they are chosen, drawn signatures
// when the client leaves the page (not on every stroke: a draft holds at most
// 20 files). Uploads go one per request (see intake-connection.ts).
import { formFields, type FieldError, type FormDefinition } from '@therapycrm/plugin-sdk/forms';
import { TcrmApiError } from '../api/api-error.js';
import { errorCode } from './load-intake.js';
import type { RawValues } from './form-answers.js';
import type { UploadedFile } from './render-item.js';

export interface UploadBackend {
  upload(
    fieldId: string,
    data: string,
    contentType?: string,
    fileName?: string,
  ): Promise<UploadedFile>;
  /** The uploads or their progress changed. */
  changed(): void;
  /** An upload was refused: show `error` on the field. */
  failed(fieldId: string, error: FieldError): void;
}

export class IntakeUploads {
  files = new Map<string, UploadedFile[]>();
  readonly #pending = new Map<string, Promise<boolean>>();
  /** The drawn signature last uploaded per field, so it is not uploaded twice. */
  readonly #signatureSent = new Map<string, string>();

  constructor(private readonly backend: UploadBackend) {}

  get uploading(): ReadonlySet<string> {
    return new Set(this.#pending.keys());
  }

  reset(files: Map<string, UploadedFile[]>): void {
    this.files = files;
    this.#signatureSent.clear();
  }

  addFile(fieldId: string, file: File, base64: (file: File) => Promise<string>): void {
    this.#track(fieldId, async () => {
      const stored = await this.backend.upload(fieldId, await base64(file), file.type, file.name);
      this.files.set(fieldId, [...(this.files.get(fieldId) ?? []), stored]);
    });
  }

  remove(fieldId: string, fileId?: string): void {
    const left = (this.files.get(fieldId) ?? []).filter(
      (f) => fileId !== undefined && f.id !== fileId,
    );
    if (left.length) this.files.set(fieldId, left);
    else this.files.delete(fieldId);
    this.backend.changed();
  }

  /** Uploads drawn signatures not yet sent and waits for every upload; false if one failed. */
  async settle(definition: FormDefinition, raw: RawValues): Promise<boolean> {
    for (const field of formFields(definition)) {
      const drawn = raw.get(field.id);
      if (field.type !== 'signature' || typeof drawn !== 'string' || !drawn) continue;
      if (this.#signatureSent.get(field.id) === drawn) continue;
      this.#track(field.id, async () => {
        this.files.set(field.id, [await this.backend.upload(field.id, drawn)]);
        this.#signatureSent.set(field.id, drawn);
      });
    }
    const results = await Promise.all(this.#pending.values());
    return results.every(Boolean);
  }

  #track(fieldId: string, work: () => Promise<void>): void {
    const run = work().then(
      () => true,
      (e: unknown) => (this.backend.failed(fieldId, uploadError(e)), false),
    );
    const done = run.finally(() => {
      if (this.#pending.get(fieldId) === done) this.#pending.delete(fieldId);
      this.backend.changed();
    });
    this.#pending.set(fieldId, done);
    this.backend.changed();
  }
}

/** The field error for a refused upload, with the limits the server gave. */
function uploadError(e: unknown): FieldError {
  const details = (e instanceof TcrmApiError ? e.data?.details : undefined) ?? {};
  if (errorCode(e) === 'PAYLOAD_TOO_LARGE')
    return { code: 'too_large', params: { maxBytes: Number(details['maxBytes']) || 0 } };
  if (errorCode(e) === 'UNSUPPORTED_MEDIA_TYPE') {
    return {
      code: 'invalid_file_type',
      params: { accept: (details['accept'] as string[] | undefined) ?? [] },
    };
  }
  return { code: 'invalid_file_id' };
}
