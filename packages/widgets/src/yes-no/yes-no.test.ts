import { expect, html, waitUntil } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { press, render, settle } from '../testing/fixtures.js';
import type { TcrmYesNo } from './yes-no.js';

runFieldContract<TcrmYesNo>({
  tag: 'tcrm-yes-no',
  // From "Yes" (focused when unanswered, or checked by default) Down checks "No".
  fill: () => press('ArrowDown'),
  filled: [['answer', 'no']],
  defaultValue: 'yes',
  defaultEntries: [['answer', 'yes']],
});

describe('tcrm-yes-no', () => {
  it('gives a boolean answer and translated labels', async () => {
    const el = await render<TcrmYesNo>(html`<tcrm-yes-no label="Q" locale="es"></tcrm-yes-no>`);
    // The Spanish catalogue loads on first use.
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Sí'), 'Spanish labels');
    expect(el.answer).to.equal(null);
    el.value = 'no';
    await settle(el);
    expect(el.answer).to.equal(false);
  });
});
