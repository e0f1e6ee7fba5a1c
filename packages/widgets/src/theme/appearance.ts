import { tokenProperty, type TokenName } from './tokens.js';

/**
 * How widgets look, in the spirit of Stripe's Appearance API:
 * `{ theme: 'dark', variables: { colorPrimary: '#0a7d5a', borderRadius: '12px' } }`.
 * `auto` follows the visitor's `prefers-color-scheme`.
 */
export interface Appearance {
  readonly theme?: 'light' | 'dark' | 'auto';
  readonly variables?: Partial<Record<TokenName, string>>;
}

/** Properties (`--tcrm-*`) set inline by the last call, per host, so a change removes stale ones. */
const applied = new WeakMap<HTMLElement, readonly string[]>();

/**
 * Reflects `appearance.theme` to the host's `theme` attribute (the theme
 * styles key on it) and writes the variables as inline custom properties,
 * which win over the theme's defaults and inherit into every shadow root.
 */
export function applyAppearance(host: HTMLElement, appearance: Appearance | undefined): void {
  host.setAttribute('theme', appearance?.theme ?? 'light');
  for (const property of applied.get(host) ?? []) host.style.removeProperty(property);
  const properties: string[] = [];
  for (const [name, value] of Object.entries(appearance?.variables ?? {})) {
    // Values come from the host page's own code; CSS.supports-free setProperty ignores invalid ones.
    if (typeof value !== 'string') continue;
    const property = tokenProperty(name);
    host.style.setProperty(property, value);
    properties.push(property);
  }
  applied.set(host, properties);
}
