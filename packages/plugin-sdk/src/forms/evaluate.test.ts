import { describe, expect, it } from 'vitest';
import { formItems, type FormDefinition } from './definition.js';
import {
  effectiveAnswers,
  isRequired,
  isVisible,
  visibleFields,
  visibleItems,
  visiblePages,
} from './evaluate.js';
import { intakeForm } from './intake-form.fixture.js';
import type { FormItem } from './items.js';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('isVisible / isRequired', () => {
  const other: FormItem = {
    type: 'text',
    id: 'referral_other',
    label: 'More',
    visibleWhen: { field: 'referral', op: 'eq', value: 'other' },
    requiredWhen: { field: 'referral', op: 'eq', value: 'other' },
  };

  it('follows visibleWhen and requiredWhen', () => {
    expect(isVisible(other, {})).toBe(false);
    expect(isVisible(other, { referral: 'other' })).toBe(true);
    expect(isRequired(other, {})).toBe(false); // hidden fields are never required
    expect(isRequired(other, { referral: 'other' })).toBe(true);
  });

  it('treats static items as never required', () => {
    expect(isRequired({ type: 'section', id: 's', title: 'S' }, {})).toBe(false);
    expect(isRequired({ type: 'yes_no', id: 'y', label: 'Y', required: true }, {})).toBe(true);
  });
});

describe('visibility with cascading', () => {
  it('hides a follow-up whose trigger is itself hidden', () => {
    // sleep_notes depends on sleep_hours, which depends on concerns including "sleep".
    const stale = { concerns: ['anxiety'], sleep_hours: 4, sleep_notes: 'wake at 3am' };
    expect(ids(visibleFields(intakeForm, stale))).not.toContain('sleep_hours');
    expect(ids(visibleFields(intakeForm, stale))).not.toContain('sleep_notes');
    expect(effectiveAnswers(intakeForm, stale)).toEqual({ concerns: ['anxiety'] });

    const current = { ...stale, concerns: ['sleep'] };
    expect(ids(visibleFields(intakeForm, current))).toEqual(
      expect.arrayContaining(['sleep_hours', 'sleep_notes']),
    );
  });

  it('isVisible over effective answers matches visibleFields', () => {
    const raw = { concerns: ['anxiety'], sleep_hours: 4, referral: 'other' };
    const effective = effectiveAnswers(intakeForm, raw);
    const byIsVisible = formItems(intakeForm).filter((item) => isVisible(item, effective));
    expect(ids(byIsVisible)).toEqual(ids(visibleItems(intakeForm, raw)));
  });

  it('shows static items by condition too', () => {
    expect(ids(visibleItems(intakeForm, {}))).not.toContain('crisis_note');
    expect(ids(visibleItems(intakeForm, { phq9: { item9: 1 } }))).toContain('crisis_note');
  });

  it('treats an (invalid) cyclic definition as hidden instead of looping', () => {
    const cyclic: FormDefinition = {
      version: 1,
      title: 'T',
      pages: [
        {
          id: 'p',
          items: [
            { type: 'yes_no', id: 'a', label: 'A', visibleWhen: { field: 'b', op: 'answered' } },
            { type: 'yes_no', id: 'b', label: 'B', visibleWhen: { field: 'a', op: 'answered' } },
          ],
        },
      ],
    };
    expect(visibleFields(cyclic, { a: true, b: true })).toEqual([]);
  });
});

describe('visiblePages', () => {
  it('skips a page whose fields are all hidden but keeps a static-only page', () => {
    const definition: FormDefinition = {
      version: 1,
      title: 'T',
      pages: [
        { id: 'welcome', items: [{ type: 'static_text', id: 'hello', text: 'Welcome' }] },
        {
          id: 'minor',
          items: [
            { type: 'section', id: 'guardian', title: 'Guardian' },
            {
              type: 'text',
              id: 'guardian_name',
              label: 'Name',
              visibleWhen: { field: 'age', op: 'lt', value: 18 },
            },
          ],
        },
        { id: 'age', items: [{ type: 'number', id: 'age', label: 'Age' }] },
      ],
    };
    expect(ids(visiblePages(definition, { age: 40 }))).toEqual(['welcome', 'age']);
    expect(ids(visiblePages(definition, { age: 12 }))).toEqual(['welcome', 'minor', 'age']);
  });
});
