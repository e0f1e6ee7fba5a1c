import type { FieldError } from '../field-errors.js';
import {
  characterCount,
  isEmailAddress,
  isIsoDate,
  isPhoneNumber,
  resolveDateBound,
} from '../formats.js';
import {
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
  type DateField,
  type EmailField,
  type LongTextField,
  type NumberField,
  type PhoneField,
  type TextField,
} from '../items.js';
import {
  outcome,
  UNANSWERED,
  wrongType,
  type AnswerCheck,
  type AnswerCheckOptions,
} from './result.js';

/** Checks a `text` or `long_text` answer: string, length and pattern; trims it. */
export function checkText(field: TextField | LongTextField, value: unknown): AnswerCheck {
  if (typeof value !== 'string') return wrongType('string');
  const text = value.trim();
  if (text === '') return UNANSWERED;
  const errors: FieldError[] = [];
  const length = characterCount(text);
  const maxLength =
    field.maxLength ??
    (field.type === 'text' ? DEFAULT_TEXT_MAX_LENGTH : DEFAULT_LONG_TEXT_MAX_LENGTH);
  if (field.minLength !== undefined && length < field.minLength)
    errors.push({ code: 'too_short', params: { minLength: field.minLength } });
  if (length > maxLength) errors.push({ code: 'too_long', params: { maxLength } });
  else if (field.pattern !== undefined && !wholeMatch(field.pattern, text))
    errors.push({ code: 'pattern' });
  return outcome(text, errors);
}

function wholeMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(text);
  } catch {
    return false; // an invalid pattern is refused by the schema; never accept blindly
  }
}

/** Checks an `email` answer; trims it. */
export function checkEmail(_field: EmailField, value: unknown): AnswerCheck {
  if (typeof value !== 'string') return wrongType('string');
  const email = value.trim();
  if (email === '') return UNANSWERED;
  return outcome(email, isEmailAddress(email) ? [] : [{ code: 'invalid_email' }]);
}

/** Checks a `phone` answer; trims it and keeps the client's formatting. */
export function checkPhone(_field: PhoneField, value: unknown): AnswerCheck {
  if (typeof value !== 'string') return wrongType('string');
  const phone = value.trim();
  if (phone === '') return UNANSWERED;
  return outcome(phone, isPhoneNumber(phone) ? [] : [{ code: 'invalid_phone' }]);
}

/** Checks a `date` answer (`YYYY-MM-DD`) against its bounds. */
export function checkDate(
  field: DateField,
  value: unknown,
  options: AnswerCheckOptions,
): AnswerCheck {
  if (typeof value !== 'string') return wrongType('string');
  const date = value.trim();
  if (date === '') return UNANSWERED;
  if (!isIsoDate(date)) return { ok: false, errors: [{ code: 'invalid_date' }] };
  const errors: FieldError[] = [];
  if (field.minDate !== undefined && date < resolveDateBound(field.minDate, options.today)) {
    errors.push({
      code: 'too_early',
      params: { minDate: resolveDateBound(field.minDate, options.today) },
    });
  }
  if (field.maxDate !== undefined && date > resolveDateBound(field.maxDate, options.today)) {
    errors.push({
      code: 'too_late',
      params: { maxDate: resolveDateBound(field.maxDate, options.today) },
    });
  }
  return outcome(date, errors);
}

/** Checks a `number` answer: a finite JSON number within bounds (no numeric strings). */
export function checkNumber(field: NumberField, value: unknown): AnswerCheck {
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('number');
  const errors: FieldError[] = [];
  if (field.integer === true && !Number.isInteger(value)) errors.push({ code: 'not_integer' });
  if (field.min !== undefined && value < field.min)
    errors.push({ code: 'min', params: { min: field.min } });
  if (field.max !== undefined && value > field.max)
    errors.push({ code: 'max', params: { max: field.max } });
  return outcome(value, errors);
}
