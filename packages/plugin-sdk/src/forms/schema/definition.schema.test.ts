import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition.js';
import { intakeForm } from '../intake-form.fixture.js';
import { formDefinitionSchema } from './definition.schema.js';

/** Reasons of the rule issues of `input`, or [] when it parses. */
function reasons(input: unknown): string[] {
  const result = formDefinitionSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    String((issue as { params?: { reason?: string } }).params?.reason ?? issue.code),
  );
}

function withItems(...items: unknown[]): unknown {
  return { version: 1, title: 'Form', pages: [{ id: 'p1', items }] };
}

const yesNo = (id: string, extra: object = {}) => ({ type: 'yes_no', id, label: id, ...extra });

describe('formDefinitionSchema', () => {
  it('accepts a realistic intake form and returns it unchanged', () => {
    const parsed = formDefinitionSchema.parse(intakeForm);
    expect(parsed).toEqual(intakeForm);
  });

  it('accepts every field type and localized labels', () => {
    const definition: FormDefinition = {
      version: 1,
      title: { en: 'All', 'es-MX': 'Todo' },
      pages: [
        {
          id: 'p',
          items: [
            { type: 'text', id: 'a', label: 'A', minLength: 1, maxLength: 5, pattern: '[A-Z]+' },
            { type: 'long_text', id: 'b', label: 'B' },
            { type: 'email', id: 'c', label: 'C' },
            { type: 'phone', id: 'd', label: 'D' },
            { type: 'date', id: 'e', label: 'E', minDate: '2000-01-01', maxDate: 'today' },
            { type: 'number', id: 'f', label: 'F', min: 0, max: 10, integer: true },
            { type: 'single_choice', id: 'g', label: 'G', options: [{ value: 1, label: 'One' }] },
            {
              type: 'multi_choice',
              id: 'h',
              label: 'H',
              options: [{ value: 'x', label: 'X' }],
              maxSelected: 1,
            },
            { type: 'yes_no', id: 'i', label: 'I' },
            {
              type: 'likert',
              id: 'j',
              label: 'J',
              rows: [{ id: 'r1', label: 'R1' }],
              scale: [{ value: 0, label: 'No' }],
            },
            { type: 'address', id: 'k', label: 'K', countries: ['GB'] },
            { type: 'signature', id: 'l', label: 'L' },
            {
              type: 'file_upload',
              id: 'm',
              label: 'M',
              accept: ['application/pdf'],
              maxBytes: 1000,
            },
            { type: 'section', id: 'n', title: 'N' },
            { type: 'static_text', id: 'o', text: { en: 'Hello' } },
          ],
        },
      ],
    };
    expect(reasons(definition)).toEqual([]);
  });

  it.each([
    ['no pages', { version: 1, title: 'T', pages: [] }],
    ['version 0', { version: 0, title: 'T', pages: [{ id: 'p', items: [] }] }],
    ['empty title', { version: 1, title: '', pages: [{ id: 'p', items: [] }] }],
    ['empty translations', { version: 1, title: {}, pages: [{ id: 'p', items: [] }] }],
    ['bad locale tag', { version: 1, title: { English: 'T' }, pages: [{ id: 'p', items: [] }] }],
    ['unknown item type', withItems({ type: 'slider', id: 'a', label: 'A' })],
    ['non-slug id', withItems({ type: 'text', id: 'First Name', label: 'A' })],
    ['misspelt key', withItems({ type: 'text', id: 'a', label: 'A', requried: true })],
    [
      'choice without options',
      withItems({ type: 'single_choice', id: 'a', label: 'A', options: [] }),
    ],
    [
      'condition without value',
      withItems(yesNo('a'), yesNo('b', { visibleWhen: { field: 'a', op: 'eq' } })),
    ],
    [
      'answered with a value',
      withItems(
        yesNo('a'),
        yesNo('b', { visibleWhen: { field: 'a', op: 'answered', value: true } }),
      ),
    ],
    [
      'unknown operator',
      withItems(yesNo('a'), yesNo('b', { visibleWhen: { field: 'a', op: 'like', value: true } })),
    ],
  ])('rejects %s', (_name, input) => {
    expect(formDefinitionSchema.safeParse(input).success).toBe(false);
  });

  it('rejects duplicate item ids across pages and duplicate page ids', () => {
    const input = {
      version: 1,
      title: 'T',
      pages: [
        { id: 'p', items: [yesNo('a')] },
        { id: 'p', items: [{ type: 'section', id: 'a', title: 'A' }] },
      ],
    };
    expect(reasons(input)).toEqual(['duplicate_id', 'duplicate_id']);
  });

  it('rejects conditions on unknown fields, on themselves and on static items', () => {
    expect(
      reasons(withItems(yesNo('a', { visibleWhen: { field: 'ghost', op: 'answered' } }))),
    ).toEqual(['unknown_condition_field']);
    expect(
      reasons(withItems(yesNo('a', { requiredWhen: { field: 'a', op: 'answered' } }))),
    ).toEqual(['self_reference']);
    expect(
      reasons(
        withItems(
          { type: 'section', id: 's', title: 'S' },
          yesNo('a', { visibleWhen: { field: 's', op: 'answered' } }),
        ),
      ),
    ).toEqual(['condition_on_static_item']);
  });

  it('rejects visibility cycles, direct and through nested combinators', () => {
    const direct = withItems(
      yesNo('a', { visibleWhen: { field: 'b', op: 'eq', value: true } }),
      yesNo('b', { visibleWhen: { field: 'a', op: 'eq', value: true } }),
    );
    expect(reasons(direct)).toEqual(['condition_cycle']);
    const nested = withItems(
      yesNo('a', { visibleWhen: { not: { field: 'c', op: 'answered' } } }),
      yesNo('b', { visibleWhen: { all: [{ field: 'a', op: 'answered' }] } }),
      yesNo('c', {
        visibleWhen: {
          any: [
            { field: 'x', op: 'answered' },
            { field: 'b', op: 'answered' },
          ],
        },
      }),
      yesNo('x'),
    );
    expect(reasons(nested)).toEqual(['condition_cycle']);
    const result = formDefinitionSchema.safeParse(nested);
    expect(result.error?.issues[0]?.message).toMatch(/a → c → b → a|c → b → a → c|b → a → c → b/);
  });

  it('allows mutual requiredWhen (requiredness never feeds visibility)', () => {
    const input = withItems(
      yesNo('a', { requiredWhen: { field: 'b', op: 'answered' } }),
      yesNo('b', { requiredWhen: { field: 'a', op: 'answered' } }),
    );
    expect(reasons(input)).toEqual([]);
  });

  it('checks operators and values against the referenced field', () => {
    const choice = {
      type: 'single_choice',
      id: 'c',
      label: 'C',
      options: [{ value: 'yes', label: 'Y' }],
    };
    expect(
      reasons(
        withItems(choice, yesNo('a', { visibleWhen: { field: 'c', op: 'eq', value: 'yse' } })),
      ),
    ).toEqual(['invalid_condition_value']);
    expect(
      reasons(
        withItems(
          choice,
          yesNo('a', { visibleWhen: { field: 'c', op: 'includes', value: 'yes' } }),
        ),
      ),
    ).toEqual(['unsupported_operator']);
    expect(
      reasons(
        withItems(yesNo('b'), yesNo('a', { visibleWhen: { field: 'b', op: 'eq', value: 'true' } })),
      ),
    ).toEqual(['invalid_condition_value']);
    const likert = {
      type: 'likert',
      id: 'l',
      label: 'L',
      rows: [{ id: 'r1', label: 'R' }],
      scale: [{ value: 0, label: '0' }],
    };
    expect(
      reasons(
        withItems(
          likert,
          yesNo('a', { visibleWhen: { field: 'l', row: 'r2', op: 'gt', value: 0 } }),
        ),
      ),
    ).toEqual(['unknown_condition_row']);
    expect(
      reasons(withItems(likert, yesNo('a', { visibleWhen: { field: 'l', op: 'gt', value: 0 } }))),
    ).toEqual(['unsupported_operator']);
    expect(
      reasons(
        withItems(
          likert,
          yesNo('a', { visibleWhen: { field: 'l', row: 'r1', op: 'gt', value: 0 } }),
        ),
      ),
    ).toEqual([]);
    const date = { type: 'date', id: 'd', label: 'D' };
    expect(
      reasons(
        withItems(date, yesNo('a', { visibleWhen: { field: 'd', op: 'lt', value: '2024-02-30' } })),
      ),
    ).toEqual(['invalid_condition_value']);
  });

  it('checks field settings', () => {
    expect(
      reasons(withItems({ type: 'text', id: 'a', label: 'A', minLength: 5, maxLength: 2 })),
    ).toEqual(['invalid_bounds']);
    expect(reasons(withItems({ type: 'text', id: 'a', label: 'A', pattern: '(' }))).toEqual([
      'invalid_pattern',
    ]);
    expect(reasons(withItems({ type: 'number', id: 'a', label: 'A', min: 3, max: 1 }))).toEqual([
      'invalid_bounds',
    ]);
    expect(reasons(withItems({ type: 'date', id: 'a', label: 'A', maxDate: 'tomorrow' }))).toEqual([
      'invalid_date_bound',
    ]);
    expect(
      reasons(
        withItems({
          type: 'date',
          id: 'a',
          label: 'A',
          minDate: '2020-01-02',
          maxDate: '2020-01-01',
        }),
      ),
    ).toEqual(['invalid_bounds']);
    const options = [
      { value: 'x', label: 'X' },
      { value: 'x', label: 'X again' },
    ];
    expect(reasons(withItems({ type: 'multi_choice', id: 'a', label: 'A', options }))).toEqual([
      'duplicate_option',
    ]);
    expect(
      reasons(
        withItems({
          type: 'multi_choice',
          id: 'a',
          label: 'A',
          options: [options[0]],
          minSelected: 2,
        }),
      ),
    ).toEqual(['invalid_bounds']);
    expect(
      reasons(withItems({ type: 'address', id: 'a', label: 'A', countries: ['usa'] })),
    ).toEqual(['invalid_country']);
    expect(
      reasons(withItems({ type: 'file_upload', id: 'a', label: 'A', accept: ['.pdf'] })),
    ).toEqual(['invalid_mime_type']);
    expect(
      reasons(withItems({ type: 'number', id: 'a', label: 'A', prefillKey: 'client.email' })),
    ).toEqual(['incompatible_prefill']);
    expect(
      reasons(withItems({ type: 'text', id: 'a', label: 'A', prefillKey: 'client.medications' })),
    ).toEqual(['invalid_value']);
  });
});
