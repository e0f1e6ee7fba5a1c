import { expect, html } from '@open-wc/testing';
import type { TcrmTextField } from '../text-field/text-field.js';
import { render, settle, type } from '../testing/fixtures.js';
import { TcrmChangeEvent, TcrmInputEvent, TcrmInvalidEvent } from './events.js';

describe('tcrm events', () => {
  it('are typed, bubble and cross shadow roots (a field inside a widget)', async () => {
    const host = await render<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<tcrm-text-field name="first" id="f1" label="First name"></tcrm-text-field>';
    const field = root.querySelector<TcrmTextField>('tcrm-text-field')!;
    await settle(field);
    const seen: Event[] = [];
    const listen = (e: Event) => seen.push(e);
    document.addEventListener('tcrm-input', listen);
    document.addEventListener('tcrm-change', listen);
    try {
      field.focus();
      await type('Ada');
      field.shadowRoot!.querySelector('input')!.blur();
      await settle(field);
    } finally {
      document.removeEventListener('tcrm-input', listen);
      document.removeEventListener('tcrm-change', listen);
    }
    expect(seen.filter((e) => e instanceof TcrmInputEvent)).to.have.length(3);
    expect(seen.filter((e) => e instanceof TcrmChangeEvent)).to.have.length(1);
    // Retargeted to the shadow host outside, with the field's name and id inside the detail.
    expect(seen[0]!.target).to.equal(host);
    expect((seen[0] as TcrmInputEvent).detail).to.deep.equal({ name: 'first', id: 'f1' });
  });

  it('tcrm-invalid carries error codes, not the value', async () => {
    const field = await render<TcrmTextField>(
      html`<tcrm-text-field name="email" type="email" label="E-mail"></tcrm-text-field>`,
    );
    field.value = 'ada@@example';
    await settle(field);
    let event: TcrmInvalidEvent | undefined;
    field.addEventListener('tcrm-invalid', (e) => (event = e));
    field.reportValidity();
    expect(event!.detail).to.deep.equal({
      name: 'email',
      id: '',
      errors: [{ code: 'invalid_email' }],
    });
    expect(JSON.stringify(event!.detail)).to.not.contain('ada');
  });
});
