// The address question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../address/define.js';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

export const template: FieldTemplate = (field, view, _l, common): TemplateResult => {
  const raw = view.raw;
  switch (field.type) {
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
  }
  throw new TypeError(field.type);
};
