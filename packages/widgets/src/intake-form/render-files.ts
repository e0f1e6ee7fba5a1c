// The file_upload question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../file-upload/define.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldTemplate, ItemView } from './render-item.js';

function renderFiles(
  id: string,
  common: { label: string; description: string },
  view: ItemView,
  accept: readonly string[],
  maxBytes: number | undefined,
  maxFiles: number,
): TemplateResult {
  const files = view.uploaded;
  return html`${
    files.length
      ? html`<ul class="files" part="files" aria-label=${common.label}>
          ${files.map(
            (f, i) =>
              html`<li>
                <span
                  >${view.text('file.uploaded', { n: i + 1, type: f.contentType, size: view.bytes(f.byteSize) })}</span
                >
                <button type="button" part="button" @click=${() => view.removeFile(id, f.id)}>
                  ${view.text('file.remove', { n: i + 1 })}
                </button>
              </li>`,
          )}
        </ul>`
      : nothing
  }
  ${
    files.length < maxFiles
      ? html`<tcrm-file-upload
          name=${id}
          .label=${common.label}
          .description=${common.description}
          .required=${view.required && files.length === 0}
          .accept=${accept.join(',')}
          .maxBytes=${maxBytes}
          .value=${(view.raw as File | null | undefined) ?? null}
        ></tcrm-file-upload>`
      : nothing
  }
  ${view.uploading ? html`<p class="status">${view.text('uploading')}</p>` : nothing}`;
}

export const template: FieldTemplate = (field, view, _l, common): TemplateResult => {
  switch (field.type) {
    case 'file_upload':
      return renderFiles(
        field.id,
        common,
        view,
        field.accept ?? [],
        field.maxBytes,
        field.maxFiles ?? 1,
      );
  }
  throw new TypeError(field.type);
};
