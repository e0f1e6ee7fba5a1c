import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { render, settle, type } from '../testing/fixtures.js';
import type { TcrmTextField } from './text-field.js';

runFieldContract<TcrmTextField>({
  tag: 'tcrm-text-field',
  fill: () => type('Ada'),
  filled: [['answer', 'Ada']],
  defaultValue: 'Grace',
  defaultEntries: [['answer', 'Grace']],
});

describe('tcrm-text-field', () => {
  async function field(attrs: Partial<TcrmTextField>): Promise<TcrmTextField> {
    const el = await render<TcrmTextField>(
      html`<tcrm-text-field name="f" label="F"></tcrm-text-field>`,
    );
    Object.assign(el, attrs);
    await settle(el);
    return el;
  }

  const cases: [Partial<TcrmTextField>, string | null][] = [
    [{ type: 'email', value: 'not-an-email' }, 'invalid_email'],
    [{ type: 'email', value: 'a@example.org' }, null],
    [{ type: 'tel', value: '12' }, 'invalid_phone'],
    [{ type: 'tel', value: '+1 (555) 010-0199' }, null],
    [{ type: 'number', value: '7.5', integer: true }, 'not_integer'],
    [{ type: 'number', value: '3', min: '5' }, 'min'],
    [{ type: 'number', value: '11', max: '10' }, 'max'],
    [{ type: 'date', value: '2020-01-10', min: '2021-01-01' }, 'too_early'],
    [{ type: 'date', value: '2020-01-10', max: '2019-01-01' }, 'too_late'],
    [{ value: 'ab', minLength: 3 }, 'too_short'],
    [{ value: 'abcd', maxLength: 3 }, 'too_long'],
    [{ value: 'AB-12', pattern: '[A-Z]{2}-\\d{2}' }, null],
    [{ value: 'AB-1', pattern: '[A-Z]{2}-\\d{2}' }, 'pattern'],
  ];
  for (const [attrs, code] of cases) {
    it(`${JSON.stringify(attrs)} → ${code ?? 'valid'}`, async () => {
      const el = await field(attrs);
      expect(el.errors.map((e) => e.code)).to.deep.equal(code ? [code] : []);
      expect(el.checkValidity()).to.equal(code === null);
    });
  }

  it('maps errors to native validity flags', async () => {
    expect((await field({ type: 'email', value: 'x' })).validity.typeMismatch).to.equal(true);
    expect((await field({ value: 'ab', minLength: 3 })).validity.tooShort).to.equal(true);
    expect(
      (await field({ type: 'number', value: '1', min: '2' })).validity.rangeUnderflow,
    ).to.equal(true);
  });

  it('shows errors set by the host (server validation) until the client edits', async () => {
    const el = await field({ value: 'ok' });
    el.setErrors([{ code: 'invalid_email' }]);
    await settle(el);
    expect(el.checkValidity()).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('e-mail address');
    el.shadowRoot!.querySelector('input')!.focus();
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = 'ok2';
    input.dispatchEvent(new Event('input'));
    await settle(el);
    expect(el.checkValidity()).to.equal(true);
  });

  it('exposes :state(user-invalid) only while an error is shown', async () => {
    const el = await field({ required: true });
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    el.reportValidity();
    await settle(el);
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    el.value = 'filled';
    await settle(el);
    expect(el.matches(':state(user-invalid)')).to.equal(false);
  });

  it('does not show an error before the client has done anything', async () => {
    const el = await field({ required: true });
    expect(el.checkValidity()).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim()).to.equal('');
    expect(el.shadowRoot!.querySelector('input')!.hasAttribute('aria-invalid')).to.equal(false);
  });
});
