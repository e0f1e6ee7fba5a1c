import { expect, html, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepQueryAll, render, type } from '../testing/fixtures.js';
import type { TcrmField } from '../fields/field.js';
import type { TcrmIntakeForm } from './intake-form.js';
import {
  button,
  everyTypeForm,
  find,
  mountForm,
  pageTitle,
  publish,
  threePageForm,
} from './intake-form.fixtures.js';

describe('tcrm-intake-form: loading and rendering (real server)', () => {
  let key: string;
  before(async function () {
    this.timeout(120_000); // the first test file to ask starts the server
    key = await publish('wtr-every-type', everyTypeForm);
    await publish('wtr-render-three', threePageForm);
  });

  it('has no axe violations with every question type shown', async () => {
    const el = await mountForm('wtr-every-type', key);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders every item type with the field elements, sections and static text', async () => {
    const el = await mountForm('wtr-every-type', key);
    const tags = (id: string) =>
      el.shadowRoot!.querySelector(`[data-field="${id}"] > *`)?.localName;
    expect(tags('text')).to.equal('tcrm-text-field');
    expect(tags('long_text')).to.equal('tcrm-textarea');
    expect(tags('single')).to.equal('tcrm-choice');
    expect(tags('multi')).to.equal('tcrm-choice');
    expect(tags('yes_no')).to.equal('tcrm-yes-no');
    expect(tags('likert')).to.equal('tcrm-likert');
    expect(tags('address')).to.equal('tcrm-address');
    expect(tags('signature')).to.equal('tcrm-signature');
    expect(tags('file')).to.equal('tcrm-file-upload');
    expect(find(el, '[name="email"]').getAttribute('type')).to.equal('email');
    expect(find(el, '[name="phone"]').getAttribute('type')).to.equal('tel');
    expect(find(el, '[name="number"]').getAttribute('type')).to.equal('number');
    expect(find(el, '[part="section-title"]').textContent).to.equal('Section heading');
    expect(
      deepQueryAll(el.shadowRoot!, '[part="static-text"] p').map((p) => p.textContent),
    ).to.deep.equal(['First paragraph.', 'Second paragraph.']);
    // The lazily loaded elements are real, upgraded custom elements.
    expect(customElements.get('tcrm-signature')).to.be.a('function');
    expect(customElements.get('tcrm-file-upload')).to.be.a('function');
  });

  it('fires tcrm-form-loaded with ids and counts only', async () => {
    const events: Event[] = [];
    document.addEventListener('tcrm-form-loaded', (e) => events.push(e), { once: true });
    await mountForm('wtr-render-three', key);
    const detail = (events[0] as CustomEvent).detail;
    expect(detail).to.deep.equal({
      formKey: 'wtr-render-three',
      version: 1,
      resumed: false,
      pageCount: 3,
    });
  });

  it('fires tcrm-form-loaded once every field of the page has rendered: the first takes typing at once', async () => {
    // What scripts/interactive.mjs times: the clock stops at this event.
    const el = document.createElement('tcrm-intake-form') as TcrmIntakeForm;
    el.setAttribute('form-key', 'wtr-every-type');
    el.setAttribute('publishable-key', key);
    el.setAttribute('api-url', location.origin);
    el.setAttribute('locale', 'en');
    const atLoad = new Promise<{ withControls: boolean[]; focused: Element | null }>((resolve) =>
      el.addEventListener(
        'tcrm-form-loaded',
        () => {
          const fields = [...el.shadowRoot!.querySelectorAll<TcrmField<unknown>>('[name]')];
          const controls = 'input, textarea, select, button';
          const withControls = fields.map((f) => !!f.shadowRoot?.querySelector(controls));
          fields[0]!.focus();
          resolve({ withControls, focused: fields[0]!.shadowRoot!.activeElement });
        },
        { once: true },
      ),
    );
    document.body.append(el);
    try {
      const { withControls, focused } = await atLoad;
      expect(withControls.length).to.be.greaterThan(5);
      expect(withControls.every(Boolean)).to.equal(true);
      expect(focused?.localName).to.equal('input');
      const inputs: Event[] = [];
      el.addEventListener('tcrm-input', (e) => inputs.push(e));
      await type('Ada');
      const first = el.shadowRoot!.querySelector<TcrmField<unknown>>('[name]')!;
      expect(first.value).to.equal('Ada');
      expect(inputs.length).to.equal(3);
    } finally {
      el.remove();
    }
  });

  it('shows page 1 of 3 as text and on an accessible progress bar', async () => {
    const el = await mountForm('wtr-render-three', key);
    expect(pageTitle(el)).to.equal('About you');
    expect(find(el, '#progress-text').textContent).to.equal('Page 1 of 3');
    const bar = find<HTMLProgressElement>(el, 'progress');
    expect([bar.value, bar.max, bar.getAttribute('aria-valuetext')]).to.deep.equal([
      1,
      3,
      'Page 1 of 3',
    ]);
    expect(() => button(el, 'Back')).to.throw(); // no Back on the first page
  });

  it('speaks Spanish: labels from the definition and its own strings', async () => {
    const el = await mountForm('wtr-render-three', key, { locale: 'es' });
    // The Spanish strings arrive in their own chunk; `button` throws, which would end the wait at once.
    const hasNext = () =>
      deepQueryAll(el.shadowRoot!, 'button').some((b) => b.textContent?.trim() === 'Siguiente');
    await waitUntil(hasNext, 'Spanish strings did not load');
    expect(el.getAttribute('lang')).to.equal('es');
    expect(pageTitle(el)).to.equal('Sobre usted');
    expect(
      find(el, '[name="first_name"]').shadowRoot!.querySelector('label')!.textContent,
    ).to.contain('Nombre');
    expect(find(el, '#progress-text').textContent).to.equal('Página 1 de 3');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('lays out right to left for an RTL locale', async () => {
    const el = await mountForm('wtr-render-three', key, { locale: 'ar' });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(find(el, '[part~="actions"]')).direction).to.equal('rtl');
    // The Save button sits at the inline end: in RTL, left of Next.
    const next = button(el, 'Next').getBoundingClientRect();
    const save = button(el, 'Save and continue later').getBoundingClientRect();
    expect(save.left).to.be.lessThan(next.left);
  });

  it('says the form is not available for an unknown form key', async () => {
    const el = await mountForm('no-such-form', key);
    expect(el.phase).to.deep.equal({ kind: 'error', code: 'notFound' });
    expect(find(el, '[role="alert"]').textContent).to.contain('This form is not available');
  });

  it('reports a network failure with a retry button, and retrying loads the form', async () => {
    const el = await render<TcrmIntakeForm>(
      html`<tcrm-intake-form
        form-key="wtr-render-three"
        publishable-key=${key}
        api-url="http://127.0.0.1:9"
      ></tcrm-intake-form>`,
    );
    await waitUntil(() => el.phase.kind === 'error', 'no error state', { timeout: 10_000 });
    expect(el.phase).to.deep.equal({ kind: 'error', code: 'network' });
    expect(await axeViolations(el)).to.deep.equal([]);
    el.apiUrl = location.origin;
    await el.updateComplete;
    await waitUntil(() => el.phase.kind === 'ready', 'did not recover', { timeout: 10_000 });
  });

  it('refuses to guess without a provider or a key', async () => {
    const el = await render<TcrmIntakeForm>(
      html`<tcrm-intake-form form-key="wtr-render-three"></tcrm-intake-form>`,
    );
    await waitUntil(() => el.phase.kind === 'error', 'no error state');
    expect(el.phase).to.deep.equal({ kind: 'error', code: 'config' });
  });

  it('works inside a tcrm-provider without attributes of its own', async () => {
    const root = await render<HTMLElement>(
      html`<tcrm-provider publishable-key=${key} api-url=${location.origin} locale="en"
        ><tcrm-intake-form form-key="wtr-render-three"></tcrm-intake-form
      ></tcrm-provider>`,
    );
    const el = root.querySelector('tcrm-intake-form')!;
    await waitUntil(() => el.phase.kind === 'ready', 'did not load through the provider', {
      timeout: 10_000,
    });
    expect(pageTitle(el)).to.equal('About you');
  });
});
