import type { Appearance } from './appearance.js';

/** Relative luminance (WCAG) of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Adds the practice's brand colour (set in the staff console) to the
 * appearance, unless the embedding page chose a primary colour itself.
 * Applied to the light theme only, and only when the colour keeps AA:
 * ≥ 4.5:1 on white (it colours links and selected text), with white or
 * near-black text on it, whichever reads better. A brand colour that would
 * break contrast is ignored rather than shipped.
 */
export function withBranding(
  appearance: Appearance | undefined,
  branding: unknown,
): Appearance | undefined {
  const color = (branding as { primaryColor?: unknown } | null)?.primaryColor;
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return appearance;
  if ((appearance?.theme ?? 'light') !== 'light' || appearance?.variables?.colorPrimary)
    return appearance;
  if (contrastRatio(color, '#ffffff') < 4.5) return appearance;
  const onPrimary =
    contrastRatio(color, '#ffffff') >= contrastRatio(color, '#111111') ? '#ffffff' : '#111111';
  return {
    ...appearance,
    variables: {
      colorPrimary: color,
      colorFocus: color,
      colorOnPrimary: onPrimary,
      ...appearance?.variables,
    },
  };
}
