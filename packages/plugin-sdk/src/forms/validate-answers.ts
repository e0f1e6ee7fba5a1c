import type { FormAnswers } from './answers.js';
import { checkAnswer } from './answer-checks/check-answer.js';
import { isPlainObject } from './answer-checks/result.js';
import { formItems, type FormDefinition } from './definition.js';
import { visibilityOf } from './evaluate.js';
import { FORM_ERROR_KEY, type FieldError, type FieldErrors } from './field-errors.js';
import { localIsoDate } from './formats.js';
import { isFormField, type FormField } from './items.js';
import { evaluateCondition } from './conditions-evaluate.js';

/** Options of {@link validateAnswers}. */
export interface ValidateAnswersOptions {
  /** Draft mode: skip required checks (including parts of started addresses and matrices), still type-check. */
  readonly partial?: boolean;
  /** Today's date `YYYY-MM-DD` for `'today'` date bounds; defaults to the runtime's local date. */
  readonly today?: string;
}

/** Result of {@link validateAnswers}: cleaned answers, or errors keyed by field id. */
export type AnswersValidation =
  | { readonly ok: true; readonly answers: FormAnswers }
  | { readonly ok: false; readonly errors: FieldErrors };

/**
 * Validates answers against a form definition, the same way in the browser
 * and on the server. Cleaned answers keep only visible, answered fields
 * (hiding cascades: a condition on a hidden field sees no answer), with
 * strings trimmed. Answers to unknown ids are refused with `unknown_field`.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
  options: ValidateAnswersOptions = {},
): AnswersValidation {
  return validateFields(
    definition,
    formItems(definition).filter(isFormField),
    answers,
    options,
    true,
  );
}

/**
 * Validates the fields of one page (e.g. before "Next"), using every answer
 * for conditions. Answers to other pages are neither checked nor returned.
 */
export function validatePage(
  definition: FormDefinition,
  pageId: string,
  answers: unknown,
  options: ValidateAnswersOptions = {},
): AnswersValidation {
  const page = definition.pages.find((candidate) => candidate.id === pageId);
  if (page === undefined)
    return { ok: false, errors: { [FORM_ERROR_KEY]: [{ code: 'unknown_page' }] } };
  return validateFields(definition, page.items.filter(isFormField), answers, options, false);
}

function validateFields(
  definition: FormDefinition,
  fields: readonly FormField[],
  answers: unknown,
  options: ValidateAnswersOptions,
  rejectUnknown: boolean,
): AnswersValidation {
  if (!isPlainObject(answers)) {
    return {
      ok: false,
      errors: { [FORM_ERROR_KEY]: [{ code: 'wrong_type', params: { expected: 'object' } }] },
    };
  }
  // Maps, not object literals: a hostile key such as `__proto__` must stay an ordinary key.
  const errors = new Map<string, FieldError[]>();
  const cleaned = new Map<string, unknown>();
  if (rejectUnknown) {
    const fieldIds = new Set(
      formItems(definition)
        .filter(isFormField)
        .map((field) => field.id),
    );
    for (const key of Object.keys(answers))
      if (!fieldIds.has(key)) errors.set(key, [{ code: 'unknown_field' }]);
  }
  const visible = visibilityOf(definition, answers);
  const effective = (fieldId: string) =>
    visible(fieldId) && Object.hasOwn(answers, fieldId) ? answers[fieldId] : undefined;
  const partial = options.partial === true;
  const today = options.today ?? localIsoDate();
  for (const field of fields) {
    if (!visible(field.id)) continue; // answers to hidden questions are dropped, never stored
    const required =
      !partial &&
      (field.required === true ||
        (field.requiredWhen !== undefined && evaluateCondition(field.requiredWhen, effective)));
    const check = checkAnswer(
      field,
      Object.hasOwn(answers, field.id) ? answers[field.id] : undefined,
      { today, partial, required },
    );
    if (!check.ok) errors.set(field.id, [...check.errors]);
    else if (check.value !== undefined) cleaned.set(field.id, check.value);
    else if (required) errors.set(field.id, [{ code: 'required' }]);
  }
  if (errors.size > 0) return { ok: false, errors: Object.fromEntries(errors) };
  return { ok: true, answers: Object.fromEntries(cleaned) as FormAnswers };
}
