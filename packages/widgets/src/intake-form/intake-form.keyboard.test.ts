import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, type } from '../testing/fixtures.js';
import type { TcrmIntakeForm } from './intake-form.js';
import { find, mountForm, pageTitle, publish, threePageForm } from './intake-form.fixtures.js';

/** Presses Tab until the focused element's text or name is `target` (keyboard only, like a person). */
async function tabTo(target: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const active = deepActiveElement();
    if (active?.textContent?.trim() === target || active?.getAttribute('aria-label') === target)
      return;
    await press('Tab');
  }
  throw new Error(
    `Tab never reached "${target}" (at ${deepActiveElement()?.outerHTML.slice(0, 80)})`,
  );
}

const liveText = (el: TcrmIntakeForm) =>
  el.shadowRoot!.querySelector('.sr-only[aria-live]')!.textContent;

describe('tcrm-intake-form: keyboard only (real server)', () => {
  let key: string;
  before(async function () {
    this.timeout(120_000);
    key = await publish('wtr-keyboard', threePageForm);
  });

  it('has no axe violations, also with errors shown', async () => {
    const el = await mountForm('wtr-keyboard', key);
    expect(await axeViolations(el)).to.deep.equal([]);
    find(el, '[name="first_name"]').focus();
    await tabTo('Next');
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error-summary"]'), 'no summary');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('announces errors in an alert, marks the fields and moves focus to the first invalid one', async () => {
    const el = await mountForm('wtr-keyboard', key);
    find(el, '[name="first_name"]').focus();
    await type('Ada');
    await tabTo('Next');
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error-summary"]'), 'no summary');
    const summary = el.shadowRoot!.querySelector('[part~="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.contain('Please check 2 answers:');
    expect(summary.textContent).to.contain('Last name: This field is required.');
    const lastName = find(el, '[name="last_name"]');
    await waitUntil(
      () => deepActiveElement() === lastName.shadowRoot!.querySelector('input'),
      'focus not on the first invalid field',
    );
    expect(lastName.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal(
      'true',
    );
    expect(lastName.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal(
      'This field is required.',
    );
    expect(pageTitle(el)).to.equal('About you'); // did not move on

    // A wrong e-mail is caught by the same rules the server uses.
    await type('Lovelace');
    await press('Tab');
    await type('not-an-email');
    await tabTo('Next');
    await press('Enter');
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector('[part~="error-summary"]')?.textContent?.includes('1 answer'),
      'no new summary',
    );
    expect(el.shadowRoot!.querySelector('[part~="error-summary"]')!.textContent).to.contain(
      'E-mail: Enter an e-mail address',
    );
  });

  it('completes all three pages and submits with the keyboard alone', async () => {
    const el = await mountForm('wtr-keyboard', key);
    const pages: unknown[] = [];
    const submitted: CustomEvent[] = [];
    el.addEventListener('tcrm-page-change', (e) => pages.push(e.detail));
    el.addEventListener('tcrm-submitted', (e) => submitted.push(e as unknown as CustomEvent));

    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab'); // from the page into the first question
    expect(deepActiveElement()).to.equal(
      find(el, '[name="first_name"]').shadowRoot!.querySelector('input'),
    );
    await type('Ada');
    await press('Tab');
    await type('Lovelace');
    await press('Tab');
    await type('ada.keyboard@example.org');
    await tabTo('Next');
    await press('Enter');

    await waitUntil(() => pageTitle(el) === 'Your visit', 'page 2 not shown');
    await waitUntil(
      () => deepActiveElement()?.id === 'page-title',
      'focus not on the page heading',
    );
    expect(liveText(el)).to.equal('Page 2 of 3');
    expect(pages[0]).to.deep.equal({ pageId: 'visit', pageIndex: 1, pageCount: 3 });

    await press('Tab'); // the yes/no group's first radio
    await press('Space');
    await waitUntil(
      () => el.shadowRoot!.querySelector('[name="previous_therapist"]'),
      'conditional question did not appear',
    );
    await press('Tab');
    await type('Dr. Keyboard');
    await tabTo('Next');
    await press('Enter');

    await waitUntil(() => pageTitle(el) === 'Consent', 'page 3 not shown');
    await tabTo('Type'); // the signature's keyboard path
    await press('Enter');
    await press('Tab');
    await type('Ada Lovelace');
    await tabTo('Submit');
    await press('Enter');

    await waitUntil(() => el.phase.kind === 'submitted', 'not submitted', { timeout: 10_000 });
    await waitUntil(() => deepActiveElement()?.id === 'done', 'focus not on the confirmation');
    expect(el.shadowRoot!.textContent).to.contain('Your form was sent securely');
    expect(submitted).to.have.length(1);
    expect(Object.keys(submitted[0]!.detail)).to.deep.equal(['submissionId']);
    expect(submitted[0]!.detail.submissionId).to.match(/^[0-9a-f-]{36}$/);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('goes Back without validating, and keeps the answers', async () => {
    const el = await mountForm('wtr-keyboard', key);
    find(el, '[name="first_name"]').focus();
    await type('Ada');
    await press('Tab');
    await type('Lovelace');
    await press('Tab');
    await type('ada.back@example.org');
    await tabTo('Next');
    await press('Enter');
    await waitUntil(() => pageTitle(el) === 'Your visit', 'page 2 not shown');
    await tabTo('Back');
    await press('Enter');
    await waitUntil(() => pageTitle(el) === 'About you', 'not back on page 1');
    expect((find(el, '[name="last_name"]') as HTMLElement & { value: string }).value).to.equal(
      'Lovelace',
    );
  });
});
