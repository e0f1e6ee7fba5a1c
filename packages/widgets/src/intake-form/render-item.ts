// One form-definition item as a template: the matching field element (with
// label, help text, rules and value), a section heading or static text.
import {
  localize,
  type FormField,
  type FormItem,
  type LocalizedText,
  type PrefillKey,
} from '@therapycrm/plugin-sdk/forms';
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldValue } from './answer-codec.js';

/** What an uploaded file shows (never its name: that may be PHI and stays on the server). */
export interface UploadedFile {
  readonly id: string;
  readonly contentType: string;
  readonly byteSize: number;
}

/** Everything the template of one item needs. */
export interface ItemView {
  readonly locale: string;
  readonly fallbackLocale: string;
  readonly raw: FieldValue | File | null | undefined;
  readonly required: boolean;
  /** Files already uploaded for this field (file uploads), or the saved signature. */
  readonly uploaded: readonly UploadedFile[];
  readonly uploading: boolean;
  readonly text: (
    key: 'signature.saved' | 'signature.redo' | 'file.uploaded' | 'file.remove' | 'uploading',
    params?: Record<string, string | number>,
  ) => string;
  readonly bytes: (n: number) => string;
  readonly removeFile: (fieldId: string, fileId: string) => void;
  readonly redoSignature: (fieldId: string) => void;
}

const AUTOCOMPLETE: Partial<Record<PrefillKey, string>> = {
  'client.firstName': 'given-name',
  'client.lastName': 'family-name',
  'client.preferredName': 'nickname',
  'client.email': 'email',
  'client.phone': 'tel',
  'client.dateOfBirth': 'bday',
};

const TEXT_TYPES = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  date: 'date',
  number: 'number',
} as const;

/** Today as `YYYY-MM-DD` in the browser's zone, for `'today'` date bounds. */
function dateBound(bound: string | undefined): string | undefined {
  if (bound !== 'today') return bound;
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function renderItem(item: FormItem, view: ItemView): TemplateResult {
  const l = (text: LocalizedText | undefined) =>
    text === undefined ? '' : localize(text, view.locale, view.fallbackLocale);
  if (item.type === 'section') {
    return html`<div class="section" part="section">
      <h4 part="section-title">${l(item.title)}</h4>
      ${item.description ? html`<p part="section-description">${l(item.description)}</p>` : nothing}
    </div>`;
  }
  if (item.type === 'static_text') {
    return html`<div class="static" part="static-text">
      ${l(item.text)
        .split(/\n\s*\n/)
        .map((p) => html`<p>${p}</p>`)}
    </div>`;
  }
  return html`<div class="item" part="item" data-field=${item.id}>
    ${renderField(item, view, l)}
  </div>`;
}

function renderField(
  field: FormField,
  view: ItemView,
  l: (t: LocalizedText | undefined) => string,
): TemplateResult {
  const common = { name: field.id, label: l(field.label), description: l(field.description) };
  const raw = view.raw;
  switch (field.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'date':
    case 'number': {
      const rules = field.type === 'text' ? field : undefined;
      const numeric = field.type === 'number' ? field : undefined;
      const date = field.type === 'date' ? field : undefined;
      const placeholder = 'placeholder' in field ? l(field.placeholder) : '';
      return html`<tcrm-text-field
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .type=${TEXT_TYPES[field.type]}
        .required=${view.required}
        .value=${(raw as string | undefined) ?? ''}
        .placeholder=${placeholder}
        .autocomplete=${(field.prefillKey && AUTOCOMPLETE[field.prefillKey]) || undefined}
        .minLength=${rules?.minLength}
        .maxLength=${rules?.maxLength}
        .pattern=${rules?.pattern}
        .min=${numeric?.min !== undefined ? String(numeric.min) : dateBound(date?.minDate)}
        .max=${numeric?.max !== undefined ? String(numeric.max) : dateBound(date?.maxDate)}
        .integer=${numeric?.integer ?? false}
      ></tcrm-text-field>`;
    }
    case 'long_text':
      return html`<tcrm-textarea
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .required=${view.required}
        .value=${(raw as string | undefined) ?? ''}
        .placeholder=${l(field.placeholder)}
        .minLength=${field.minLength}
        .maxLength=${field.maxLength}
        .pattern=${field.pattern}
      ></tcrm-textarea>`;
    case 'single_choice':
    case 'multi_choice': {
      const multiple = field.type === 'multi_choice';
      return html`<tcrm-choice
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .multiple=${multiple}
        .display=${field.type === 'single_choice' ? (field.display ?? 'radio') : 'radio'}
        .required=${view.required}
        .options=${field.options.map((o) => ({ value: String(o.value), label: l(o.label), ...(o.exclusive ? { exclusive: true } : {}) }))}
        .minSelected=${multiple ? field.minSelected : undefined}
        .maxSelected=${multiple ? field.maxSelected : undefined}
        .value=${raw ?? (multiple ? [] : '')}
      ></tcrm-choice>`;
    }
    case 'yes_no':
      return html`<tcrm-yes-no
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .required=${view.required}
        .value=${raw ?? ''}
      ></tcrm-yes-no>`;
    case 'likert':
      return html`<tcrm-likert
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .required=${view.required}
        .rows=${field.rows.map((r) => ({ id: r.id, label: l(r.label) }))}
        .scale=${field.scale.map((o) => ({ value: String(o.value), label: l(o.label) }))}
        .value=${raw ?? {}}
      ></tcrm-likert>`;
    case 'address':
      return html`<tcrm-address
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .required=${view.required}
        .countries=${field.countries?.length ? field.countries : ['US']}
        .requireRegion=${field.requireRegion ?? false}
        .value=${raw ?? undefined}
      ></tcrm-address>`;
    case 'signature':
      return renderSignature(field.id, common, view, field.maxBytes);
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
}

function renderSignature(
  id: string,
  common: { label: string; description: string },
  view: ItemView,
  maxBytes?: number,
): TemplateResult {
  // A signature saved earlier (resumed draft) is a file on the server; it is
  // not fetched back, only acknowledged, and can be replaced.
  if (view.uploaded.length && !view.raw) {
    return html`<div class="saved-signature" role="group" aria-labelledby="saved-${id}">
      <p id="saved-${id}"><strong>${common.label}</strong></p>
      <p>${view.text('signature.saved')}</p>
      <button type="button" part="button" @click=${() => view.redoSignature(id)}>
        ${view.text('signature.redo')}
      </button>
    </div>`;
  }
  return html`<tcrm-signature
      name=${id}
      .label=${common.label}
      .description=${common.description}
      .required=${view.required}
      .maxBytes=${maxBytes ?? 256 * 1024}
      .value=${(view.raw as string | undefined) ?? ''}
    ></tcrm-signature
    >${view.uploading ? html`<p class="status">${view.text('uploading')}</p>` : nothing}`;
}

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
