import type { AddressAnswer } from '../answers.js';
import type { FieldError } from '../field-errors.js';
import { isCountryCode, isFileId, pngDataUrlBytes } from '../formats.js';
import {
  DEFAULT_SIGNATURE_MAX_BYTES,
  type AddressField,
  type FileUploadField,
  type SignatureField,
} from '../items.js';
import {
  isPlainObject,
  outcome,
  UNANSWERED,
  wrongType,
  type AnswerCheck,
  type AnswerCheckOptions,
} from './result.js';

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number];
const ADDRESS_PART_MAX_LENGTH: Readonly<Record<AddressPart, number>> = {
  line1: 200,
  line2: 200,
  city: 100,
  region: 100,
  postalCode: 16,
  country: 2,
};

/**
 * Checks an `address` answer: known string parts within length limits and a
 * valid (allowed) country. Outside draft mode, a started address must have
 * line 1, city, postal code, country (and region when the field says so).
 */
export function checkAddress(
  field: AddressField,
  value: unknown,
  options: AnswerCheckOptions,
): AnswerCheck {
  if (!isPlainObject(value)) return wrongType('object');
  const errors: FieldError[] = [];
  const cleaned: Partial<Record<AddressPart, string>> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(ADDRESS_PARTS as readonly string[]).includes(key)) {
      // Reported once, without a path: the key is the client's, not the form's.
      if (!errors.some((error) => error.code === 'unknown_field'))
        errors.push({ code: 'unknown_field' });
      continue;
    }
    const part = key as AddressPart;
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') {
      errors.push({ code: 'wrong_type', path: part, params: { expected: 'string' } });
      continue;
    }
    const text = part === 'country' ? raw.trim().toUpperCase() : raw.trim();
    if (text === '') continue;
    if (part !== 'country' && text.length > ADDRESS_PART_MAX_LENGTH[part]) {
      errors.push({
        code: 'too_long',
        path: part,
        params: { maxLength: ADDRESS_PART_MAX_LENGTH[part] },
      });
    }
    cleaned[part] = text;
  }
  if (errors.length === 0 && Object.keys(cleaned).length === 0) return UNANSWERED;
  const country = cleaned.country;
  if (
    country !== undefined &&
    (!isCountryCode(country) ||
      (field.countries !== undefined && !field.countries.includes(country)))
  ) {
    errors.push({ code: 'invalid_country', path: 'country' });
  }
  if (!options.partial) {
    const needed: AddressPart[] = ['line1', 'city', 'postalCode', 'country'];
    if (field.requireRegion === true) needed.push('region');
    for (const part of needed)
      if (cleaned[part] === undefined) errors.push({ code: 'required', path: part });
  }
  return outcome(cleaned as AddressAnswer, errors);
}

/** Checks a `signature` answer: `{ dataUrl }` holding a PNG within `maxBytes`, or `{ fileId }`. */
export function checkSignature(field: SignatureField, value: unknown): AnswerCheck {
  if (!isPlainObject(value)) return wrongType('object');
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value['fileId'] === 'string') {
    return isFileId(value['fileId'])
      ? { ok: true, value: { fileId: value['fileId'] } }
      : { ok: false, errors: [{ code: 'invalid_file_id' }] };
  }
  if (keys.length === 1 && typeof value['dataUrl'] === 'string') {
    const dataUrl = value['dataUrl'];
    const maxBytes = field.maxBytes ?? DEFAULT_SIGNATURE_MAX_BYTES;
    // Size first, from the length alone, so an oversized payload is never scanned.
    if ((dataUrl.length * 3) / 4 > maxBytes + 64)
      return { ok: false, errors: [{ code: 'too_large', params: { maxBytes } }] };
    const bytes = pngDataUrlBytes(dataUrl);
    if (bytes === undefined) return { ok: false, errors: [{ code: 'invalid_signature' }] };
    return outcome(
      { dataUrl },
      bytes > maxBytes ? [{ code: 'too_large', params: { maxBytes } }] : [],
    );
  }
  return keys.length === 0 ? UNANSWERED : { ok: false, errors: [{ code: 'invalid_signature' }] };
}

/** Checks a `file_upload` answer: distinct file ids, at most `maxFiles` (default 1). */
export function checkFileUpload(field: FileUploadField, value: unknown): AnswerCheck {
  if (!Array.isArray(value)) return wrongType('array');
  if (value.length === 0) return UNANSWERED;
  if (!value.every((id): id is string => typeof id === 'string')) return wrongType('array');
  const errors: FieldError[] = [];
  if (!value.every(isFileId)) errors.push({ code: 'invalid_file_id' });
  if (new Set(value).size !== value.length) errors.push({ code: 'duplicate_file' });
  const maxFiles = field.maxFiles ?? 1;
  if (value.length > maxFiles) errors.push({ code: 'too_many_files', params: { maxFiles } });
  return outcome([...value], errors);
}
