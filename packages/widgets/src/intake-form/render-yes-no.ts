// The yes_no question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../yes-no/define.js';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

export const template: FieldTemplate = (field, view, _l, common): TemplateResult => {
  const raw = view.raw;
  switch (field.type) {
    case 'yes_no':
      return html`<tcrm-yes-no
        name=${common.name}
        .label=${common.label}
        .description=${common.description}
        .required=${view.required}
        .value=${raw ?? ''}
      ></tcrm-yes-no>`;
  }
  throw new TypeError(field.type);
};
