// The signature question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../signature/define.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldTemplate, ItemView } from './render-item.js';

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

export const template: FieldTemplate = (field, view, _l, common): TemplateResult => {
  switch (field.type) {
    case 'signature':
      return renderSignature(field.id, common, view, field.maxBytes);
  }
  throw new TypeError(field.type);
};
