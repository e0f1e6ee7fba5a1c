import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createApiClient, type TcrmApi } from '../api/api-client.js';
import { TcrmApiError } from '../api/api-error.js';
import { resolveLocale } from '../i18n/locale.js';
import {
  apiContext,
  localeContext,
  practiceContext,
  sessionContext,
  type PracticeState,
} from './keys.js';
import { ClientSession } from './session.js';

/** The attributes that make an element a source of tcrm context. */
export interface ProviderSettings {
  publishableKey?: string | undefined;
  apiUrl?: string | undefined;
  locale?: string | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & ProviderSettings;

/**
 * Where this script was loaded from. The server serves the bundles at
 * /widgets/*, so a page that loads them from the practice's therapyCRM
 * server needs no `api-url`; one that self-hosts the files must set it.
 */
function bundleOrigin(): string {
  return new URL(import.meta.url).origin;
}

/** Header the server reads the publishable key from (server: trpc/context.ts). */
export const PUBLISHABLE_KEY_HEADER = 'x-tcrm-publishable-key';

/**
 * Provides the four tcrm contexts from one element: `<tcrm-provider>`, or a
 * widget given `publishable-key` and `api-url` without a provider. The API
 * client and the practice profile are rebuilt only when the key or URL
 * change; the session lives as long as this controller (memory only).
 */
export class ProviderController implements ReactiveController {
  readonly session = new ClientSession();
  api: TcrmApi | undefined;
  practice: PracticeState = { status: 'loading' };
  locale = 'en';

  #host: Host;
  #endpoint = '';
  #api: ContextProvider<typeof apiContext>;
  #practice: ContextProvider<typeof practiceContext>;
  #locale: ContextProvider<typeof localeContext>;

  #outerLocale: () => string | undefined;

  /** `outerLocale`: the locale of a provider around this one, used when the host sets none. */
  constructor(host: Host, outerLocale: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#outerLocale = outerLocale;
    host.addController(this);
    this.#api = new ContextProvider(host, { context: apiContext });
    this.#practice = new ContextProvider(host, {
      context: practiceContext,
      initialValue: this.practice,
    });
    this.#locale = new ContextProvider(host, { context: localeContext });
    new ContextProvider(host, { context: sessionContext, initialValue: this.session });
  }

  /** Runs before every host update: picks up attribute changes. */
  hostUpdate(): void {
    const { publishableKey } = this.#host;
    const apiUrl = this.#host.apiUrl || bundleOrigin();
    this.locale = resolveLocale(this.#host.locale, this.#outerLocale());
    this.#locale.setValue(this.locale);
    const endpoint =
      publishableKey && apiUrl ? `${apiUrl.replace(/\/$/, '')}/trpc ${publishableKey}` : '';
    if (endpoint === this.#endpoint) return;
    this.#endpoint = endpoint;
    this.api = publishableKey && apiUrl ? this.#createApi(apiUrl, publishableKey) : undefined;
    this.#api.setValue(this.api as TcrmApi);
    void this.#loadPractice(endpoint);
  }

  #createApi(apiUrl: string, publishableKey: string): TcrmApi {
    return createApiClient({
      url: `${apiUrl.replace(/\/$/, '')}/trpc`,
      headers: () => {
        const headers: Record<string, string> = { [PUBLISHABLE_KEY_HEADER]: publishableKey };
        if (this.session.token) headers['authorization'] = `Bearer ${this.session.token}`;
        return headers;
      },
      onUnauthorized: () => this.session.signOut(),
    });
  }

  async #loadPractice(endpoint: string): Promise<void> {
    // Called from hostUpdate: the host is already rendering, so no requestUpdate.
    if (!this.api) return this.#setPractice({ status: 'error', code: 'NOT_CONFIGURED' }, false);
    this.#setPractice({ status: 'loading' }, false);
    let next: PracticeState;
    try {
      next = { status: 'ready', profile: await this.api.practice.publicProfile.query() };
    } catch (error) {
      next = { status: 'error', code: error instanceof TcrmApiError ? error.code : 'UNKNOWN' };
    }
    // A newer key or URL may have been set while this one was loading.
    if (endpoint === this.#endpoint) this.#setPractice(next);
  }

  #setPractice(state: PracticeState, render = true): void {
    this.practice = state;
    this.#practice.setValue(state);
    if (render) this.#host.requestUpdate();
  }
}
