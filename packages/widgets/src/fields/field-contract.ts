// The contract every tcrm field passes. Each field's test file calls
// runFieldContract with how to operate that field; the assertions are the
// same for all, so a new field cannot skip form association, error
// announcement, keyboard use, reset, disabled handling or axe.
import { expect, html } from '@open-wc/testing';
import type { TcrmChangeEvent, TcrmInputEvent, TcrmInvalidEvent } from '../events/events.js';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, render, settle } from '../testing/fixtures.js';
import type { TcrmField } from './field.js';

type AnyField = TcrmField<unknown>;
type Entries = [string, string][];

export interface FieldContractCase<E extends AnyField> {
  readonly tag: string;
  /** Options, rows… whatever the field needs before use. */
  setup?(field: E): void;
  /**
   * Gives a valid answer with the keyboard only (real key presses). Starts
   * with focus already inside the field, reached by Tab.
   */
  fill(field: E): Promise<void>;
  /** FormData entries under `answer*` after `fill` (files as `file:<name>`, long strings by prefix). */
  readonly filled: Entries;
  /** A value to use as the default, and the entries it gives. */
  readonly defaultValue: E['value'];
  readonly defaultEntries: Entries;
}

/**
 * FormData entries whose name starts with `answer`, made comparable. Blank
 * strings are dropped: like `<input>`, an empty text field submits `''`.
 */
export function answerEntries(form: HTMLFormElement): Entries {
  return [...new FormData(form)]
    .filter(([name, v]) => name.startsWith('answer') && v !== '')
    .map(([name, v]) => [
      name,
      typeof v === 'string' ? (v.startsWith('data:') ? v.slice(0, 22) : v) : `file:${v.name}`,
    ]);
}

interface Mounted<E> {
  provider: HTMLElement;
  form: HTMLFormElement;
  field: E;
}

async function mount<E extends AnyField>(
  c: FieldContractCase<E>,
  opts: { theme?: string; locale?: string } = {},
): Promise<Mounted<E>> {
  const provider = await render<HTMLElement>(
    html`<tcrm-provider
      appearance=${JSON.stringify({ theme: opts.theme ?? 'light' })}
      locale=${opts.locale ?? 'en'}
    >
      <form>
        <button type="button" id="before">Before</button>
        <button type="submit" id="submit">Submit</button>
      </form>
    </tcrm-provider>`,
  );
  const form = provider.querySelector('form')!;
  const field = document.createElement(c.tag) as E;
  field.id = 'the-field';
  field.name = 'answer';
  field.label = 'Your answer';
  field.description = 'Helpful description';
  c.setup?.(field);
  form.insertBefore(field, form.querySelector('#submit'));
  await settle(provider);
  return { provider, form, field };
}

async function tabInto(mounted: Mounted<AnyField>): Promise<void> {
  mounted.form.querySelector<HTMLButtonElement>('#before')!.focus();
  await press('Tab');
  expect(
    mounted.field.shadowRoot!.contains(deepActiveElement()),
    'Tab moves focus into the field',
  ).to.equal(true);
}

export function runFieldContract<E extends AnyField>(c: FieldContractCase<E>): void {
  describe(`${c.tag}: field contract`, () => {
    it('is form-associated and submits the answer given with the keyboard only', async () => {
      const m = await mount(c);
      expect(answerEntries(m.form)).to.deep.equal([]);
      const changes: TcrmChangeEvent[] = [];
      const inputs: TcrmInputEvent[] = [];
      m.provider.addEventListener('tcrm-change', (e) => changes.push(e));
      m.provider.addEventListener('tcrm-input', (e) => inputs.push(e));
      await tabInto(m as Mounted<AnyField>);
      await c.fill(m.field);
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal(c.filled);
      expect(m.field.form).to.equal(m.form);
      expect(changes.length + inputs.length, 'fires tcrm events').to.be.greaterThan(0);
      // Events say which field, never what was answered (PHI stays out of bubbling events).
      for (const e of [...changes, ...inputs])
        expect(e.detail).to.deep.equal({ name: 'answer', id: 'the-field' });
      // Answers are PHI: nothing may land in browser storage.
      expect(localStorage.length + sessionStorage.length, 'web storage').to.equal(0);
      expect(document.cookie, 'cookies').to.equal('');
      expect(await indexedDB.databases(), 'IndexedDB').to.deep.equal([]);
    });

    it('when required, is invalid until answered and announces a linked error', async () => {
      const m = await mount(c);
      m.field.required = true;
      await settle(m.provider);
      expect(m.field.checkValidity()).to.equal(false);
      expect(m.form.checkValidity()).to.equal(false);
      expect(m.field.validity.valueMissing).to.equal(true);
      expect(m.field.matches(':invalid')).to.equal(true);

      // Required is announced, not only shown as an asterisk.
      const root = m.field.shadowRoot!;
      const announced =
        root.querySelector('[required], [aria-required="true"]') !== null ||
        root.querySelector('#label .visually-hidden')?.textContent?.includes('required') === true;
      expect(announced, 'required state exposed to assistive technology').to.equal(true);

      const invalid: TcrmInvalidEvent[] = [];
      m.provider.addEventListener('tcrm-invalid', (e) => invalid.push(e));
      m.field.reportValidity();
      await settle(m.provider);
      expect(invalid.map((e) => e.detail.errors[0]?.code)).to.deep.equal(['required']);

      const control = m.field.shadowRoot!.querySelector('[aria-errormessage]');
      expect(control, 'the control names its error message').to.not.equal(null);
      expect(control!.getAttribute('aria-invalid')).to.equal('true');
      const errorId = control!.getAttribute('aria-errormessage')!;
      expect(control!.getAttribute('aria-describedby')!.split(' '))
        .to.include(errorId)
        .and.include('description');
      const error = m.field.shadowRoot!.getElementById(errorId)!;
      expect(
        error.getAttribute('role') === 'alert' || error.getAttribute('aria-live') === 'polite',
        'a live region',
      ).to.equal(true);
      expect(error.textContent!.trim()).to.equal('This field is required.');

      await tabInto(m as Mounted<AnyField>);
      await c.fill(m.field);
      await settle(m.provider);
      expect(m.field.checkValidity()).to.equal(true);
      expect(m.field.shadowRoot!.getElementById(errorId)!.textContent!.trim()).to.equal('');
      expect(m.field.shadowRoot!.querySelector('[aria-invalid="true"]')).to.equal(null);
    });

    it('form reset restores the default value', async () => {
      const m = await mount(c);
      m.field.defaultValue = c.defaultValue;
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal(c.defaultEntries);
      await tabInto(m as Mounted<AnyField>);
      await c.fill(m.field);
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal(c.filled);
      m.form.reset();
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal(c.defaultEntries);
      expect(m.field.value).to.deep.equal(c.defaultValue);
    });

    it('is neither submitted nor validated when disabled, itself or by its fieldset', async () => {
      const m = await mount(c);
      m.field.defaultValue = c.defaultValue;
      m.field.required = true;
      m.field.disabled = true;
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal([]);
      expect(m.form.checkValidity()).to.equal(true);
      expect(
        m.field.shadowRoot!.querySelector(':enabled:is(input, textarea, select, button)'),
        'no enabled control',
      ).to.equal(null);

      m.field.disabled = false;
      const fieldset = document.createElement('fieldset');
      fieldset.disabled = true;
      m.form.insertBefore(fieldset, m.field);
      fieldset.append(m.field);
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal([]);
      fieldset.disabled = false;
      await settle(m.provider);
      expect(answerEntries(m.form)).to.deep.equal(c.defaultEntries);
    });

    for (const variant of [
      { theme: 'light' },
      { theme: 'dark' },
      { theme: 'light', locale: 'ar' },
    ]) {
      it(`has no axe violations (${variant.theme}${variant.locale ? ', rtl' : ''}, error shown)`, async () => {
        const m = await mount(c, variant);
        if (variant.locale === 'ar') expect(getComputedStyle(m.field).direction).to.equal('rtl');
        m.field.required = true;
        await settle(m.provider);
        m.field.reportValidity();
        await settle(m.provider);
        expect(await axeViolations(m.provider)).to.deep.equal([]);
      });
    }
  });
}
