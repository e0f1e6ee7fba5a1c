import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { deepActiveElement, press, render, settle } from '../testing/fixtures.js';
import type { TcrmLikert } from './likert.js';

const rows = [
  { id: 'interest', label: 'Little interest or pleasure in doing things' },
  { id: 'down', label: 'Feeling down, depressed, or hopeless' },
];
const scale = [
  { value: '0', label: 'Not at all' },
  { value: '1', label: 'Several days' },
  { value: '2', label: 'More than half the days' },
];

runFieldContract<TcrmLikert>({
  tag: 'tcrm-likert',
  setup: (el) => Object.assign(el, { rows, scale }),
  // Space answers the focused cell; Down goes to the same column one row below.
  fill: () => press('ArrowRight', 'ArrowDown', 'Space'),
  filled: [
    ['answer.interest', '1'],
    ['answer.down', '1'],
  ],
  defaultValue: { interest: '0', down: '2' },
  defaultEntries: [
    ['answer.interest', '0'],
    ['answer.down', '2'],
  ],
});

describe('tcrm-likert', () => {
  async function matrix(): Promise<TcrmLikert> {
    return render<TcrmLikert>(
      html`<tcrm-likert label="PHQ" required .rows=${rows} .scale=${scale}></tcrm-likert>`,
    );
  }

  it('names each row radiogroup by its statement and each radio by its column', async () => {
    const el = await matrix();
    const groups = [...el.shadowRoot!.querySelectorAll('[role=radiogroup]')];
    expect(groups).to.have.length(2);
    const rowLabel = el.shadowRoot!.getElementById(groups[1]!.getAttribute('aria-labelledby')!)!;
    expect(rowLabel.textContent).to.equal(rows[1]!.label);
    const radio = groups[1]!.querySelectorAll('input')[2]!;
    expect(
      el.shadowRoot!.getElementById(radio.getAttribute('aria-labelledby')!)!.textContent,
    ).to.equal('More than half the days');
  });

  it('moves up and down between rows in the same column without answering', async () => {
    const el = await matrix();
    const cell = (r: number, c: number) =>
      el.shadowRoot!.querySelector(`[data-row="${r}"][data-column="${c}"]`);
    (cell(0, 2) as HTMLInputElement).focus();
    await press('ArrowDown');
    expect(deepActiveElement()).to.equal(cell(1, 2));
    await press('ArrowUp');
    expect(deepActiveElement()).to.equal(cell(0, 2));
    expect(el.value).to.deep.equal({});
  });

  it('a required matrix needs every row, and names the missing one', async () => {
    const el = await matrix();
    el.value = { interest: '1' };
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'required', path: 'down' }]);
    el.reportValidity();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(
      `${rows[1]!.label}: This field is required.`,
    );
  });
});
