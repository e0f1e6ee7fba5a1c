import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../api/api-client.js';
import { createConsoleApi, errorCode } from './api.js';
import { may, type ConsoleContext, type StaffMe } from './console-context.js';
import type { ConsoleView } from './console-view.js';
import { IdleTimer } from './idle-timer.js';
import { CONSOLE_LANGUAGES, ConsoleStrings } from './i18n/strings.js';
import { parseRoute, type Route } from './route.js';
import { shellStyles } from './console-app.styles.js';
import type { SignInStep } from './views/sign-in-view.js';

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Which role list guards each route (sign-in is open). */
const AREA = {
  inbox: 'inbox',
  submission: 'submission',
  forms: 'forms',
  form: 'formEdit',
  settings: 'settings',
  calendar: 'calendar',
  availability: 'availability',
  'appointment-types': 'appointmentTypes',
  payments: 'payments',
} as const;

/**
 * The staff console: hash router, session, idle logoff, language, and the
 * one status live region. Views are separate elements given a
 * {@link ConsoleContext}. Nothing is stored in the browser: the session is
 * the server's HttpOnly cookie, and data lives in view memory only.
 *
 * @summary therapyCRM staff console.
 */
export class TcrmConsoleApp extends LitElement {
  static override styles = [shellStyles];
  static override properties: PropertyDeclarations = {
    idleMinutes: { type: Number, attribute: 'idle-minutes' },
    locale: {},
    route: { state: true },
    me: { state: true },
    strings: { state: true },
    status: { state: true },
    notice: { state: true },
    idleSeconds: { state: true },
    ready: { state: true },
  };

  /** Client idle limit; match the server's STAFF_IDLE_TIMEOUT_MINUTES (15 by default). */
  declare idleMinutes: number;
  /** BCP 47 locale; defaults to the browser's (English or Spanish). */
  declare locale: string | undefined;
  declare route: Route;
  declare me: StaffMe | null;
  declare strings: ConsoleStrings;
  declare status: string;
  declare notice: string;
  declare idleSeconds: number | null;
  declare ready: boolean;

  readonly api: TcrmApi;
  #idle: IdleTimer | undefined;
  /** Where a signed-out visitor was going; opened after sign-in. */
  #returnTo = '';
  #context: ConsoleContext | undefined;

  constructor() {
    super();
    this.idleMinutes = 15;
    this.route = parseRoute(location.hash);
    this.me = null;
    this.strings = new ConsoleStrings('en');
    this.status = '';
    this.notice = '';
    this.idleSeconds = null;
    this.ready = false;
    this.api = createConsoleApi({
      // Only a session we believed in can "end"; a refused sign-in is not an expiry.
      onUnauthorized: () => this.me && this.#sessionEnded('session.ended'),
      onContact: () => this.#idle?.contact(),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#idle?.stop();
  }

  async #start(): Promise<void> {
    await this.#setLocale(this.locale ?? navigator.language);
    await this.#loadMe();
    this.ready = true;
  }

  async #setLocale(locale: string): Promise<void> {
    this.strings = await ConsoleStrings.load(locale);
    // The console owns its page: the document's language is the console's.
    document.documentElement.lang = this.strings.locale;
    document.documentElement.dir = this.strings.widgets.dir;
  }

  async #loadMe(): Promise<void> {
    try {
      this.me = await this.api.auth.me.query();
    } catch (error) {
      this.me = null;
      if (!['UNAUTHENTICATED', 'SESSION_EXPIRED'].includes(errorCode(error)))
        this.announce(this.strings.t('error.network'));
    }
    if (this.me?.mfa.verified) this.#startIdle();
  }

  #startIdle(): void {
    this.#idle?.stop();
    const limitMs = this.idleMinutes * 60_000;
    this.#idle = new IdleTimer({
      limitMs,
      warnMs: Math.min(120_000, limitMs / 2),
      ping: () => this.api.auth.me.query().catch(() => undefined),
      onWarn: (seconds) => (this.idleSeconds = seconds),
      onResume: () => (this.idleSeconds = null),
      onTimeout: () => {
        void this.api.auth.signOut.mutate(undefined).catch(() => undefined);
        this.#sessionEnded('idle.signedOut');
      },
    });
    this.#idle.start();
  }

  #sessionEnded(noticeKey: 'session.ended' | 'idle.signedOut' | 'session.signedOut'): void {
    this.#idle?.stop();
    this.idleSeconds = null;
    this.me = null;
    this.notice = this.strings.t(noticeKey);
    this.announce(this.notice);
    if (this.route.name !== 'sign-in') this.#returnTo = location.hash;
    this.navigate('#/sign-in');
  }

  #onHashChange = (): void => {
    this.route = parseRoute(location.hash);
  };

  navigate(hash: string): void {
    if (location.hash === hash) this.route = parseRoute(hash);
    else location.hash = hash;
  }

  /** Says `message` through the polite live region (cleared first so a repeat is announced again). */
  announce(message: string): void {
    this.status = '';
    requestAnimationFrame(() => (this.status = message));
  }

  async #onSignedIn(): Promise<void> {
    this.notice = '';
    await this.#loadMe();
    const next =
      this.#returnTo && !this.#returnTo.startsWith('#/sign-in') ? this.#returnTo : '#/inbox';
    this.#returnTo = '';
    this.navigate(next);
  }

  async #signOut(): Promise<void> {
    await this.api.auth.signOut.mutate(undefined).catch(() => undefined);
    this.#sessionEnded('session.signedOut');
    this.#returnTo = '';
  }

  get #ctx(): ConsoleContext {
    const { api, me, strings } = this;
    if (this.#context?.me !== me || this.#context.strings !== strings) {
      this.#context = {
        api,
        me,
        strings,
        announce: (m) => this.announce(m),
        navigate: (h) => this.navigate(h),
      };
    }
    return this.#context;
  }

  /** The route actually shown: sign-in until there is a verified session. */
  get #shown(): Route {
    if (!this.me?.mfa.verified) return { name: 'sign-in' };
    return this.route.name === 'sign-in' ? { name: 'inbox', status: 'new' } : this.route;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Remember a deep link opened while signed out.
    if (
      changed.has('route') &&
      this.ready &&
      !this.me?.mfa.verified &&
      this.route.name !== 'sign-in'
    )
      this.#returnTo = location.hash;
    if (
      changed.has('ready') &&
      this.ready &&
      !this.me?.mfa.verified &&
      this.route.name !== 'sign-in'
    )
      this.#returnTo = location.hash;
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('idleSeconds')) this.#manageIdleFocus(changed.get('idleSeconds') ?? null);
    const key = JSON.stringify(this.#shown);
    if (!this.ready || key === this.#focusedRoute) return;
    this.#focusedRoute = key;
    const view = this.renderRoot.querySelector('main > *') as
      (HTMLElement & Partial<ConsoleView>) | null;
    if (!view) return;
    await view.updateComplete;
    const heading = view.shadowRoot?.querySelector('h1') ?? view.querySelector('h1');
    document.title = `${heading?.textContent?.trim() ?? ''} — ${this.strings.t('app.name')}`;
    // Focus follows the view, except on first load, where the page's own start is right.
    if (changed.has('ready') && this.route.name === 'sign-in') return;
    heading?.focus();
  }

  /** The warning takes focus when it opens (it asks for a decision) and gives it back when it closes. */
  #manageIdleFocus(before: number | null): void {
    if (before === null && this.idleSeconds !== null) {
      this.#focusBeforeWarning = deepActiveElement();
      this.renderRoot.querySelector<HTMLElement>('[data-testid="idle-stay"]')?.focus();
    } else if (before !== null && this.idleSeconds === null) {
      this.#focusBeforeWarning?.focus();
      this.#focusBeforeWarning = null;
    }
  }
  #focusBeforeWarning: HTMLElement | null = null;
  #focusedRoute = '';

  protected override render() {
    const t = (k: Parameters<ConsoleStrings['t']>[0], p?: Record<string, string | number>) =>
      this.strings.t(k, p);
    const me = this.me?.mfa.verified ? this.me : null;
    return html`
      <button
        class="skip"
        @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}
      >
        ${t('app.skip')}
      </button>
      <header role="banner">
        <p class="brand">
          ${t('app.name')}${me ? html` · <span data-testid="practice-name">${me.practice.name}</span>` : nothing}
        </p>
        ${me ? this.#nav(me) : nothing}
        <div class="tools">
          <label for="locale">${t('app.language')}</label>
          <select
            id="locale"
            data-testid="locale-select"
            @change=${(e: Event) => void this.#setLocale((e.target as HTMLSelectElement).value)}
          >
            ${Object.keys(CONSOLE_LANGUAGES).map((l) => html`<option value=${l} ?selected=${this.strings.language === l}>${l === 'es' ? 'Español' : 'English'}</option>`)}
          </select>
          ${
            me
              ? html`<span class="who"
                    >${t('app.signedInAs', { name: me.user.displayName, role: t(`role.${me.role}`) })}</span
                  >
                  <button
                    class="secondary"
                    @click=${() => void this.#signOut()}
                    data-testid="sign-out"
                  >
                    ${t('app.signOut')}
                  </button>`
              : nothing
          }
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.ready ? this.#view() : html`<p>${t('app.loading')}</p>`}
      </main>
      <div class="status" role="status" aria-live="polite" data-testid="console-status">
        ${this.status}
      </div>
      ${this.idleSeconds !== null ? this.#idleWarning(this.idleSeconds) : nothing}
    `;
  }

  #nav(me: StaffMe) {
    const current = this.#shown.name;
    const link = (
      name:
        | 'inbox'
        | 'forms'
        | 'settings'
        | 'calendar'
        | 'availability'
        | 'appointment-types'
        | 'payments',
      area:
        | 'inbox'
        | 'forms'
        | 'settings'
        | 'calendar'
        | 'availability'
        | 'appointmentTypes'
        | 'payments',
      active: boolean,
    ) =>
      may(me, area)
        ? html`<li>
            <a href="#/${name}" aria-current=${active ? 'page' : nothing} data-testid="nav-${name}"
              >${this.strings.t(name === 'appointment-types' ? 'nav.appointmentTypes' : `nav.${name}`)}</a
            >
          </li>`
        : nothing;
    return html`<nav aria-label=${this.strings.t('app.nav')}>
      <ul>
        ${link('inbox', 'inbox', current === 'inbox' || current === 'submission')}
        ${link('forms', 'forms', current === 'forms' || current === 'form')}
        ${link('calendar', 'calendar', current === 'calendar')}
        ${link('availability', 'availability', current === 'availability')}
        ${link('appointment-types', 'appointmentTypes', current === 'appointment-types')}
        ${link('payments', 'payments', current === 'payments')}
        ${link('settings', 'settings', current === 'settings')}
      </ul>
    </nav>`;
  }

  #view() {
    const route = this.#shown;
    const ctx = this.#ctx;
    if (route.name === 'sign-in') {
      const step: SignInStep = this.me ? (this.me.mfa.enrolled ? 'verify' : 'enroll') : 'password';
      return html`<tcrm-console-sign-in
        .ctx=${ctx}
        .step=${step}
        .notice=${this.notice}
        @tcrm-console-signed-in=${() => void this.#onSignedIn()}
      ></tcrm-console-sign-in>`;
    }
    if (!may(this.me, AREA[route.name])) {
      return html`<section><h1 tabindex="-1">${this.strings.t('app.forbidden')}</h1></section>`;
    }
    switch (route.name) {
      case 'inbox':
        return html`<tcrm-console-inbox .ctx=${ctx} .filter=${route.status}></tcrm-console-inbox>`;
      case 'submission':
        return html`<tcrm-console-submission
          .ctx=${ctx}
          .submissionId=${route.id}
        ></tcrm-console-submission>`;
      case 'forms':
        return html`<tcrm-console-forms .ctx=${ctx}></tcrm-console-forms>`;
      case 'form':
        return html`<tcrm-console-form-editor
          .ctx=${ctx}
          .formId=${route.id}
        ></tcrm-console-form-editor>`;
      case 'settings':
        return html`<tcrm-console-settings .ctx=${ctx}></tcrm-console-settings>`;
      case 'calendar':
        return html`<tcrm-console-calendar
          .ctx=${ctx}
          .mode=${route.view}
          .date=${route.date}
        ></tcrm-console-calendar>`;
      case 'availability':
        return html`<tcrm-console-availability .ctx=${ctx}></tcrm-console-availability>`;
      case 'appointment-types':
        return html`<tcrm-console-appointment-types .ctx=${ctx}></tcrm-console-appointment-types>`;
      case 'payments':
        return html`<tcrm-console-payments
          .ctx=${ctx}
          .filter=${route.status}
        ></tcrm-console-payments>`;
    }
  }

  #idleWarning(seconds: number) {
    return html`<div
      class="idle"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      data-testid="idle-warning"
    >
      <h2 id="idle-title">${this.strings.t('idle.title')}</h2>
      <p id="idle-body">${this.strings.t('idle.body', { seconds })}</p>
      <button @click=${() => this.#idle?.keepAlive()} data-testid="idle-stay">
        ${this.strings.t('idle.stay')}
      </button>
    </div>`;
  }
}
