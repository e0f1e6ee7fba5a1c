import type { AnswerValue } from '../answers.js';
import type { FieldError } from '../field-errors.js';

/** Outcome of checking one answer: the cleaned value (absent when unanswered) or errors. */
export type AnswerCheck =
  | { readonly ok: true; readonly value?: AnswerValue }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Context of a check: today's date for `'today'` bounds, and draft mode. */
export interface AnswerCheckOptions {
  readonly today: string;
  readonly partial: boolean;
}

/** The unanswered outcome. */
export const UNANSWERED: AnswerCheck = { ok: true };

/** Wraps a cleaned value, or errors when there are any. */
export function outcome(value: AnswerValue, errors: readonly FieldError[]): AnswerCheck {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** A single `wrong_type` error. */
export function wrongType(
  expected: Extract<FieldError, { code: 'wrong_type' }>['params']['expected'],
  path?: string,
): AnswerCheck {
  const error: FieldError =
    path === undefined
      ? { code: 'wrong_type', params: { expected } }
      : { code: 'wrong_type', path, params: { expected } };
  return { ok: false, errors: [error] };
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
