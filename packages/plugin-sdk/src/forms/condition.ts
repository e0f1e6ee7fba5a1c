/** Comparison operators a {@link FieldCondition} may use. */
export const CONDITION_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'includes',
  'not_includes',
  'answered',
  'not_answered',
] as const;

/** One of {@link CONDITION_OPERATORS}. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A literal compared against an answer: an option value, number, ISO date or yes/no. */
export type ConditionValue = string | number | boolean;

/**
 * Compares one field's answer with a literal.
 *
 * `row` narrows a Likert field to one of its rows (e.g. PHQ-9 item 9).
 * `answered` / `not_answered` take no `value`. Comparisons against an
 * unanswered (or hidden) field are false, except `neq`, `not_includes` and
 * `not_answered`, which are the negations of `eq`, `includes` and `answered`.
 */
export interface FieldCondition {
  readonly field: string;
  readonly row?: string;
  readonly op: ConditionOperator;
  readonly value?: ConditionValue;
}

/** True when every nested condition is true (an empty list is true). */
export interface AllCondition {
  readonly all: readonly Condition[];
}

/** True when at least one nested condition is true (an empty list is false). */
export interface AnyCondition {
  readonly any: readonly Condition[];
}

/** True when the nested condition is false. */
export interface NotCondition {
  readonly not: Condition;
}

/** A `visibleWhen` / `requiredWhen` rule of a form item. */
export type Condition = FieldCondition | AllCondition | AnyCondition | NotCondition;

/** Calls `visit` for every {@link FieldCondition} inside `condition`. */
export function forEachFieldCondition(
  condition: Condition,
  visit: (leaf: FieldCondition) => void,
): void {
  if ('all' in condition) condition.all.forEach((c) => forEachFieldCondition(c, visit));
  else if ('any' in condition) condition.any.forEach((c) => forEachFieldCondition(c, visit));
  else if ('not' in condition) forEachFieldCondition(condition.not, visit);
  else visit(condition);
}
