// Answer problems leave the server as field error codes from the plugin SDK
// (parameters come from the form definition, never from the client's input),
// so the widget can show them next to the right question, translated.
// Answers to ids the form does not have are reported under the form-level key
// without naming them: a made-up key is client input and may hold PHI, and no
// honest widget sends one, so there is no question to show it next to.
import { FORM_ERROR_KEY, type FieldError, type FieldErrors } from '@therapycrm/plugin-sdk';
import { DomainError } from '../../errors.js';

export function answersRejected(fieldErrors: FieldErrors): DomainError {
  const safe: Record<string, readonly FieldError[]> = {};
  let unknown = false;
  for (const [key, errors] of Object.entries(fieldErrors)) {
    if (errors?.length && errors.every((e) => e.code === 'unknown_field')) unknown = true;
    else safe[key] = errors;
  }
  if (unknown) safe[FORM_ERROR_KEY] = [...(safe[FORM_ERROR_KEY] ?? []), { code: 'unknown_field' }];
  return new DomainError('VALIDATION_FAILED', 'Some answers need attention', { fieldErrors: safe });
}
