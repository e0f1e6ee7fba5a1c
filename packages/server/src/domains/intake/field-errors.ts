// Answer problems leave the server as field error codes from the plugin SDK
// (parameters come from the form definition, never from the client's input),
// so the widget can show them next to the right question, translated.
import type { FieldErrors } from '@therapycrm/plugin-sdk';
import { DomainError } from '../../errors.js';

export function answersRejected(fieldErrors: FieldErrors): DomainError {
  return new DomainError('VALIDATION_FAILED', 'Some answers need attention', { fieldErrors });
}
