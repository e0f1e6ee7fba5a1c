import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './definition.js';
import { FORM_ERROR_KEY } from './field-errors.js';
import { intakeForm, validIntakeAnswers } from './intake-form.fixture.js';
import { validateAnswers, validatePage } from './validate-answers.js';

const today = '2026-11-28';

function errorsOf(answers: unknown, options = {}) {
  const result = validateAnswers(intakeForm, answers, { today, ...options });
  return result.ok ? {} : result.errors;
}

describe('validateAnswers', () => {
  it('accepts complete answers and returns them cleaned', () => {
    const result = validateAnswers(
      intakeForm,
      { ...validIntakeAnswers, first_name: '  Ada  ' },
      { today },
    );
    expect(result).toEqual({ ok: true, answers: { ...validIntakeAnswers, first_name: 'Ada' } });
  });

  it('drops answers to hidden questions, cascading, without an error', () => {
    const answers = {
      ...validIntakeAnswers,
      previous_therapist: 'Dr. Who', // hidden: seen_before is false
      sleep_hours: 'not even a number', // hidden: concerns lacks "sleep"; never type-checked
      sleep_notes: 'hidden through sleep_hours',
      referral_other: 'hidden: referral not "other"',
    };
    const result = validateAnswers(intakeForm, answers, { today });
    expect(result).toEqual({ ok: true, answers: validIntakeAnswers });
  });

  it('keeps and checks answers once their question shows', () => {
    const answers = {
      ...validIntakeAnswers,
      concerns: ['sleep'],
      sleep_hours: 4,
      sleep_notes: 'wake at 3am',
    };
    const result = validateAnswers(intakeForm, answers, { today });
    expect(result.ok && result.answers).toMatchObject({
      sleep_hours: 4,
      sleep_notes: 'wake at 3am',
    });
    expect(errorsOf({ ...answers, sleep_hours: '4' })).toEqual({
      sleep_hours: [{ code: 'wrong_type', params: { expected: 'number' } }],
    });
  });

  it('reports missing required answers; selection bounds apply only once answered', () => {
    expect(errorsOf({})).toEqual({
      first_name: [{ code: 'required' }],
      email: [{ code: 'required' }],
      date_of_birth: [{ code: 'required' }],
      phq9: [{ code: 'required' }],
      signature: [{ code: 'required' }],
    });
  });

  it('rejects unknown ids, answers to static items and inherited names', () => {
    const errors = errorsOf({
      ...validIntakeAnswers,
      favourite_colour: 'blue',
      contact: 'x',
      constructor: 1,
      ['__proto__']: 1,
    });
    expect(Object.keys(errors).sort()).toEqual([
      '__proto__',
      'constructor',
      'contact',
      'favourite_colour',
    ]);
    expect(errors['contact']).toEqual([{ code: 'unknown_field' }]);
  });

  it('refuses answers that are not an object', () => {
    for (const input of [null, 'answers', [], 42]) {
      expect(validateAnswers(intakeForm, input)).toEqual({
        ok: false,
        errors: { [FORM_ERROR_KEY]: [{ code: 'wrong_type', params: { expected: 'object' } }] },
      });
    }
  });

  it('applies requiredWhen only while the condition holds', () => {
    expect(errorsOf({ ...validIntakeAnswers, referral: 'other' })).toEqual({
      referral_other: [{ code: 'required' }],
    });
    expect(
      errorsOf({ ...validIntakeAnswers, referral: 'other', referral_other: 'A friend' }),
    ).toEqual({});
  });

  it('resolves "today" date bounds', () => {
    expect(errorsOf({ ...validIntakeAnswers, date_of_birth: '2026-11-29' })).toEqual({
      date_of_birth: [{ code: 'too_late', params: { maxDate: today } }],
    });
    expect(errorsOf({ ...validIntakeAnswers, date_of_birth: '2026-11-28' })).toEqual({});
  });

  it('carries no client input in errors', () => {
    const secret = 'my-secret-diagnosis';
    const errors = errorsOf({
      ...validIntakeAnswers,
      email: secret,
      referral: secret,
      concerns: [secret],
      [secret.slice(0, 3)]: secret,
    });
    expect(JSON.stringify(Object.values(errors))).not.toContain(secret);
  });
});

describe('partial (draft) mode', () => {
  it('skips required checks but still type-checks', () => {
    expect(validateAnswers(intakeForm, {}, { partial: true, today })).toEqual({
      ok: true,
      answers: {},
    });
    expect(validateAnswers(intakeForm, { email: 'nope' }, { partial: true, today })).toEqual({
      ok: false,
      errors: { email: [{ code: 'invalid_email' }] },
    });
    expect(validateAnswers(intakeForm, { ghost: 1 }, { partial: true, today })).toEqual({
      ok: false,
      errors: { ghost: [{ code: 'unknown_field' }] },
    });
  });

  it('accepts a started matrix and a started address', () => {
    const result = validateAnswers(
      intakeForm,
      { phq9: { item1: 2 }, home_address: { city: 'Portland' } },
      { partial: true, today },
    );
    expect(result).toEqual({
      ok: true,
      answers: { phq9: { item1: 2 }, home_address: { city: 'Portland' } },
    });
    const complete = validateAnswers(
      intakeForm,
      { ...validIntakeAnswers, phq9: { item1: 2 }, home_address: { city: 'Portland' } },
      { today },
    );
    expect(complete.ok).toBe(false);
  });
});

describe('validatePage', () => {
  it('checks only the fields of one page, with conditions over all answers', () => {
    const page1 = validatePage(
      intakeForm,
      'about-you',
      { first_name: 'Ada', email: 'ada@example.org', date_of_birth: '1990-01-01', phq9: 'garbage' },
      { today },
    );
    expect(page1).toEqual({
      ok: true,
      answers: { first_name: 'Ada', email: 'ada@example.org', date_of_birth: '1990-01-01' },
    });
    const page2 = validatePage(intakeForm, 'history', { concerns: ['sleep'] }, { today });
    expect(page2.ok ? {} : Object.keys(page2.errors).sort()).toEqual(['phq9', 'signature']);
  });

  it('reports an unknown page', () => {
    expect(validatePage(intakeForm, 'nope', {})).toEqual({
      ok: false,
      errors: { [FORM_ERROR_KEY]: [{ code: 'unknown_page' }] },
    });
  });
});

describe('a form where a hidden field is the only required one', () => {
  const definition: FormDefinition = {
    version: 1,
    title: 'Minor',
    pages: [
      {
        id: 'p',
        items: [
          { type: 'number', id: 'age', label: 'Age', required: true, integer: true },
          {
            type: 'text',
            id: 'guardian',
            label: 'Guardian',
            required: true,
            visibleWhen: { field: 'age', op: 'lt', value: 18 },
          },
        ],
      },
    ],
  };
  it('requires the guardian only for minors', () => {
    expect(validateAnswers(definition, { age: 40 })).toEqual({ ok: true, answers: { age: 40 } });
    expect(validateAnswers(definition, { age: 15 })).toEqual({
      ok: false,
      errors: { guardian: [{ code: 'required' }] },
    });
    expect(validateAnswers(definition, { age: 15.5, guardian: 'Mum' })).toEqual({
      ok: false,
      errors: { age: [{ code: 'not_integer' }] },
    });
  });
});
