// Converting between what the field elements hold (strings, as inputs do)
// and the answers the form definition expects (numbers, booleans, option
// values of their original type, address objects). Signatures and files are
// not converted here: their answers are file ids returned by the upload.
import type {
  AddressAnswer,
  AnswerValue,
  ChoiceOption,
  FormField,
} from '@therapycrm/plugin-sdk/forms';
import type { AddressValue } from '../address/address.js';

/** A field element's value as it emits it. */
export type FieldValue =
  string | readonly string[] | Readonly<Record<string, string>> | AddressValue;

const optionValue = (options: readonly ChoiceOption[], raw: string) =>
  options.find((o) => String(o.value) === raw)?.value ?? raw;

/** The answer for a field element's value; undefined when unanswered. */
export function answerFromField(
  field: FormField,
  raw: FieldValue | undefined,
): AnswerValue | undefined {
  if (raw === undefined) return undefined;
  switch (field.type) {
    case 'number': {
      const text = String(raw).trim();
      if (!text) return undefined;
      const n = Number(text);
      // A non-number stays a string, so validation reports it instead of losing it.
      return (Number.isFinite(n) ? n : text) as AnswerValue;
    }
    case 'single_choice':
      return raw === '' ? undefined : optionValue(field.options, String(raw));
    case 'multi_choice': {
      const list = (raw as readonly string[]).map((v) => optionValue(field.options, v));
      return list.length ? list : undefined;
    }
    case 'yes_no':
      return raw === 'yes' ? true : raw === 'no' ? false : undefined;
    case 'likert': {
      const rows = Object.entries(raw as Record<string, string>).filter(([, v]) => v !== '');
      return rows.length
        ? Object.fromEntries(rows.map(([row, v]) => [row, optionValue(field.scale, v)]))
        : undefined;
    }
    case 'address': {
      const parts = Object.entries(raw as AddressValue).filter(([, v]) => v.trim() !== '');
      // The preselected country alone is not an answer.
      if (parts.every(([k]) => k === 'country')) return undefined;
      return Object.fromEntries(parts) as unknown as AddressAnswer;
    }
    case 'signature':
    case 'file_upload':
      return undefined;
    default:
      return String(raw) === '' ? undefined : String(raw);
  }
}
