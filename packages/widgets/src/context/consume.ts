import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TcrmApi } from '../api/api-client.js';
import { catalogueIfLoaded, loadCatalogue } from '../i18n/catalogues.js';
import { languageOf, resolveLocale } from '../i18n/locale.js';
import { Translator } from '../i18n/translator.js';
import {
  apiContext,
  localeContext,
  practiceContext,
  sessionContext,
  type PracticeState,
} from './keys.js';
import type { ProviderController } from './provider-controller.js';
import type { ClientSession } from './session.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

export interface ConsumeOptions {
  /** Also consume the API, practice and session (widgets); fields need only the locale. */
  readonly api?: boolean;
}

/**
 * What a tcrm element reads from its surroundings: from its own provider
 * controller when it has one, else from the nearest `<tcrm-provider>` (or
 * providing widget) above it, across shadow roots. Re-renders the host when
 * any of it changes, including sign-in/out and a lazily loaded catalogue.
 */
export class TcrmContext implements ReactiveController {
  #host: Host;
  #own: ProviderController | undefined;
  #api: TcrmApi | undefined;
  #practice: PracticeState = { status: 'loading' };
  #session: ClientSession | undefined;
  #locale: string | undefined;
  #translator: Translator | undefined;
  #onSession = () => this.#host.requestUpdate();

  constructor(host: Host, options: ConsumeOptions = {}) {
    this.#host = host;
    host.addController(this);
    this.#consume(localeContext, (v) => (this.#locale = v));
    if (options.api) {
      this.#consume(apiContext, (v) => (this.#api = v));
      this.#consume(practiceContext, (v) => (this.#practice = v));
      this.#consume(sessionContext, (v) => {
        this.#session?.removeEventListener('change', this.#onSession);
        this.#session = v;
        if (host.isConnected) v.addEventListener('change', this.#onSession);
      });
    }
  }

  #consume<T>(context: Context<unknown, T>, set: (value: T) => void): void {
    new ContextConsumer(this.#host, {
      context,
      subscribe: true,
      callback: (value: T) => {
        set(value);
        this.#host.requestUpdate();
      },
    });
  }

  /** Makes reads come from the element's own provider (a widget given `publishable-key`). */
  useOwnProvider(own: ProviderController): void {
    this.#own = own;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.session?.addEventListener('change', this.#onSession);
  }

  hostDisconnected(): void {
    this.session?.removeEventListener('change', this.#onSession);
  }

  /** The typed API client; undefined outside any provider. */
  get api(): TcrmApi | undefined {
    return this.#own?.api ?? this.#api;
  }

  get practice(): PracticeState {
    return this.#own ? this.#own.practice : this.#practice;
  }

  get session(): ClientSession | undefined {
    return this.#own?.session ?? this.#session;
  }

  /** The locale of the provider around the host (not the host's own provider). */
  get contextLocale(): string | undefined {
    return this.#locale;
  }

  /** The element's `locale`, else the provider's, else the browser's. */
  get locale(): string {
    return resolveLocale(this.#host.locale, this.#own?.locale, this.#locale);
  }

  /**
   * Messages in the current locale. While a catalogue loads (Spanish is
   * fetched on first use) this is English and the host re-renders once
   * the catalogue arrives.
   */
  get translator(): Translator {
    const locale = this.locale;
    if (this.#translator?.locale === locale) return this.#translator;
    const language = languageOf(locale);
    const catalogue = catalogueIfLoaded(language);
    if (!catalogue) {
      void loadCatalogue(language).then(() => this.#host.requestUpdate());
      return new Translator(locale);
    }
    return (this.#translator = new Translator(locale, catalogue));
  }
}

/** Gives `host` the tcrm context (see {@link TcrmContext}). Call in the constructor. */
export function consumeTcrm(host: Host, options?: ConsumeOptions): TcrmContext {
  return new TcrmContext(host, options);
}
