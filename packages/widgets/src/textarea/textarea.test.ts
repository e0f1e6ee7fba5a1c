import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { press, render, selectAll, settle, type } from '../testing/fixtures.js';
import type { TcrmTextarea } from './textarea.js';

runFieldContract<TcrmTextarea>({
  tag: 'tcrm-textarea',
  fill: async () => {
    await selectAll(); // replace any default text
    await type('Line one');
    await press('Enter');
    await type('Line two');
    await press('Tab'); // leaving commits, like a native change event
  },
  filled: [['answer', 'Line one\nLine two']],
  defaultValue: 'Earlier notes',
  defaultEntries: [['answer', 'Earlier notes']],
});

describe('tcrm-textarea', () => {
  it('applies length rules to the trimmed text', async () => {
    const el = await render<TcrmTextarea>(
      html`<tcrm-textarea label="Notes" minlength="5" maxlength="8"></tcrm-textarea>`,
    );
    el.value = '  abc  ';
    await settle(el);
    expect(el.errors.map((e) => e.code)).to.deep.equal(['too_short']);
    el.value = 'abcdefghij';
    await settle(el);
    expect(el.errors.map((e) => e.code)).to.deep.equal(['too_long']);
  });
});
