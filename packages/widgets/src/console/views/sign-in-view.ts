import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleView } from '../console-view.js';
import { errorCode, errorDetails } from '../api.js';

export type SignInStep = 'password' | 'choose' | 'verify' | 'enroll';

/** Fired when password and second factor are done; the shell loads the session. */
export class ConsoleSignedInEvent extends Event {
  constructor() {
    super('tcrm-console-signed-in', { bubbles: true, composed: true });
  }
}

/**
 * Staff sign-in: e-mail and password, then the TOTP code from an
 * authenticator app, or, for an account without one, enrolment (the setup
 * key and otpauth URI as text, then a first code). The session token is an
 * HttpOnly cookie the server sets; nothing here stores anything.
 */
export class ConsoleSignInView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    step: {},
    notice: {},
    error: { state: true },
    busy: { state: true },
    enrolment: { state: true },
    practices: { state: true },
  };

  /** Set by the shell when a session exists but still needs its second factor. */
  declare step: SignInStep;
  /** Why the user is here (idle logoff, expired session), shown above the form. */
  declare notice: string;
  declare error: string;
  declare busy: boolean;
  declare enrolment: { otpauthUri: string; secret: string } | null;
  declare practices: readonly { id: string; name: string }[];
  /** Kept only between the password and the practice choice, in memory. */
  #credentials: { email: string; password: string } | null = null;

  constructor() {
    super();
    this.step = 'password';
    this.notice = '';
    this.error = '';
    this.busy = false;
    this.enrolment = null;
    this.practices = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('step') && this.step === 'enroll' && !this.enrolment)
      void this.#startEnrolment();
    // A new step is a new screen: say so by moving focus to its heading.
    if (changed.has('step') && changed.get('step') !== undefined) void this.focusHeading();
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await action();
    } catch (error) {
      this.error = this.#message(error);
    } finally {
      this.busy = false;
    }
  }

  #message(error: unknown): string {
    const code = errorCode(error);
    const codeStep = this.step === 'verify' || this.step === 'enroll';
    // The half-signed-in session ended (idle, or signed out elsewhere): start again with the password.
    if (codeStep && (code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED')) {
      this.enrolment = null;
      this.step = 'password';
      return this.t('session.ended');
    }
    if (code === 'UNAUTHENTICATED') return this.t('signIn.refused');
    if (code === 'VALIDATION_FAILED' && (this.step === 'verify' || this.step === 'enroll')) {
      return errorDetails(error)['reason'] === 'invalid_code'
        ? this.t('mfa.invalidCode')
        : this.t('mfa.codeFormat');
    }
    return this.errorMessage(error);
  }

  #signIn(practiceId?: string): Promise<void> {
    return this.#run(async () => {
      const credentials = this.#credentials!;
      const result = await this.ctx.api.auth.signIn.mutate({
        ...credentials,
        ...(practiceId ? { practiceId } : {}),
      });
      if (result.status === 'choose_practice') {
        this.practices = result.practices;
        this.step = 'choose';
        return;
      }
      this.#credentials = null;
      this.step = result.mfa;
    });
  }

  #onPassword(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.#credentials = {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    };
    void this.#signIn();
  }

  #onPractice(event: SubmitEvent): void {
    event.preventDefault();
    const practiceId = new FormData(event.target as HTMLFormElement).get('practice');
    if (typeof practiceId === 'string') void this.#signIn(practiceId);
  }

  #startEnrolment(): Promise<void> {
    return this.#run(async () => {
      try {
        this.enrolment = await this.ctx.api.auth.mfa.startEnrolment.mutate(undefined);
      } catch (error) {
        // Enrolled meanwhile (another tab): verify instead.
        if (errorCode(error) === 'CONFLICT') this.step = 'verify';
        else throw error;
      }
    });
  }

  #onCode(event: SubmitEvent): void {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').replace(
      /\s/g,
      '',
    );
    void this.#run(async () => {
      if (this.step === 'enroll') await this.ctx.api.auth.mfa.confirmEnrolment.mutate({ code });
      else await this.ctx.api.auth.mfa.verify.mutate({ code });
      this.enrolment = null;
      this.dispatchEvent(new ConsoleSignedInEvent());
    });
  }

  #startOver(): void {
    void this.ctx.api.auth.signOut.mutate(undefined).catch(() => undefined);
    this.#credentials = null;
    this.enrolment = null;
    this.error = '';
    this.step = 'password';
  }

  protected override render() {
    const title = {
      password: 'signIn.title',
      choose: 'signIn.choosePractice',
      verify: 'mfa.verifyTitle',
      enroll: 'mfa.enrolTitle',
    } as const;
    return html`
      <h1 tabindex="-1">${this.t(title[this.step])}</h1>
      ${this.notice ? html`<p class="notice" data-testid="session-ended">${this.notice}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert" data-testid="sign-in-error">${this.error}</p>` : nothing}
      ${this.step === 'password' ? this.#passwordForm() : this.step === 'choose' ? this.#practiceForm() : this.#codeForm()}
    `;
  }

  #passwordForm() {
    return html`<form
      data-testid="sign-in-form"
      @submit=${this.#onPassword}
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      <div class="row">
        <label for="email">${this.t('signIn.email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          data-testid="sign-in-email"
        />
      </div>
      <div class="row">
        <label for="password">${this.t('signIn.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          data-testid="sign-in-password"
        />
      </div>
      <button type="submit" ?disabled=${this.busy} data-testid="sign-in-submit">
        ${this.busy ? this.t('signIn.busy') : this.t('signIn.submit')}
      </button>
    </form>`;
  }

  #practiceForm() {
    return html`<form @submit=${this.#onPractice}>
      <fieldset>
        <legend>${this.t('signIn.choosePractice')}</legend>
        ${this.practices.map(
          (p, i) =>
            html`<div>
              <input
                type="radio"
                id="p-${i}"
                name="practice"
                value=${p.id}
                ?checked=${i === 0}
              /><label for="p-${i}">${p.name}</label>
            </div>`,
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('signIn.continue')}</button>
      </div>
    </form>`;
  }

  #codeForm() {
    const enrol = this.step === 'enroll';
    return html`
      <p>${this.t(enrol ? 'mfa.enrolHelp' : 'mfa.verifyHelp')}</p>
      ${
        enrol && this.enrolment
          ? html`<dl class="enrolment">
              <dt>${this.t('mfa.secret')}</dt>
              <dd><code data-testid="mfa-enrol-secret">${this.enrolment.secret}</code></dd>
              <dt>${this.t('mfa.uri')}</dt>
              <dd><code data-testid="mfa-enrol-uri">${this.enrolment.otpauthUri}</code></dd>
            </dl>`
          : nothing
      }
      <form data-testid="mfa-form" @submit=${this.#onCode}>
        <div class="row">
          <label for="code">${this.t('mfa.code')}</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="\\s*\\d{3}\\s*\\d{3}\\s*"
            maxlength="7"
            required
            data-testid="mfa-code"
          />
        </div>
        <div class="actions">
          <button
            type="submit"
            ?disabled=${this.busy || (enrol && !this.enrolment)}
            data-testid="mfa-submit"
          >
            ${this.t('mfa.submit')}
          </button>
          <button type="button" class="secondary" @click=${this.#startOver}>
            ${this.t('mfa.startOver')}
          </button>
        </div>
      </form>
    `;
  }
}
