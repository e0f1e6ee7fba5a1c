import { css } from 'lit';
import { DARK_TOKENS, LIGHT_TOKENS, declarations } from './tokens.js';

/**
 * Keyed on the `theme` attribute, which only a providing element has (set
 * by applyAppearance): a widget inside a provider must not redeclare the
 * tokens, or it would hide the provider's theme from its subtree.
 *
 * Theme of a provider (or a standalone widget acting as its own provider):
 * declares every `--tcrm-*` token on the host so all descendants, across
 * shadow roots, inherit them. Page CSS on the element itself wins
 * (`tcrm-provider { --tcrm-color-primary: … }`), and `appearance.variables`
 * (inline) wins over both.
 */
export const themeStyles = css`
  :host([theme]) {
    ${declarations(LIGHT_TOKENS)}
    color-scheme: light;
    color: var(--tcrm-color-text);
    background-color: var(--tcrm-color-background);
    font-family: var(--tcrm-font-family);
    font-size: var(--tcrm-font-size-base);
    line-height: 1.5;
  }
  :host([theme='dark']) {
    ${declarations(DARK_TOKENS)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${declarations(DARK_TOKENS)}
      color-scheme: dark;
    }
  }
`;
