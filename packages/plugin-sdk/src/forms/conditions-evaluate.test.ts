import { describe, expect, it } from 'vitest';
import type { Condition, ConditionOperator } from './condition.js';
import { evaluateCondition } from './conditions-evaluate.js';

const answers = {
  age: 30,
  name: '  Ada Lovelace ',
  consent: true,
  concerns: ['sleep', 'mood'],
  dob: '1990-05-17',
  blank: '   ',
  none: [],
  phq9: { item9: 2, item1: 0 },
};

const cases: [ConditionOperator, string, unknown, boolean][] = [
  ['eq', 'age', 30, true],
  ['eq', 'age', 31, false],
  ['eq', 'name', 'Ada Lovelace', true], // answers are compared trimmed
  ['eq', 'consent', true, true],
  ['eq', 'consent', 'true', false], // no coercion
  ['eq', 'missing', 'x', false],
  ['eq', 'concerns', 'sleep', false], // arrays use includes
  ['neq', 'age', 31, true],
  ['neq', 'age', 30, false],
  ['neq', 'missing', 'x', true],
  ['gt', 'age', 29, true],
  ['gt', 'age', 30, false],
  ['gte', 'age', 30, true],
  ['lt', 'age', 31, true],
  ['lt', 'age', 30, false],
  ['lte', 'age', 30, true],
  ['lt', 'dob', '2000-01-01', true], // ISO dates order as strings
  ['gt', 'dob', '2000-01-01', false],
  ['lt', 'missing', 5, false],
  ['lte', 'blank', 'z', false],
  ['gt', 'name', 5, false], // mixed types never order
  ['includes', 'concerns', 'sleep', true],
  ['includes', 'concerns', 'grief', false],
  ['includes', 'name', 'Love', true],
  ['includes', 'missing', 'x', false],
  ['not_includes', 'concerns', 'grief', true],
  ['not_includes', 'concerns', 'sleep', false],
  ['not_includes', 'missing', 'x', true],
  ['answered', 'age', undefined, true],
  ['answered', 'blank', undefined, false],
  ['answered', 'none', undefined, false],
  ['answered', 'missing', undefined, false],
  ['not_answered', 'blank', undefined, true],
  ['not_answered', 'concerns', undefined, false],
];

describe('evaluateCondition', () => {
  it.each(cases)('%s on %s with %j is %s', (op, field, value, expected) => {
    const condition = { field, op, ...(value === undefined ? {} : { value }) } as Condition;
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  it('reads one Likert row', () => {
    expect(evaluateCondition({ field: 'phq9', row: 'item9', op: 'gt', value: 0 }, answers)).toBe(
      true,
    );
    expect(evaluateCondition({ field: 'phq9', row: 'item1', op: 'gt', value: 0 }, answers)).toBe(
      false,
    );
    expect(evaluateCondition({ field: 'phq9', row: 'item2', op: 'not_answered' }, answers)).toBe(
      true,
    );
    expect(evaluateCondition({ field: 'age', row: 'item2', op: 'answered' }, answers)).toBe(false);
  });

  it('combines with all, any and not', () => {
    const adult: Condition = { field: 'age', op: 'gte', value: 18 };
    const child: Condition = { field: 'age', op: 'lt', value: 18 };
    expect(
      evaluateCondition({ all: [adult, { field: 'consent', op: 'eq', value: true }] }, answers),
    ).toBe(true);
    expect(evaluateCondition({ all: [adult, child] }, answers)).toBe(false);
    expect(evaluateCondition({ all: [] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [child, adult] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [] }, answers)).toBe(false);
    expect(evaluateCondition({ not: child }, answers)).toBe(true);
    expect(evaluateCondition({ not: { any: [child, { not: adult }] } }, answers)).toBe(true);
  });

  it('ignores inherited properties such as "constructor"', () => {
    expect(evaluateCondition({ field: 'constructor', op: 'answered' }, {})).toBe(false);
    expect(evaluateCondition({ field: 'phq9', row: 'constructor', op: 'answered' }, answers)).toBe(
      false,
    );
  });

  it('accepts a lookup function', () => {
    expect(
      evaluateCondition({ field: 'x', op: 'eq', value: 1 }, (id) => (id === 'x' ? 1 : undefined)),
    ).toBe(true);
  });
});
