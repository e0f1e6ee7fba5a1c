import type { FieldErrorCode } from '@therapycrm/plugin-sdk/forms';

/**
 * English, the fallback catalogue. Keys are typed: every other catalogue
 * must have exactly these keys, and every field-error code of the plugin
 * SDK must have an `error.<code>` message (checked by `satisfies`).
 * Parameters are written `{name}`.
 */
export const en = {
  'error.required': 'This field is required.',
  'error.wrong_type': 'This answer is not valid.',
  'error.unknown_field': 'This answer is not valid.',
  'error.too_short': 'Enter at least {minLength} characters.',
  'error.too_long': 'Enter no more than {maxLength} characters.',
  'error.pattern': 'Use the format shown.',
  'error.min': 'Enter {min} or more.',
  'error.max': 'Enter {max} or less.',
  'error.not_integer': 'Enter a whole number.',
  'error.invalid_email': 'Enter an e-mail address like name@example.com.',
  'error.invalid_phone': 'Enter a phone number with 7 to 15 digits.',
  'error.invalid_date': 'Enter a real date.',
  'error.too_early': 'Enter a date on or after {minDate}.',
  'error.too_late': 'Enter a date on or before {maxDate}.',
  'error.invalid_option': 'Choose one of the options.',
  'error.duplicate_option': 'Choose each option only once.',
  'error.exclusive_option': 'This option cannot be combined with others.',
  'error.too_few_selected': 'Choose at least {minSelected}.',
  'error.too_many_selected': 'Choose no more than {maxSelected}.',
  'error.invalid_row': 'This answer is not valid.',
  'error.invalid_country': 'Choose a country from the list.',
  'error.invalid_signature': 'Sign again, please.',
  'error.too_large': 'The file must be {maxBytes} or smaller.',
  'error.invalid_file_id': 'Upload the file again, please.',
  'error.invalid_file_type': 'Choose a file of type {accept}.',
  'error.too_many_files': 'Choose no more than {maxFiles} files.',
  'error.duplicate_file': 'This file was already added.',
  'error.unknown_page': 'This page is not part of the form.',
  'error.part': '{part}: {message}',
  'field.required': 'required',
  'choice.placeholder': 'Choose…',
  'choice.yes': 'Yes',
  'choice.no': 'No',
  'address.line1': 'Street address',
  'address.line2': 'Apartment, suite, etc. (optional)',
  'address.city': 'City',
  'address.region': 'State / province',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
  'signature.draw': 'Draw',
  'signature.type': 'Type',
  'signature.mode': 'How to sign',
  'signature.pad':
    'Signature pad. Draw with a mouse, finger or pen, or choose Type to sign with the keyboard.',
  'signature.typedName': 'Type your full name to sign',
  'signature.clear': 'Clear signature',
  'signature.signed': 'Signed',
  'file.remove': 'Remove {name}',
  'file.selected': '{name}, {size}',
  'practice.error': 'This form cannot load right now. Please try again later.',
} as const satisfies Record<`error.${FieldErrorCode}`, string> & Record<string, string>;

/** A message key. */
export type MessageKey = keyof typeof en;

/** A complete message catalogue for one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
