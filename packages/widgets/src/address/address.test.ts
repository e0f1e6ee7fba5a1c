import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { press, render, selectAll, settle, type } from '../testing/fixtures.js';
import type { TcrmAddress } from './address.js';

const home = {
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  region: '',
  postalCode: '12345',
  country: 'US',
};

runFieldContract<TcrmAddress>({
  tag: 'tcrm-address',
  setup: (el) => (el.countries = ['US', 'MX']),
  fill: async () => {
    await selectAll();
    await type('9 Elm Rd');
    await press('Tab', 'Tab');
    await selectAll();
    await type('Shelbyville');
    await press('Tab', 'Tab');
    await selectAll();
    await type('54321');
    await press('Tab', 'ArrowDown'); // country select: Mexico
  },
  filled: [
    ['answer.line1', '9 Elm Rd'],
    ['answer.city', 'Shelbyville'],
    ['answer.postalCode', '54321'],
    ['answer.country', 'MX'],
  ],
  defaultValue: home,
  defaultEntries: [
    ['answer.line1', '1 Main St'],
    ['answer.city', 'Springfield'],
    ['answer.postalCode', '12345'],
    ['answer.country', 'US'],
  ],
});

describe('tcrm-address', () => {
  it('labels every part, with autofill tokens', async () => {
    const el = await render<TcrmAddress>(html`<tcrm-address label="Home address"></tcrm-address>`);
    const line1 = el.shadowRoot!.getElementById('line1') as HTMLInputElement;
    expect(line1.labels![0]!.textContent).to.equal('Street address');
    expect(line1.autocomplete).to.equal('address-line1');
    await new Promise((resolve) => setTimeout(resolve)); // country names load a task later
    await settle(el);
    expect(el.shadowRoot!.querySelector('select')!.selectedOptions[0]!.textContent).to.equal(
      'United States',
    );
  });

  it('names the countries a task after the first render, or at once when the list is reached', async () => {
    const el = await render<TcrmAddress>(
      html`<tcrm-address label="Home" locale="fr" .countries=${['CA', 'MX']}></tcrm-address>`,
    );
    const select = el.shadowRoot!.querySelector('select')!;
    // The first render does not wait for the browser's region-name data.
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['CA', 'MX']);
    select.focus();
    await settle(el);
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Canada', 'Mexique']);
  });

  it('once started, requires the parts the server requires and names the part', async () => {
    const el = await render<TcrmAddress>(
      html`<tcrm-address label="Home" require-region></tcrm-address>`,
    );
    el.value = { ...home, region: '' };
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'required', path: 'region' }]);
    el.reportValidity();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(
      'State / province: This field is required.',
    );
    expect(el.shadowRoot!.getElementById('region')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('a preselected country alone is no answer', async () => {
    const el = await render<TcrmAddress>(html`<tcrm-address label="Home" required></tcrm-address>`);
    expect(el.validity.valueMissing).to.equal(true);
  });
});
