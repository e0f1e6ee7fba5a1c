// The single_choice, multi_choice questions of the intake form: the element and its
// template, one chunk loaded only for forms that use these types.
import '../choice/define.js';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

export const template: FieldTemplate = (field, view, l, common): TemplateResult => {
  const raw = view.raw;
  switch (field.type) {
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
  }
  throw new TypeError(field.type);
};
