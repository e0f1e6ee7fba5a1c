import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { press, render, settle, type } from '../testing/fixtures.js';
import type { TcrmSignature } from './signature.js';

// A 1×1 transparent PNG.
const DOT =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

runFieldContract<TcrmSignature>({
  tag: 'tcrm-signature',
  // Keyboard path: Tab to "Type", Enter, Tab to the name input, type, leave.
  fill: async () => {
    await press('Tab', 'Enter', 'Tab');
    await type('Ada Lovelace');
    await press('Tab');
  },
  filled: [['answer', 'data:image/png;base64,']],
  defaultValue: DOT,
  defaultEntries: [['answer', 'data:image/png;base64,']],
});

describe('tcrm-signature', () => {
  async function pad(): Promise<TcrmSignature> {
    return render<TcrmSignature>(html`<tcrm-signature label="Sign"></tcrm-signature>`);
  }
  const canvas = (el: TcrmSignature) => el.shadowRoot!.querySelector('canvas')!;

  it('draws with pointer events and commits a PNG on pointer up', async () => {
    const el = await pad();
    const changes: Event[] = [];
    el.addEventListener('tcrm-change', (e) => changes.push(e));
    const box = canvas(el).getBoundingClientRect();
    const at = (type: string, x: number, y: number) =>
      canvas(el).dispatchEvent(
        new PointerEvent(type, {
          clientX: box.left + x,
          clientY: box.top + y,
          button: 0,
          pointerId: 1,
          bubbles: true,
        }),
      );
    at('pointerdown', 10, 10);
    at('pointermove', 60, 30);
    at('pointermove', 120, 20);
    at('pointerup', 120, 20);
    await settle(el);
    expect(el.value.startsWith('data:image/png;base64,')).to.equal(true);
    expect(changes).to.have.length(1);
  });

  it('the typed name changes the image; clear empties the value', async () => {
    const el = await pad();
    el.mode = 'type';
    await settle(el);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await type('A');
    const first = el.value;
    await type('da');
    expect(el.value).to.not.equal(first);
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=clear-button]')!.click();
    await settle(el);
    expect(el.value).to.equal('');
  });

  it('refuses a PNG over max-bytes', async () => {
    const el = await pad();
    el.maxBytes = 10;
    el.value = DOT;
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'too_large', params: { maxBytes: 10 } }]);
  });

  it('mode buttons are toggle buttons', async () => {
    const el = await pad();
    const buttons = [...el.shadowRoot!.querySelectorAll('[part=mode-button]')];
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    (buttons[1] as HTMLButtonElement).click();
    await settle(el);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    await press('Tab');
  });
});
