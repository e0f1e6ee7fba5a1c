// Who the submission is about. The server files a submission under a client
// (found by e-mail, or created); the form says which questions hold the
// client's details through their prefill keys, so the widget never guesses
// from labels.
import {
  formFields,
  type FormAnswers,
  type FormDefinition,
  type PrefillKey,
} from '@therapycrm/plugin-sdk/forms';

export interface Submitter {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  dateOfBirth?: string;
}

const PROPERTY: Partial<Record<PrefillKey, keyof Submitter>> = {
  'client.firstName': 'firstName',
  'client.lastName': 'lastName',
  'client.email': 'email',
  'client.phone': 'phone',
  'client.dateOfBirth': 'dateOfBirth',
};

// The client record's phone rule (server clients.schema.ts) is narrower than
// the form's (no dots): a phone it would refuse stays in the answers only.
const RECORD_PHONE = /^\+?[0-9 ()-]{7,20}$/;

/** The client's details from `answers` (already validated), or null without a first and last name. */
export function submitterFrom(definition: FormDefinition, answers: FormAnswers): Submitter | null {
  const found: Partial<Record<keyof Submitter, string>> = {};
  for (const field of formFields(definition)) {
    const property = field.prefillKey && PROPERTY[field.prefillKey];
    const value = answers[field.id];
    if (property && typeof value === 'string' && value.trim() && !found[property])
      found[property] = value.trim();
  }
  if (found.phone && !RECORD_PHONE.test(found.phone)) delete found.phone;
  if (!found.firstName || !found.lastName) return null;
  return { ...found, firstName: found.firstName, lastName: found.lastName };
}
