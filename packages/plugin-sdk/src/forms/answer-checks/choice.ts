import type { ChoiceValue } from '../answers.js';
import type { FieldError } from '../field-errors.js';
import type {
  ChoiceOption,
  LikertField,
  MultiChoiceField,
  SingleChoiceField,
  YesNoField,
} from '../items.js';
import {
  isPlainObject,
  outcome,
  UNANSWERED,
  wrongType,
  type AnswerCheck,
  type AnswerCheckOptions,
} from './result.js';

function isChoiceValue(value: unknown): value is ChoiceValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function findOption(
  options: readonly ChoiceOption[],
  value: ChoiceValue,
): ChoiceOption | undefined {
  return options.find((option) => option.value === value);
}

/** Checks a `single_choice` answer: exactly one of the option values. */
export function checkSingleChoice(field: SingleChoiceField, value: unknown): AnswerCheck {
  if (!isChoiceValue(value)) return wrongType('option');
  if (value === '') return UNANSWERED;
  return outcome(value, findOption(field.options, value) ? [] : [{ code: 'invalid_option' }]);
}

/** Checks a `multi_choice` answer: distinct option values, selection bounds, exclusive options. */
export function checkMultiChoice(field: MultiChoiceField, value: unknown): AnswerCheck {
  if (!Array.isArray(value)) return wrongType('array');
  if (value.length === 0) return UNANSWERED;
  if (!value.every(isChoiceValue)) return wrongType('option');
  const errors: FieldError[] = [];
  const chosen = value.map((v) => findOption(field.options, v));
  if (chosen.includes(undefined)) errors.push({ code: 'invalid_option' });
  if (new Set(value).size !== value.length) errors.push({ code: 'duplicate_option' });
  if (value.length > 1 && chosen.some((option) => option?.exclusive === true))
    errors.push({ code: 'exclusive_option' });
  if (field.minSelected !== undefined && value.length < field.minSelected) {
    errors.push({ code: 'too_few_selected', params: { minSelected: field.minSelected } });
  }
  if (field.maxSelected !== undefined && value.length > field.maxSelected) {
    errors.push({ code: 'too_many_selected', params: { maxSelected: field.maxSelected } });
  }
  return outcome([...value], errors);
}

/** Checks a `yes_no` answer: a boolean. */
export function checkYesNo(_field: YesNoField, value: unknown): AnswerCheck {
  return typeof value === 'boolean' ? { ok: true, value } : wrongType('boolean');
}

/**
 * Checks a `likert` answer: an object of row id → scale value. Outside draft
 * mode a started matrix must be complete when the field is required; the
 * caller decides requiredness, so this reports missing rows only when asked.
 */
export function checkLikert(
  field: LikertField,
  value: unknown,
  options: AnswerCheckOptions & { readonly required: boolean },
): AnswerCheck {
  if (!isPlainObject(value)) return wrongType('object');
  const errors: FieldError[] = [];
  const cleaned: Record<string, ChoiceValue> = {};
  const rowIds = new Set(field.rows.map((row) => row.id));
  for (const [rowId, rowValue] of Object.entries(value)) {
    if (!rowIds.has(rowId))
      errors.push({ code: 'invalid_row' }); // no path: the key is the client's, not the form's
    else if (rowValue === undefined || rowValue === null || rowValue === '') continue;
    else if (!isChoiceValue(rowValue))
      errors.push({ code: 'wrong_type', path: rowId, params: { expected: 'option' } });
    else if (!findOption(field.scale, rowValue))
      errors.push({ code: 'invalid_option', path: rowId });
    else cleaned[rowId] = rowValue;
  }
  if (errors.length === 0 && Object.keys(cleaned).length === 0) return UNANSWERED;
  if (options.required && !options.partial) {
    for (const row of field.rows)
      if (!Object.hasOwn(cleaned, row.id)) errors.push({ code: 'required', path: row.id });
  }
  return outcome(cleaned, errors);
}
