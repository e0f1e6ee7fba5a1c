import {
  LitElement,
  type PropertyValues,
  type PropertyDeclarations,
  type CSSResultGroup,
} from 'lit';
import { consumeTcrm, type TcrmContext } from '../context/consume.js';
import { ProviderController } from '../context/provider-controller.js';
import { applyAppearance, type Appearance } from '../theme/appearance.js';
import { withBranding } from '../theme/branding.js';
import { themeStyles } from '../theme/theme.styles.js';
import { syncHostLanguage } from './host-language.js';

/**
 * Base of `<tcrm-provider>` and of every widget (intake form, booking…).
 * Inside a provider it reads the provider's context. Given
 * `publishable-key` (and `api-url`) itself, it becomes its own provider:
 * API client, practice profile, in-memory session, theme and language.
 */
export class TcrmElement extends LitElement {
  static override styles: CSSResultGroup = [themeStyles];

  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    apiUrl: { attribute: 'api-url' },
    locale: { reflect: false },
    appearance: { type: Object },
  };

  /** Publishable key of the practice (safe in a page; origins are checked by the server). */
  declare publishableKey: string | undefined;
  /** Origin of the therapyCRM server; defaults to the origin this script was loaded from. */
  declare apiUrl: string | undefined;
  /** BCP 47 locale; defaults to the provider's, else the browser's. */
  declare locale: string | undefined;
  /**
   * Theme and variables (see {@link Appearance}); JSON in the attribute. The
   * practice's brand colour fills in `colorPrimary` when this leaves it out.
   */
  declare appearance: Appearance | undefined;

  /** API, practice, session and locale, from wherever they come. */
  protected readonly tcrm: TcrmContext = consumeTcrm(this, { api: true });

  /** This element's own provider, when it is one. */
  protected provider: ProviderController | undefined;

  #appliedAppearance: string | undefined;

  /** True for elements that always provide (the provider element). */
  protected get alwaysProvides(): boolean {
    return false;
  }

  override connectedCallback(): void {
    // Decided on connection, when attributes are known; created before
    // super so its context providers see hostConnected.
    if (!this.provider && (this.alwaysProvides || this.hasAttribute('publishable-key'))) {
      this.provider = new ProviderController(this, () => this.tcrm.contextLocale);
      this.tcrm.useOwnProvider(this.provider);
    }
    super.connectedCallback();
  }

  protected override update(changed: PropertyValues<this>): void {
    if (this.provider) {
      const practice = this.provider.practice;
      const branding = practice.status === 'ready' ? practice.profile.branding : undefined;
      const appearance = withBranding(this.appearance, branding);
      // Re-applied only when it changes (the profile arrives, or the page sets a new appearance).
      const key = JSON.stringify(appearance ?? null);
      if (key !== this.#appliedAppearance) {
        this.#appliedAppearance = key;
        applyAppearance(this, appearance);
      }
      const translator = this.tcrm.translator;
      syncHostLanguage(this, translator.locale, translator.dir);
    }
    super.update(changed);
  }
}
