import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Each becomes a `--tcrm-<kebab-name>` custom property and an
 * `appearance.variables` key (Stripe's naming). Colours meet WCAG 2.2 AA in
 * both themes: text ≥ 4.5:1 on background and surface, borders and focus
 * ring ≥ 3:1 (theme.test.ts checks the text pairs with axe).
 */
export const LIGHT_TOKENS = {
  colorBackground: '#ffffff',
  colorSurface: '#ffffff',
  colorText: '#1b1f24',
  colorTextSecondary: '#4d5562',
  colorPrimary: '#1d4ed8',
  colorOnPrimary: '#ffffff',
  colorBorder: '#6b7280',
  colorDanger: '#b91c1c',
  colorFocus: '#1d4ed8',
  borderRadius: '6px',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSizeBase: '1rem',
  spacingUnit: '0.25rem',
  focusRingWidth: '2px',
} as const;

/** An `appearance.variables` key. */
export type TokenName = keyof typeof LIGHT_TOKENS;

export const DARK_TOKENS: Partial<Record<TokenName, string>> = {
  colorBackground: '#111418',
  colorSurface: '#1b2027',
  colorText: '#eef1f4',
  colorTextSecondary: '#b4bcc6',
  colorPrimary: '#93b4ff',
  colorOnPrimary: '#0b1530',
  colorBorder: '#8b95a1',
  colorDanger: '#ff9b94',
  colorFocus: '#93b4ff',
};

/** `colorPrimary` → `--tcrm-color-primary`. */
export function tokenProperty(name: string): string {
  return `--tcrm-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * `var(--tcrm-color-primary, #1d4ed8)`: elements fall back to the light
 * value, so a field works on a page with no provider at all.
 */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(${tokenProperty(name)}, ${LIGHT_TOKENS[name]})`);
}

/** Declarations of every token of a theme, for a provider's `:host`. */
export function declarations(tokens: Partial<Record<TokenName, string>>): CSSResult {
  return unsafeCSS(
    Object.entries(tokens)
      .map(([name, value]) => `${tokenProperty(name)}:${value};`)
      .join(''),
  );
}
