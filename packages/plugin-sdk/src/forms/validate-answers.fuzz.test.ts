import { describe, expect, it } from 'vitest';
import { effectiveAnswers, visibleFields } from './evaluate.js';
import { intakeForm, validIntakeAnswers } from './intake-form.fixture.js';
import { formFields } from './definition.js';
import { formDefinitionSchema } from './schema/definition.schema.js';
import { validateAnswers } from './validate-answers.js';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKER = 'PHI-CANARY';

function arbitraryValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 7 : 10));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return Math.floor(next() * 40) - 10;
    case 3:
      return [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308][Math.floor(next() * 4)];
    case 4:
      return `${MARKER}-${Math.floor(next() * 1000)}`;
    case 5:
      return [
        '',
        '  ',
        'other',
        'sleep',
        '1990-05-17',
        'ada@example.org',
        'data:image/png;base64,AAAA',
      ][Math.floor(next() * 7)];
    case 6:
      return undefined;
    case 7:
      return Array.from({ length: Math.floor(next() * 4) }, () => arbitraryValue(next, depth + 1));
    default: {
      const keys = [
        'item1',
        'item9',
        'line1',
        'city',
        'country',
        'dataUrl',
        'fileId',
        '__proto__',
        'constructor',
        MARKER,
      ];
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [
          keys[Math.floor(next() * keys.length)]!,
          arbitraryValue(next, depth + 1),
        ]),
      );
    }
  }
}

describe('validateAnswers on arbitrary input', () => {
  const fieldIds = formFields(intakeForm).map((field) => field.id);

  it('never throws, never echoes input values in errors, and keeps only visible known fields', () => {
    const next = random(20261128);
    for (let run = 0; run < 2000; run++) {
      const answers: Record<string, unknown> = next() < 0.5 ? { ...validIntakeAnswers } : {};
      for (let i = Math.floor(next() * 6); i > 0; i--) {
        const key =
          next() < 0.85 ? fieldIds[Math.floor(next() * fieldIds.length)]! : `${MARKER}_key`;
        answers[key] = arbitraryValue(next);
      }
      const partial = next() < 0.3;
      const result = validateAnswers(intakeForm, answers, { partial, today: '2026-11-28' });
      if (result.ok) {
        const visible = new Set(visibleFields(intakeForm, answers).map((field) => field.id));
        for (const key of Object.keys(result.answers)) expect(visible.has(key)).toBe(true);
        // Validation is idempotent on its own output.
        expect(
          validateAnswers(intakeForm, result.answers, { partial, today: '2026-11-28' }),
        ).toEqual(result);
        expect(Object.keys(effectiveAnswers(intakeForm, result.answers)).sort()).toEqual(
          Object.keys(result.answers).sort(),
        );
      } else {
        const { [`${MARKER}_key`]: _unknownKey, ...rest } = result.errors;
        expect(JSON.stringify(rest)).not.toContain(MARKER);
      }
    }
  });

  it('survives hostile nesting in answers and definitions', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { item1: deep };
    expect(() =>
      validateAnswers(intakeForm, { phq9: deep, home_address: deep, concerns: [deep] }),
    ).not.toThrow();
    let condition: unknown = { field: 'a', op: 'answered' };
    for (let i = 0; i < 100_000; i++) condition = { not: condition };
    const definition = {
      version: 1,
      title: 'T',
      pages: [
        {
          id: 'p',
          items: [
            { type: 'yes_no', id: 'a', label: 'A' },
            { type: 'yes_no', id: 'b', label: 'B', visibleWhen: condition },
          ],
        },
      ],
    };
    const parsed = formDefinitionSchema.safeParse(definition);
    expect(parsed.success).toBe(false);
    expect(
      parsed.error?.issues.map(
        (issue) => (issue as { params?: { reason?: string } }).params?.reason,
      ),
    ).toEqual(['too_deep']);
  });
});
