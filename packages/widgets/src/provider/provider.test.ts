import { ContextConsumer, createContext } from '@lit/context';
import { expect, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { TcrmTextField } from '../text-field/text-field.js';
import { TcrmElement } from '../internal/tcrm-element.js';
import { installFakeApi, PROFILE } from '../testing/fake-api.js';
import { axeViolations } from '../testing/axe.js';
import { render, settle } from '../testing/fixtures.js';
import type { TcrmProvider } from './provider.js';

/** A minimal widget: shows what its context gives it. */
class ProbeWidget extends TcrmElement {
  override render() {
    const practice = this.tcrm.practice;
    return html`<p>${practice.status === 'ready' ? practice.profile.name : practice.status}</p>
      <p id="locale">${this.tcrm.locale}</p>
      <p id="signed-in">${String(this.tcrm.session?.signedIn ?? 'none')}</p>
      <slot></slot>`;
  }
  get context() {
    return this.tcrm;
  }
}
customElements.define('probe-widget', ProbeWidget);

const text = (el: Element, selector = 'p') => el.shadowRoot!.querySelector(selector)!.textContent;

describe('tcrm-provider', () => {
  let api: ReturnType<typeof installFakeApi> | undefined;
  afterEach(() => api?.restore());

  async function provider(attrs = html``) {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider publishable-key="pk_live_1" api-url="http://api.test/" locale="en-US">
        <probe-widget></probe-widget>${attrs}
      </tcrm-provider>`,
    );
    const widget = el.querySelector('probe-widget')!;
    await waitUntil(() => el.practice.status !== 'loading', 'the profile request settles');
    await settle(el);
    return { el, widget };
  }

  it('fetches the practice profile once, with the publishable key, and gives it to widgets', async () => {
    api = installFakeApi((path) => (path === 'practice.publicProfile' ? PROFILE : null));
    const { widget } = await provider();
    expect(text(widget)).to.equal('Calm Waters Counseling');
    expect(api.requests).to.have.length(1);
    expect(api.requests[0]!.headers.get('x-tcrm-publishable-key')).to.equal('pk_live_1');
    expect(api.requests[0]!.headers.has('authorization')).to.equal(false);
  });

  it('without api-url, calls the server the script was loaded from', async () => {
    api = installFakeApi(() => PROFILE);
    const el = await render<TcrmProvider>(
      html`<tcrm-provider publishable-key="pk_1"></tcrm-provider>`,
    );
    await waitUntil(() => el.practice.status === 'ready', 'the profile arrives');
    expect(api.requests[0]!.url.origin).to.equal(new URL(import.meta.url).origin);
    expect(api.requests[0]!.url.pathname).to.equal('/trpc/practice.publicProfile');
  });

  it('reports a practice that cannot load by its code', async () => {
    api = installFakeApi(() => {
      throw { appCode: 'FORBIDDEN' };
    });
    const { el } = await provider();
    expect(el.practice).to.deep.equal({ status: 'error', code: 'FORBIDDEN' });
  });

  it('sends the in-memory session as a bearer token and stores nothing in the browser', async () => {
    api = installFakeApi(() => PROFILE);
    const { el, widget } = await provider();
    el.session!.signIn('session-token-1');
    await settle(el);
    expect(text(widget, '#signed-in'), 'widgets re-render on sign-in').to.equal('true');
    await el.api!.practice.publicProfile.query();
    expect(api.requests.at(-1)!.headers.get('authorization')).to.equal('Bearer session-token-1');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
    expect(await indexedDB.databases()).to.deep.equal([]);
  });

  it('ends the session when the server says it expired', async () => {
    let expired = false;
    api = installFakeApi(() => {
      if (expired) throw { appCode: 'SESSION_EXPIRED' };
      return PROFILE;
    });
    const { el } = await provider();
    el.session!.signIn('t');
    expired = true;
    await el.api!.practice.publicProfile.query().catch(() => {});
    expect(el.session!.signedIn).to.equal(false);
  });

  it('provides under Symbol.for keys, so a second bundle copy finds it', async () => {
    api = installFakeApi(() => PROFILE);
    const { el } = await provider();
    // A context object made independently, as another copy of the bundle would.
    const otherCopyLocale = createContext<string>(Symbol.for('tcrm.locale'));
    class OtherCopy extends LitElement {
      seen = '';
      constructor() {
        super();
        new ContextConsumer(this, { context: otherCopyLocale, callback: (v) => (this.seen = v) });
      }
    }
    customElements.define('other-copy', OtherCopy);
    const other = document.createElement('other-copy') as OtherCopy;
    el.append(other);
    expect(other.seen).to.equal('en-US');
  });

  it('sets lang and dir from the locale, right to left for Arabic, Hebrew, Persian, Urdu', async () => {
    api = installFakeApi(() => PROFILE);
    const { el } = await provider();
    expect([el.lang, el.dir]).to.deep.equal(['en-US', 'ltr']);
    for (const locale of ['ar', 'he-IL', 'fa', 'ur']) {
      el.locale = locale;
      await settle(el);
      expect([el.lang, el.dir]).to.deep.equal([locale, 'rtl']);
    }
  });

  it('keeps a dir the page author set', async () => {
    api = installFakeApi(() => PROFILE);
    const el = await render<TcrmProvider>(
      html`<tcrm-provider dir="ltr" locale="ar"></tcrm-provider>`,
    );
    expect(el.dir).to.equal('ltr');
  });

  it('a nested provider without a locale speaks its parent’s', async () => {
    const outer = await render<TcrmProvider>(
      html`<tcrm-provider locale="es"
        ><tcrm-provider appearance='{"theme":"dark"}'><probe-widget></probe-widget></tcrm-provider
      ></tcrm-provider>`,
    );
    const inner = outer.querySelector<TcrmProvider>('tcrm-provider')!;
    expect(text(inner.querySelector('probe-widget')!, '#locale')).to.equal('es');
    expect(inner.lang).to.equal('es');
    outer.locale = 'ar';
    await settle(outer);
    expect([inner.lang, inner.dir]).to.deep.equal(['ar', 'rtl']);
  });

  it('falls back to the browser language', async () => {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider><probe-widget></probe-widget></tcrm-provider>`,
    );
    expect(text(el.querySelector('probe-widget')!, '#locale')).to.equal(navigator.language);
  });

  it('gives fields inside widgets the locale, across shadow roots', async () => {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider locale="es"
        ><tcrm-text-field label="Correo" type="email" required></tcrm-text-field
      ></tcrm-provider>`,
    );
    const field = el.querySelector<TcrmTextField>('tcrm-text-field')!;
    field.reportValidity();
    const error = () => field.shadowRoot!.querySelector('[part=error]')!.textContent;
    await waitUntil(
      () => error() === 'Este campo es obligatorio.',
      `Spanish error, got "${error()}"`,
    );
  });

  it('maps appearance to the theme attribute and --tcrm-* properties, removing stale ones', async () => {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider
        appearance='{"theme":"dark","variables":{"colorPrimary":"#00ff88"}}'
      ></tcrm-provider>`,
    );
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).getPropertyValue('--tcrm-color-primary').trim()).to.equal(
      '#00ff88',
    );
    expect(getComputedStyle(el).getPropertyValue('--tcrm-color-background').trim()).to.equal(
      '#111418',
    );
    el.appearance = { theme: 'light', variables: { borderRadius: '0px' } };
    await settle(el);
    expect(getComputedStyle(el).getPropertyValue('--tcrm-color-primary').trim()).to.equal(
      '#1d4ed8',
    );
    expect(getComputedStyle(el).getPropertyValue('--tcrm-border-radius').trim()).to.equal('0px');
  });
});

describe('a widget without a provider', () => {
  let api: ReturnType<typeof installFakeApi> | undefined;
  afterEach(() => api?.restore());

  it('given publishable-key and api-url, becomes its own provider for what is inside it', async () => {
    api = installFakeApi(() => PROFILE);
    const widget = await render<ProbeWidget>(
      html`<probe-widget publishable-key="pk_1" api-url="http://api.test" locale="es"
        ><tcrm-yes-no label="¿Sí?"></tcrm-yes-no
      ></probe-widget>`,
    );
    await waitUntil(() => text(widget) === 'Calm Waters Counseling', 'the profile arrives');
    expect(widget.context.api).to.not.equal(undefined);
    expect(widget.getAttribute('theme')).to.equal('light');
    expect(widget.querySelector('tcrm-yes-no')!.shadowRoot!.textContent).to.contain('Sí');
  });

  it('inside a provider, uses the provider and declares no theme of its own', async () => {
    api = installFakeApi(() => PROFILE);
    const el = await render<TcrmProvider>(
      html`<tcrm-provider publishable-key="pk" api-url="http://api.test"
        ><probe-widget></probe-widget
      ></tcrm-provider>`,
    );
    await waitUntil(() => el.practice.status === 'ready', 'the profile arrives');
    await settle(el);
    const widget = el.querySelector<ProbeWidget>('probe-widget')!;
    expect(widget.hasAttribute('theme')).to.equal(false);
    expect(widget.context.api).to.equal(el.api);
    expect(api.requests).to.have.length(1);
  });

  it('has no axe violations in a dark provider', async () => {
    api = installFakeApi(() => PROFILE);
    const el = await render<TcrmProvider>(
      html`<tcrm-provider
        appearance='{"theme":"dark"}'
        publishable-key="pk"
        api-url="http://api.test"
        ><probe-widget></probe-widget
      ></tcrm-provider>`,
    );
    await waitUntil(() => el.practice.status === 'ready', 'the profile arrives');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
