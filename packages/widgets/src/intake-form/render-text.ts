// The text, email, phone, date, number questions of the intake form: the element and its
// template, one chunk loaded only for forms that use these types.
import '../text-field/define.js';
import { type PrefillKey } from '@therapycrm/plugin-sdk/forms';
import { html, type TemplateResult } from 'lit';
import type { FieldTemplate } from './render-item.js';

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

export const template: FieldTemplate = (field, view, l, common): TemplateResult => {
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
  }
  throw new TypeError(field.type);
};
