import type { FieldError } from '@therapycrm/plugin-sdk/forms';

/**
 * One rule a field's value must pass. `check` returns a plugin-SDK field
 * error (translated by code) or null. Add your own with
 * `field.validators = [...field.validators, myValidator]`.
 */
export interface FieldValidator<V = unknown, F = HTMLElement> {
  /** Stable name, so a host can find or replace a rule. */
  readonly key: string;
  check(value: V, field: F): FieldError | null;
}

/** Which native validity flag an error code sets (others set `customError`). */
export const VALIDITY_FLAG: Readonly<
  Partial<Record<FieldError['code'], keyof ValidityStateFlags>>
> = {
  required: 'valueMissing',
  too_short: 'tooShort',
  too_long: 'tooLong',
  pattern: 'patternMismatch',
  invalid_email: 'typeMismatch',
  invalid_phone: 'typeMismatch',
  invalid_date: 'badInput',
  min: 'rangeUnderflow',
  max: 'rangeOverflow',
  too_early: 'rangeUnderflow',
  too_late: 'rangeOverflow',
  not_integer: 'stepMismatch',
};

/** Flags for `ElementInternals.setValidity` from a list of errors. */
export function validityFlags(errors: readonly FieldError[]): ValidityStateFlags {
  const flags: ValidityStateFlags = {};
  for (const error of errors) flags[VALIDITY_FLAG[error.code] ?? 'customError'] = true;
  return flags;
}
