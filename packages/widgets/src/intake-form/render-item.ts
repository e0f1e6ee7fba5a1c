// One form-definition item as a template: the matching field element (with
// label, help text, rules and value), a section heading or static text.
import {
  localize,
  type FormField,
  type FormItem,
  type LocalizedText,
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

/** The common properties of every field element. */
export interface FieldCommon {
  readonly name: string;
  readonly label: string;
  readonly description: string;
}

/** The template of one field type: in its own chunk with its element (see `loadLazyFields`). */
export type FieldTemplate = (
  field: FormField,
  view: ItemView,
  l: (t: LocalizedText | undefined) => string,
  common: FieldCommon,
) => TemplateResult;

/** Templates of the field types the shown form uses, filled in by `loadLazyFields`. */
export const fieldTemplates: Partial<Record<FormField['type'], FieldTemplate>> = {};

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
  return fieldTemplates[field.type]!(field, view, l, common);
}
