import { isAnswered } from './answers.js';
import type { Condition, ConditionValue, FieldCondition } from './condition.js';

/** Reads the answer a condition refers to; `undefined` when absent or hidden. */
export type AnswerLookup = (fieldId: string) => unknown;

/** Returns a lookup over a plain answers object, ignoring inherited properties. */
export function lookupIn(answers: Readonly<Record<string, unknown>>): AnswerLookup {
  return (fieldId) => (Object.hasOwn(answers, fieldId) ? answers[fieldId] : undefined);
}

/**
 * Evaluates `condition` against answers. Pure and total: malformed answers
 * make comparisons false instead of throwing.
 */
export function evaluateCondition(
  condition: Condition,
  answers: Readonly<Record<string, unknown>> | AnswerLookup,
): boolean {
  const lookup = typeof answers === 'function' ? answers : lookupIn(answers);
  return evaluate(condition, lookup);
}

function evaluate(condition: Condition, lookup: AnswerLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, lookup));
  if ('not' in condition) return !evaluate(condition.not, lookup);
  return compare(condition, answerOf(condition, lookup));
}

function answerOf(condition: FieldCondition, lookup: AnswerLookup): unknown {
  const answer = lookup(condition.field);
  if (condition.row === undefined) return answer;
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return undefined;
  return Object.hasOwn(answer, condition.row)
    ? (answer as Record<string, unknown>)[condition.row]
    : undefined;
}

function compare({ op, value }: FieldCondition, rawAnswer: unknown): boolean {
  const answer = typeof rawAnswer === 'string' ? rawAnswer.trim() : rawAnswer;
  switch (op) {
    case 'answered':
      return isAnswered(answer);
    case 'not_answered':
      return !isAnswered(answer);
    case 'eq':
      return isAnswered(answer) && answer === value;
    case 'neq':
      return !(isAnswered(answer) && answer === value);
    case 'includes':
      return includes(answer, value);
    case 'not_includes':
      return !includes(answer, value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ordered(op, order(answer, value));
  }
}

function includes(answer: unknown, value: ConditionValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(answer)) return answer.includes(value);
  return (
    typeof answer === 'string' &&
    typeof value === 'string' &&
    value !== '' &&
    answer.includes(value)
  );
}

function ordered(op: 'gt' | 'gte' | 'lt' | 'lte', sign: number | undefined): boolean {
  if (sign === undefined) return false;
  if (op === 'gt') return sign > 0;
  if (op === 'gte') return sign >= 0;
  if (op === 'lt') return sign < 0;
  return sign <= 0;
}

/** Sign of answer − value for two numbers or two strings (ISO dates); `undefined` when they do not compare. */
function order(answer: unknown, value: ConditionValue | undefined): number | undefined {
  if (typeof answer === 'number' && typeof value === 'number' && Number.isFinite(answer)) {
    return Math.sign(answer - value);
  }
  if (typeof answer === 'string' && typeof value === 'string' && answer !== '') {
    return answer < value ? -1 : answer > value ? 1 : 0;
  }
  return undefined;
}
