import type { FormField } from '../items.js';
import { checkLikert, checkMultiChoice, checkSingleChoice, checkYesNo } from './choice.js';
import { checkAddress, checkFileUpload, checkSignature } from './composite.js';
import { UNANSWERED, type AnswerCheck, type AnswerCheckOptions } from './result.js';
import { checkDate, checkEmail, checkNumber, checkPhone, checkText } from './text.js';

/**
 * Type-checks and cleans one answer for `field`. `null`/`undefined` and blank
 * values are unanswered (`{ ok: true }` without a value); requiredness is the
 * caller's concern, except for the parts of a started Likert matrix or address.
 */
export function checkAnswer(
  field: FormField,
  value: unknown,
  options: AnswerCheckOptions & { readonly required: boolean },
): AnswerCheck {
  if (value === undefined || value === null) return UNANSWERED;
  switch (field.type) {
    case 'text':
    case 'long_text':
      return checkText(field, value);
    case 'email':
      return checkEmail(field, value);
    case 'phone':
      return checkPhone(field, value);
    case 'date':
      return checkDate(field, value, options);
    case 'number':
      return checkNumber(field, value);
    case 'single_choice':
      return checkSingleChoice(field, value);
    case 'multi_choice':
      return checkMultiChoice(field, value);
    case 'yes_no':
      return checkYesNo(field, value);
    case 'likert':
      return checkLikert(field, value, options);
    case 'address':
      return checkAddress(field, value, options);
    case 'signature':
      return checkSignature(field, value);
    case 'file_upload':
      return checkFileUpload(field, value);
  }
}
