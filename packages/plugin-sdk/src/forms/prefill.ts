import type { FormAnswers } from './answers.js';
import { checkAnswer } from './answer-checks/check-answer.js';
import { formFields, type FormDefinition } from './definition.js';
import { localIsoDate } from './formats.js';
import type { PrefillKey } from './prefill-keys.js';

/** Known values of the client's record, keyed by prefill key. */
export type PrefillValues = Partial<Readonly<Record<PrefillKey, unknown>>>;

/**
 * Answers prefilled from the client's record for fields with a `prefillKey`.
 * A value that does not fit its field (a malformed phone, an address for a
 * text field) is skipped rather than shown as an error the client did not make.
 */
export function prefillAnswers(definition: FormDefinition, values: PrefillValues): FormAnswers {
  const answers = new Map<string, unknown>();
  const options = { today: localIsoDate(), partial: true, required: false };
  for (const field of formFields(definition)) {
    if (field.prefillKey === undefined || !Object.hasOwn(values, field.prefillKey)) continue;
    const check = checkAnswer(field, values[field.prefillKey], options);
    if (check.ok && check.value !== undefined) answers.set(field.id, check.value);
  }
  return Object.fromEntries(answers) as FormAnswers;
}
