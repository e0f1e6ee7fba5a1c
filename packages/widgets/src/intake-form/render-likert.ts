// The likert question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../likert/define.js';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

export const template: FieldTemplate = (field, view, l, common): TemplateResult => {
  const raw = view.raw;
  switch (field.type) {
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
  }
  throw new TypeError(field.type);
};
