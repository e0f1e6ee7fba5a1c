// The long_text question of the intake form: the element and its
// template, one chunk loaded only for forms that use this type.
import '../textarea/define.js';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

export const template: FieldTemplate = (field, view, l, common): TemplateResult => {
  const raw = view.raw;
  switch (field.type) {
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
  }
  throw new TypeError(field.type);
};
