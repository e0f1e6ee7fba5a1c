import type { FormField } from './items.js';

/** An option value of a choice or Likert field. */
export type ChoiceValue = string | number;

/** Answer of an `address` field. `country` is an ISO 3166-1 alpha-2 code. */
export interface AddressAnswer {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode: string;
  readonly country: string;
}

/** Answer of a `signature` field: a drawn PNG as a data URL, or an uploaded file. */
export type SignatureAnswer = { readonly dataUrl: string } | { readonly fileId: string };

/** Answer of a `likert` field: the chosen scale value per row id. */
export type LikertAnswer = Readonly<Record<string, ChoiceValue>>;

/** The answer type of each field type. */
export interface AnswerByFieldType {
  text: string;
  long_text: string;
  email: string;
  phone: string;
  date: string;
  number: number;
  single_choice: ChoiceValue;
  multi_choice: readonly ChoiceValue[];
  yes_no: boolean;
  likert: LikertAnswer;
  address: AddressAnswer;
  signature: SignatureAnswer;
  file_upload: readonly string[];
}

/** The answer type of field `F`. */
export type AnswerFor<F extends FormField> = AnswerByFieldType[F['type']];

/** Any answer value. */
export type AnswerValue = AnswerByFieldType[keyof AnswerByFieldType];

/** Answers keyed by field id. */
export type FormAnswers = Readonly<Record<string, AnswerValue>>;

/**
 * True when `value` counts as an answer: not `undefined`/`null`, not a blank
 * string, not an empty array, and not an object whose values are all blank.
 */
export function isAnswered(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return Object.values(value).some(isAnsweredPart);
  return isAnsweredPart(value);
}

// One level only: answers are flat (address parts, Likert rows), and hostile
// deeply nested input must not be able to exhaust the stack.
function isAnsweredPart(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
