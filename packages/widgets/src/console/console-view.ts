import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { consoleStyles } from './console.styles.js';
import type { ConsoleContext } from './console-context.js';
import type { ConsoleKey } from './i18n/en.js';
import { errorCode } from './api.js';

/**
 * Base of every console view. The shell sets `ctx`; a view renders an `<h1
 * tabindex="-1">` first thing so the shell can move focus there when the
 * route changes (screen-reader users hear where they are).
 */
export class ConsoleView extends LitElement {
  static override styles: CSSResultGroup = [consoleStyles];
  static override properties: PropertyDeclarations = { ctx: { attribute: false } };

  declare ctx: ConsoleContext;

  /** The view's title for `document.title` (never PHI: titles end up in history and tab lists). */
  get pageTitle(): string {
    return this.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
  }

  /** Moves focus to the view's heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  protected t(key: ConsoleKey, params?: Readonly<Record<string, string | number>>): string {
    return this.ctx.strings.t(key, params);
  }

  /** A failed call as a message in the user's language (server messages are English only). */
  protected errorMessage(error: unknown): string {
    switch (errorCode(error)) {
      case 'NETWORK_ERROR':
        return this.t('error.network');
      case 'RATE_LIMITED':
        return this.t('error.rateLimited');
      case 'FORBIDDEN':
        return this.t('app.forbidden');
      case 'NOT_FOUND':
        return this.t('app.notFound');
      default:
        return this.t('error.generic');
    }
  }
}
