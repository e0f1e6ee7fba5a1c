import { expect, html } from '@open-wc/testing';
import { runFieldContract } from '../fields/field-contract.js';
import { deepActiveElement, render, settle } from '../testing/fixtures.js';
import type { TcrmFileUpload } from './file-upload.js';

/**
 * The OS file dialog cannot be driven from a test, so after Tab has
 * reached the input (checked by the contract) the file is placed the way
 * the dialog would: through `files` and a `change` event.
 */
function choose(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const pdf = () => new File(['%PDF-1.7 test'], 'referral.pdf', { type: 'application/pdf' });

runFieldContract<TcrmFileUpload>({
  tag: 'tcrm-file-upload',
  setup: (el) => (el.accept = 'application/pdf,image/*'),
  fill: async () => {
    const input = deepActiveElement() as HTMLInputElement;
    expect(input.type).to.equal('file');
    choose(input, pdf());
  },
  filled: [['answer', 'file:referral.pdf']],
  defaultValue: null,
  defaultEntries: [],
});

describe('tcrm-file-upload', () => {
  async function upload(): Promise<TcrmFileUpload> {
    return render<TcrmFileUpload>(
      html`<tcrm-file-upload
        label="Referral"
        accept="application/pdf"
        max-bytes="100"
      ></tcrm-file-upload>`,
    );
  }
  const input = (el: TcrmFileUpload) => el.shadowRoot!.querySelector('input')!;

  it('refuses a file of the wrong type', async () => {
    const el = await upload();
    choose(input(el), new File(['x'], 'a.exe', { type: 'application/x-msdownload' }));
    await settle(el);
    expect(el.errors.map((e) => e.code)).to.deep.equal(['invalid_file_type']);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(
      'Choose a file of type application/pdf.',
    );
  });

  it('refuses a file over max-bytes, naming the limit in local units', async () => {
    const el = await upload();
    el.maxBytes = 1500;
    choose(input(el), new File(['x'.repeat(2000)], 'big.pdf', { type: 'application/pdf' }));
    await settle(el);
    expect(el.errors).to.deep.equal([{ code: 'too_large', params: { maxBytes: 1500 } }]);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal(
      'The file must be 1.5 kB or smaller.',
    );
  });

  it('the remove button clears the value and the input', async () => {
    const el = await upload();
    choose(input(el), pdf());
    await settle(el);
    expect(el.value?.name).to.equal('referral.pdf');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=remove-button]')!.click();
    await settle(el);
    expect(el.value).to.equal(null);
    expect(input(el).value).to.equal('');
  });
});
