import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { deepActiveElement, press, render, settle, type } from '../testing/fixtures.js';
import type { TcrmChoice } from './choice.js';

const options = [
  { value: 'email', label: 'E-mail' },
  { value: 'phone', label: { en: 'Phone', es: 'Teléfono' } },
  { value: 'none', label: 'No contact', exclusive: true },
];

runFieldContract<TcrmChoice>({
  tag: 'tcrm-choice',
  setup: (el) => (el.options = options),
  // Tab lands on the first radio; arrows move and check, like native radios.
  fill: () => press('ArrowDown'),
  filled: [['answer', 'phone']],
  defaultValue: 'email',
  defaultEntries: [['answer', 'email']],
});

runFieldContract<TcrmChoice>({
  tag: 'tcrm-choice',
  setup: (el) => {
    el.options = options;
    el.multiple = true;
  },
  fill: () => press('Space', 'ArrowDown', 'Space'),
  filled: [
    ['answer', 'email'],
    ['answer', 'phone'],
  ],
  // The exclusive option is cleared by the first real answer, so the same keys work from either state.
  defaultValue: ['none'],
  defaultEntries: [['answer', 'none']],
});

runFieldContract<TcrmChoice>({
  tag: 'tcrm-choice',
  setup: (el) => {
    el.options = options;
    el.display = 'dropdown';
  },
  // A focused closed select picks the option starting with the typed letter.
  fill: () => type('p'),
  filled: [['answer', 'phone']],
  defaultValue: 'email',
  defaultEntries: [['answer', 'email']],
});

describe('tcrm-choice', () => {
  async function multiple(): Promise<TcrmChoice> {
    const el = await render<TcrmChoice>(
      html`<tcrm-choice label="Contact" multiple .options=${options}></tcrm-choice>`,
    );
    return el;
  }
  const boxes = (el: TcrmChoice) => [...el.shadowRoot!.querySelectorAll('input')];

  it('has radiogroup semantics for single choice and group for multiple', async () => {
    const single = await render<TcrmChoice>(
      html`<tcrm-choice label="Contact" required .options=${options}></tcrm-choice>`,
    );
    const group = single.shadowRoot!.querySelector('[role=radiogroup]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('label');
    expect(group.getAttribute('aria-required')).to.equal('true');
    expect(boxes(single).map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect((await multiple()).shadowRoot!.querySelector('[role=group]')).to.not.equal(null);
  });

  it('keeps one tab stop in a checkbox group and moves it with the arrows', async () => {
    const el = await multiple();
    expect(boxes(el).map((i) => i.tabIndex)).to.deep.equal([0, -1, -1]);
    boxes(el)[0]!.focus();
    await press('ArrowDown');
    expect(deepActiveElement()).to.equal(boxes(el)[1]);
    await settle(el);
    expect(boxes(el).map((i) => i.tabIndex)).to.deep.equal([-1, 0, -1]);
    await press('End');
    expect(deepActiveElement()).to.equal(boxes(el)[2]);
    await press('ArrowDown');
    expect(deepActiveElement(), 'wraps').to.equal(boxes(el)[0]);
  });

  it('mirrors left/right in RTL', async () => {
    const wrapper = await render<HTMLElement>(
      html`<div dir="rtl"><tcrm-choice label="C" multiple .options=${options}></tcrm-choice></div>`,
    );
    const el = wrapper.querySelector('tcrm-choice')!;
    boxes(el)[0]!.focus();
    await press('ArrowLeft');
    expect(deepActiveElement()).to.equal(boxes(el)[1]);
  });

  it('an exclusive option clears the others, and the others clear it', async () => {
    const el = await multiple();
    boxes(el)[0]!.click();
    boxes(el)[1]!.click();
    await settle(el);
    expect(el.value).to.deep.equal(['email', 'phone']);
    boxes(el)[2]!.click();
    await settle(el);
    expect(el.value).to.deep.equal(['none']);
    boxes(el)[0]!.click();
    await settle(el);
    expect(el.value).to.deep.equal(['email']);
  });

  it('checks min-selected and max-selected', async () => {
    const el = await multiple();
    el.minSelected = 2;
    el.value = ['email'];
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'too_few_selected', params: { minSelected: 2 } }]);
    el.minSelected = undefined;
    el.maxSelected = 1;
    el.value = ['email', 'phone'];
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'too_many_selected', params: { maxSelected: 1 } }]);
  });

  it('localizes option labels', async () => {
    const el = await render<TcrmChoice>(
      html`<tcrm-choice label="C" locale="es" .options=${options}></tcrm-choice>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Teléfono');
  });

  it('takes numeric option values (scores) and holds them as strings', async () => {
    const el = await render<TcrmChoice>(
      html`<tcrm-choice
        label="Score"
        .options=${[
          { value: 0, label: 'Never' },
          { value: 3, label: 'Always' },
        ]}
      ></tcrm-choice>`,
    );
    boxes(el)[1]!.click();
    await settle(el);
    expect(el.value).to.equal('3');
    el.value = '0';
    await settle(el);
    expect(boxes(el).map((b) => b.checked)).to.deep.equal([true, false]);
  });

  it('accepts options as a JSON attribute', async () => {
    const el = await render<TcrmChoice>(
      html`<tcrm-choice label="C" options='[{"value":"a","label":"A"}]'></tcrm-choice>`,
    );
    expect(boxes(el)).to.have.length(1);
  });
});
