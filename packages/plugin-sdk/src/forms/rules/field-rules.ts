import type { FormDefinition } from '../definition.js';
import { isCountryCode, isDateBound } from '../formats.js';
import { isFormField, type ChoiceOption, type FormField } from '../items.js';
import type { PrefillKey } from '../prefill-keys.js';
import type { ReportIssue } from './definition-issue.js';
import { locatedItems } from './located-items.js';

type Path = readonly (string | number)[];

const MIME_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/;

const PREFILL_FIELD_TYPES: Readonly<Record<PrefillKey, readonly FormField['type'][]>> = {
  'client.firstName': ['text'],
  'client.lastName': ['text'],
  'client.preferredName': ['text'],
  'client.pronouns': ['text'],
  'client.email': ['email', 'text'],
  'client.phone': ['phone', 'text'],
  'client.dateOfBirth': ['date'],
  'client.address': ['address'],
};

/** Per-field consistency: bounds in order, unique options, valid patterns, MIME types, countries, prefill keys. */
export function checkFieldRules(definition: FormDefinition, report: ReportIssue): void {
  for (const { item, path } of locatedItems(definition)) {
    if (isFormField(item)) checkField(item, path, report);
  }
}

function checkField(field: FormField, path: Path, report: ReportIssue): void {
  if (
    field.prefillKey !== undefined &&
    !PREFILL_FIELD_TYPES[field.prefillKey].includes(field.type)
  ) {
    report(
      [...path, 'prefillKey'],
      'incompatible_prefill',
      `"${field.prefillKey}" cannot prefill a ${field.type} field`,
    );
  }
  switch (field.type) {
    case 'text':
    case 'long_text':
      checkOrder(field.minLength, field.maxLength, [...path, 'maxLength'], report);
      if (field.pattern !== undefined && !compiles(field.pattern)) {
        report(
          [...path, 'pattern'],
          'invalid_pattern',
          'Pattern is not a valid regular expression (u flag)',
        );
      }
      return;
    case 'number':
      checkOrder(field.min, field.max, [...path, 'max'], report);
      return;
    case 'date':
      for (const key of ['minDate', 'maxDate'] as const) {
        const bound = field[key];
        if (bound !== undefined && !isDateBound(bound))
          report([...path, key], 'invalid_date_bound', 'Use YYYY-MM-DD or "today"');
      }
      if (field.minDate !== 'today' && field.maxDate !== 'today')
        checkOrder(field.minDate, field.maxDate, [...path, 'maxDate'], report);
      return;
    case 'single_choice':
      checkOptions(field.options, [...path, 'options'], report);
      return;
    case 'multi_choice':
      checkOptions(field.options, [...path, 'options'], report);
      checkOrder(field.minSelected, field.maxSelected, [...path, 'maxSelected'], report);
      checkOrder(field.minSelected, field.options.length, [...path, 'minSelected'], report);
      return;
    case 'likert':
      checkOptions(field.scale, [...path, 'scale'], report);
      checkDistinct(
        field.rows.map((row) => row.id),
        [...path, 'rows'],
        'duplicate_id',
        report,
      );
      return;
    case 'address':
      field.countries?.forEach((code, index) => {
        if (!isCountryCode(code))
          report(
            [...path, 'countries', index],
            'invalid_country',
            'Use an upper-case ISO 3166-1 alpha-2 code',
          );
      });
      return;
    case 'file_upload':
      field.accept?.forEach((type, index) => {
        if (!MIME_PATTERN.test(type))
          report(
            [...path, 'accept', index],
            'invalid_mime_type',
            'Use a lower-case MIME type such as "application/pdf" or "image/*"',
          );
      });
      return;
    default:
      return;
  }
}

function checkOrder<T extends number | string>(
  low: T | undefined,
  high: T | undefined,
  path: Path,
  report: ReportIssue,
): void {
  if (low !== undefined && high !== undefined && low > high)
    report(path, 'invalid_bounds', 'Lower bound is above the upper bound');
}

function checkOptions(options: readonly ChoiceOption[], path: Path, report: ReportIssue): void {
  checkDistinct(
    options.map((option) => option.value),
    path,
    'duplicate_option',
    report,
  );
}

function checkDistinct(
  values: readonly (string | number)[],
  path: Path,
  reason: 'duplicate_option' | 'duplicate_id',
  report: ReportIssue,
): void {
  const seen = new Set<string | number>();
  values.forEach((value, index) => {
    if (seen.has(value)) report([...path, index], reason, `"${value}" appears twice`);
    seen.add(value);
  });
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
