import { html, type CSSResultGroup } from 'lit';
import { TcrmElement } from '../internal/tcrm-element.js';
import { providerStyles } from './provider.styles.js';

/**
 * Supplies everything tcrm widgets inside it share: the typed API client,
 * the practice's public profile (fetched once), the client session (in
 * memory only) and the locale, through `@lit/context` with keys made by
 * `Symbol.for('tcrm.*')`. Also the theme: `--tcrm-*` tokens for light or
 * dark, overridden by `appearance.variables`, and `lang`/`dir` from the
 * locale (Arabic, Hebrew, Persian and Urdu lay out right to left).
 *
 * @summary Context, theme and language for the widgets inside it.
 *
 * @slot - Widgets and any page content.
 *
 * @cssproperty --tcrm-color-background - Page background behind the widgets.
 * @cssproperty --tcrm-color-surface - Background of inputs.
 * @cssproperty --tcrm-color-text - Body text.
 * @cssproperty --tcrm-color-text-secondary - Descriptions and hints.
 * @cssproperty --tcrm-color-primary - Selected controls and buttons.
 * @cssproperty --tcrm-color-on-primary - Text on primary backgrounds.
 * @cssproperty --tcrm-color-border - Input borders (≥ 3:1 against the background).
 * @cssproperty --tcrm-color-danger - Error text and invalid borders.
 * @cssproperty --tcrm-color-focus - Focus ring.
 * @cssproperty --tcrm-border-radius - Corner radius of controls.
 * @cssproperty --tcrm-font-family - Font of every widget.
 * @cssproperty --tcrm-font-size-base - Base font size.
 * @cssproperty --tcrm-spacing-unit - Spacing step; gaps are multiples of it.
 * @cssproperty --tcrm-focus-ring-width - Width of the focus outline.
 */
export class TcrmProvider extends TcrmElement {
  static override styles: CSSResultGroup = [TcrmElement.styles, providerStyles];

  protected override get alwaysProvides(): boolean {
    return true;
  }

  /** The client session: call `signIn(token)` after the e-mail code flow. */
  get session() {
    return this.tcrm.session;
  }

  /** The typed API client (undefined until both `publishable-key` and `api-url` are set). */
  get api() {
    return this.tcrm.api;
  }

  /** The practice profile as it loads. */
  get practice() {
    return this.tcrm.practice;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
