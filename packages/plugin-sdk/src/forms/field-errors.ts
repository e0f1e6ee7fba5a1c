/**
 * Why an answer was refused. Errors carry a stable `code` and parameters
 * taken from the form definition only (never the client's input, which may
 * be PHI), so the widget can translate them and the server can log them.
 * `path` names a part of a composite answer (address part, Likert row) and
 * likewise comes from the definition: keys the client made up are not echoed.
 */
export type FieldError =
  | { readonly code: 'required'; readonly path?: string }
  | {
      readonly code: 'wrong_type';
      readonly path?: string;
      readonly params: { readonly expected: ExpectedAnswerType };
    }
  | { readonly code: 'unknown_field'; readonly path?: string }
  | {
      readonly code: 'too_short';
      readonly path?: string;
      readonly params: { readonly minLength: number };
    }
  | {
      readonly code: 'too_long';
      readonly path?: string;
      readonly params: { readonly maxLength: number };
    }
  | { readonly code: 'pattern' }
  | { readonly code: 'min'; readonly params: { readonly min: number } }
  | { readonly code: 'max'; readonly params: { readonly max: number } }
  | { readonly code: 'not_integer' }
  | { readonly code: 'invalid_email' }
  | { readonly code: 'invalid_phone' }
  | { readonly code: 'invalid_date' }
  | { readonly code: 'too_early'; readonly params: { readonly minDate: string } }
  | { readonly code: 'too_late'; readonly params: { readonly maxDate: string } }
  | { readonly code: 'invalid_option'; readonly path?: string }
  | { readonly code: 'duplicate_option' }
  | { readonly code: 'exclusive_option' }
  | { readonly code: 'too_few_selected'; readonly params: { readonly minSelected: number } }
  | { readonly code: 'too_many_selected'; readonly params: { readonly maxSelected: number } }
  | { readonly code: 'invalid_row' }
  | { readonly code: 'invalid_country'; readonly path: 'country' }
  | { readonly code: 'invalid_signature' }
  | { readonly code: 'too_large'; readonly params: { readonly maxBytes: number } }
  | { readonly code: 'invalid_file_id'; readonly path?: string }
  | { readonly code: 'invalid_file_type'; readonly params: { readonly accept: readonly string[] } }
  | { readonly code: 'too_many_files'; readonly params: { readonly maxFiles: number } }
  | { readonly code: 'duplicate_file' }
  | { readonly code: 'unknown_page' };

/** The stable code of a {@link FieldError}. */
export type FieldErrorCode = FieldError['code'];

/** The JSON shape a field expected when it reports `wrong_type`. */
export type ExpectedAnswerType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'option';

/** Errors keyed by field id; form-level errors use {@link FORM_ERROR_KEY}. */
export type FieldErrors = Readonly<Record<string, readonly FieldError[]>>;

/** Key of errors about the answers as a whole (not an object, unknown page). */
export const FORM_ERROR_KEY = '$form';
