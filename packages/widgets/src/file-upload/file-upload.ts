import { checkUploadedFile } from '@therapycrm/plugin-sdk/forms';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { TcrmField } from '../fields/field.js';
import type { FieldValidator } from '../fields/validators.js';

// The SDK's check, the same the server runs again on the stored bytes.
const acceptable: FieldValidator<File | null, TcrmFileUpload> = {
  key: 'acceptable',
  check: (file, field) =>
    (file &&
      checkUploadedFile(
        {
          type: 'file_upload',
          id: field.name,
          label: '',
          accept: field.acceptList,
          maxBytes: field.maxBytes,
        },
        { mimeType: file.type, sizeBytes: file.size },
      )[0]) ??
    null,
};

/**
 * Chooses one file, checked before any upload: type against `accept`
 * (MIME types, `image/*` wildcards) and size against `max-bytes`. The
 * value is the `File`, submitted as such in FormData; uploading it is the
 * intake form's job. Files are never kept for the browser's form restore.
 *
 * @summary File picker with type and size checks.
 *
 * @csspart control - The native file input.
 * @csspart remove-button - Removes the chosen file.
 */
export class TcrmFileUpload extends TcrmField<File | null> {
  static override properties: PropertyDeclarations = {
    accept: {},
    maxBytes: { type: Number, attribute: 'max-bytes' },
  };

  /** Comma-separated MIME types, e.g. `application/pdf,image/*`. */
  accept = '';
  /** Largest file accepted, in bytes. */
  maxBytes: number | undefined;

  /** `accept` as a list. */
  get acceptList(): string[] {
    return this.accept
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  protected override emptyValue(): File | null {
    return null;
  }

  protected override isEmpty(value: File | null): boolean {
    return value === null;
  }

  protected override formValue(): File | null {
    return this.value;
  }

  protected override formState(): null {
    return null;
  }

  protected override get anchor(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override ownValidators() {
    return [acceptable];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A file input can only be cleared, not set: keep it in step after reset or removal.
    const input = this.anchor;
    if (input && !this.value && input.value) input.value = '';
  }

  protected override render() {
    const a = this.aria;
    const t = this.tcrm.translator;
    const file = this.value;
    return this.fieldTemplate(
      html`<input
          id="control"
          part="control"
          type="file"
          accept=${this.accept || nothing}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-invalid=${a.invalid}
          aria-describedby=${a.describedby}
          aria-errormessage=${a.errormessage}
          @change=${(e: Event) => void this.commit((e.target as HTMLInputElement).files?.[0] ?? null)}
        />${
          file
            ? html`<div class="actions">
                <span>${t.t('file.selected', { name: file.name, size: t.bytes(file.size) })}</span>
                <button
                  type="button"
                  part="remove-button"
                  ?disabled=${this.isDisabled}
                  @click=${() => void this.commit(null)}
                >
                  ${t.t('file.remove', { name: file.name })}
                </button>
              </div>`
            : nothing
        }`,
      'control',
    );
  }
}
