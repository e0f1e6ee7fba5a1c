import type { Condition, ConditionOperator, FieldCondition } from '../condition.js';
import type { FormDefinition } from '../definition.js';
import { isIsoDate } from '../formats.js';
import { isFormField, type ChoiceOption, type FormField, type FormItem } from '../items.js';
import type { ReportIssue } from './definition-issue.js';
import { locatedItems } from './located-items.js';

type Path = readonly (string | number)[];

const PRESENCE: readonly ConditionOperator[] = ['answered', 'not_answered'];
const TEXT_OPS: readonly ConditionOperator[] = [
  'eq',
  'neq',
  'includes',
  'not_includes',
  ...PRESENCE,
];
const ORDERED_OPS: readonly ConditionOperator[] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  ...PRESENCE,
];

/** Operators that make sense for each field type (Likert with a `row` behaves like a single choice). */
const OPERATORS_BY_TYPE: Readonly<Record<FormField['type'], readonly ConditionOperator[]>> = {
  text: TEXT_OPS,
  long_text: TEXT_OPS,
  email: TEXT_OPS,
  phone: TEXT_OPS,
  date: ORDERED_OPS,
  number: ORDERED_OPS,
  single_choice: ORDERED_OPS,
  multi_choice: ['includes', 'not_includes', ...PRESENCE],
  yes_no: ['eq', 'neq', ...PRESENCE],
  likert: PRESENCE,
  address: PRESENCE,
  signature: PRESENCE,
  file_upload: PRESENCE,
};

/**
 * Every condition leaf names an existing field other than its own item, a
 * real Likert row, an operator that fits the field type and a value the
 * field can hold (a typo in an option value would silently never match).
 */
export function checkConditionReferences(definition: FormDefinition, report: ReportIssue): void {
  const byId = new Map<string, FormItem>(
    locatedItems(definition).map(({ item }) => [item.id, item]),
  );
  for (const { item, path } of locatedItems(definition)) {
    const conditions: [string, Condition | undefined][] = [['visibleWhen', item.visibleWhen]];
    if (isFormField(item)) conditions.push(['requiredWhen', item.requiredWhen]);
    for (const [key, condition] of conditions) {
      if (condition !== undefined)
        walk(condition, [...path, key], (leaf, leafPath) =>
          checkLeaf(leaf, leafPath, item, byId, report),
        );
    }
  }
}

function walk(
  condition: Condition,
  path: Path,
  visit: (leaf: FieldCondition, path: Path) => void,
): void {
  if ('all' in condition) condition.all.forEach((c, i) => walk(c, [...path, 'all', i], visit));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(c, [...path, 'any', i], visit));
  else if ('not' in condition) walk(condition.not, [...path, 'not'], visit);
  else visit(condition, path);
}

function checkLeaf(
  leaf: FieldCondition,
  path: Path,
  owner: FormItem,
  byId: ReadonlyMap<string, FormItem>,
  report: ReportIssue,
): void {
  const target = byId.get(leaf.field);
  if (target === undefined)
    return report(
      [...path, 'field'],
      'unknown_condition_field',
      `No field "${leaf.field}" in this form`,
    );
  if (target.id === owner.id)
    return report([...path, 'field'], 'self_reference', `"${owner.id}" cannot depend on itself`);
  if (!isFormField(target))
    return report(
      [...path, 'field'],
      'condition_on_static_item',
      `"${leaf.field}" is not a question`,
    );
  if (leaf.row !== undefined) {
    if (target.type !== 'likert' || !target.rows.some((row) => row.id === leaf.row)) {
      return report(
        [...path, 'row'],
        'unknown_condition_row',
        `"${leaf.field}" has no row "${leaf.row}"`,
      );
    }
  }
  const type = leaf.row !== undefined ? 'single_choice' : target.type;
  if (!OPERATORS_BY_TYPE[type].includes(leaf.op)) {
    return report(
      [...path, 'op'],
      'unsupported_operator',
      `Operator "${leaf.op}" does not apply to a ${target.type} field`,
    );
  }
  if (leaf.value !== undefined && !valueFits(target, leaf)) {
    report(
      [...path, 'value'],
      'invalid_condition_value',
      `This value can never match an answer of "${leaf.field}"`,
    );
  }
}

function valueFits(target: FormField, { op, value }: FieldCondition): boolean {
  const ordered = op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
  const inOptions = (options: readonly ChoiceOption[]) =>
    ordered
      ? typeof value === 'number' && options.some((o) => typeof o.value === 'number')
      : options.some((o) => o.value === value);
  switch (target.type) {
    case 'number':
      return typeof value === 'number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'yes_no':
      return typeof value === 'boolean';
    case 'single_choice':
    case 'multi_choice':
      return inOptions(target.options);
    case 'likert':
      return inOptions(target.scale);
    default:
      return typeof value === 'string';
  }
}
