import type { Condition } from './condition.js';
import type { LocalizedText } from './localized-text.js';
import type { PrefillKey } from './prefill-keys.js';

/** Item types that collect an answer. */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'email',
  'phone',
  'date',
  'number',
  'single_choice',
  'multi_choice',
  'yes_no',
  'likert',
  'address',
  'signature',
  'file_upload',
] as const;

/** Item types that only display content. */
export const STATIC_ITEM_TYPES = ['section', 'static_text'] as const;

/** One of {@link FIELD_TYPES}. */
export type FieldType = (typeof FIELD_TYPES)[number];
/** One of {@link STATIC_ITEM_TYPES}. */
export type StaticItemType = (typeof STATIC_ITEM_TYPES)[number];

/** Properties every item has. `id` is a slug unique across the whole form. */
interface ItemBase<T extends string> {
  readonly type: T;
  readonly id: string;
  /** Shows the item only when true; answers to hidden fields are dropped. */
  readonly visibleWhen?: Condition;
}

/** Properties every answerable field has. */
export interface FieldBase<T extends FieldType> extends ItemBase<T> {
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly required?: boolean;
  /** Makes a visible field required when true (in addition to `required`). */
  readonly requiredWhen?: Condition;
  /** Client-record property used to prefill the answer. */
  readonly prefillKey?: PrefillKey;
}

/** Length and pattern rules for free-text fields. */
export interface TextRules {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A JavaScript regular expression source, tested with the `u` flag against the whole trimmed answer. */
  readonly pattern?: string;
  readonly placeholder?: LocalizedText;
}

/** A selectable option. Values are compared with `===`. */
export interface ChoiceOption {
  readonly value: string | number;
  readonly label: LocalizedText;
  /** "None of the above": cannot be combined with other selections (multi choice only). */
  readonly exclusive?: boolean;
}

/** A Likert / matrix row, answered on the field's shared scale. */
export interface LikertRow {
  readonly id: string;
  readonly label: LocalizedText;
}

/** One-line text. */
export interface TextField extends FieldBase<'text'>, TextRules {}
/** Multi-line text (history, presenting concerns…). */
export interface LongTextField extends FieldBase<'long_text'>, TextRules {}
/** An e-mail address. */
export interface EmailField extends FieldBase<'email'> {
  readonly placeholder?: LocalizedText;
}
/** A phone number (7–15 digits, `+`, spaces, dots, dashes and brackets allowed). */
export interface PhoneField extends FieldBase<'phone'> {
  readonly placeholder?: LocalizedText;
}
/** A calendar date `YYYY-MM-DD`; bounds are dates or `'today'`. */
export interface DateField extends FieldBase<'date'> {
  readonly minDate?: string;
  readonly maxDate?: string;
}
/** A finite number. */
export interface NumberField extends FieldBase<'number'> {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly unit?: LocalizedText;
}
/** Exactly one option. */
export interface SingleChoiceField extends FieldBase<'single_choice'> {
  readonly options: readonly ChoiceOption[];
  readonly display?: 'radio' | 'dropdown';
}
/** Any number of options (answer: array of option values). */
export interface MultiChoiceField extends FieldBase<'multi_choice'> {
  readonly options: readonly ChoiceOption[];
  readonly minSelected?: number;
  readonly maxSelected?: number;
}
/** Yes or no (answer: boolean). */
export type YesNoField = FieldBase<'yes_no'>;
/** A matrix: every row is answered on the same scale (answer: `{ [rowId]: scaleValue }`). */
export interface LikertField extends FieldBase<'likert'> {
  readonly rows: readonly LikertRow[];
  readonly scale: readonly ChoiceOption[];
}
/** A postal address; `countries` restricts ISO 3166-1 alpha-2 codes. */
export interface AddressField extends FieldBase<'address'> {
  readonly countries?: readonly string[];
  readonly requireRegion?: boolean;
}
/** A signature: a drawn PNG data URL or an uploaded file id. */
export interface SignatureField extends FieldBase<'signature'> {
  /** Largest decoded PNG accepted, in bytes (default {@link DEFAULT_SIGNATURE_MAX_BYTES}). */
  readonly maxBytes?: number;
}
/** Uploaded files (answer: array of file ids). */
export interface FileUploadField extends FieldBase<'file_upload'> {
  /** Accepted MIME types; `type/*` wildcards allowed. Empty or absent: any type. */
  readonly accept?: readonly string[];
  readonly maxBytes?: number;
  /** Most files accepted (default 1). */
  readonly maxFiles?: number;
}

/** A heading that starts a section of a page. */
export interface SectionItem extends ItemBase<'section'> {
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
}
/** Plain explanatory text (paragraphs split by blank lines; no HTML). */
export interface StaticTextItem extends ItemBase<'static_text'> {
  readonly text: LocalizedText;
}

/** Any item that collects an answer. */
export type FormField =
  | TextField
  | LongTextField
  | EmailField
  | PhoneField
  | DateField
  | NumberField
  | SingleChoiceField
  | MultiChoiceField
  | YesNoField
  | LikertField
  | AddressField
  | SignatureField
  | FileUploadField;

/** Any display-only item. */
export type StaticItem = SectionItem | StaticTextItem;

/** Anything placed on a page. */
export type FormItem = FormField | StaticItem;

/** Largest signature PNG accepted when a field sets no `maxBytes`. */
export const DEFAULT_SIGNATURE_MAX_BYTES = 256 * 1024;
/** Longest `text` answer accepted when a field sets no `maxLength`. */
export const DEFAULT_TEXT_MAX_LENGTH = 1_000;
/** Longest `long_text` answer accepted when a field sets no `maxLength`. */
export const DEFAULT_LONG_TEXT_MAX_LENGTH = 20_000;

const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES);

/** True when `item` collects an answer (is not a section or static text). */
export function isFormField(item: FormItem): item is FormField {
  return FIELD_TYPE_SET.has(item.type);
}
