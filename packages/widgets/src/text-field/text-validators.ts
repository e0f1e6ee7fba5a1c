import {
  isEmailAddress,
  isIsoDate,
  isPhoneNumber,
  type FieldError,
} from '@therapycrm/plugin-sdk/forms';
import type { FieldValidator } from '../fields/validators.js';

/** What the text validators read from their field. */
export interface TextRulesHost {
  type: string;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: string | undefined;
  min: string | undefined;
  max: string | undefined;
  integer: boolean;
}

type TextValidator = FieldValidator<string, TextRulesHost>;
const length = (value: string) => [...value.trim()].length;

// The same formats as the server's answer checks (plugin SDK), so the browser
// never accepts what the server refuses.
export const textValidators: readonly TextValidator[] = [
  {
    key: 'minLength',
    check: (v, f) =>
      f.minLength !== undefined && length(v) < f.minLength
        ? { code: 'too_short', params: { minLength: f.minLength } }
        : null,
  },
  {
    key: 'maxLength',
    check: (v, f) =>
      f.maxLength !== undefined && length(v) > f.maxLength
        ? { code: 'too_long', params: { maxLength: f.maxLength } }
        : null,
  },
  {
    key: 'pattern',
    check: (v, f) => {
      if (!f.pattern) return null;
      try {
        return new RegExp(`^(?:${f.pattern})$`, 'u').test(v.trim()) ? null : { code: 'pattern' };
      } catch {
        return { code: 'pattern' };
      }
    },
  },
  {
    key: 'email',
    check: (v, f) =>
      f.type === 'email' && !isEmailAddress(v.trim()) ? { code: 'invalid_email' } : null,
  },
  {
    key: 'tel',
    check: (v, f) =>
      f.type === 'tel' && !isPhoneNumber(v.trim()) ? { code: 'invalid_phone' } : null,
  },
  { key: 'date', check: (v, f) => (f.type === 'date' ? dateError(v, f) : null) },
  { key: 'number', check: (v, f) => (f.type === 'number' ? numberError(Number(v), f) : null) },
];

function dateError(value: string, field: TextRulesHost): FieldError | null {
  if (!isIsoDate(value)) return { code: 'invalid_date' };
  if (field.min && value < field.min) return { code: 'too_early', params: { minDate: field.min } };
  if (field.max && value > field.max) return { code: 'too_late', params: { maxDate: field.max } };
  return null;
}

function numberError(value: number, field: TextRulesHost): FieldError | null {
  if (!Number.isFinite(value)) return { code: 'wrong_type', params: { expected: 'number' } };
  if (field.integer && !Number.isInteger(value)) return { code: 'not_integer' };
  if (field.min && value < Number(field.min))
    return { code: 'min', params: { min: Number(field.min) } };
  if (field.max && value > Number(field.max))
    return { code: 'max', params: { max: Number(field.max) } };
  return null;
}
