/** Languages written right to left that a practice may add a catalogue for. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** The language subtag: `es-MX` → `es`. */
export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? 'en').toLowerCase();
}

/** Writing direction of a locale, for the `dir` attribute. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr';
}

/** The first given locale, else the browser's, else English. */
export function resolveLocale(...candidates: readonly (string | null | undefined)[]): string {
  for (const candidate of candidates) if (candidate) return candidate;
  return globalThis.navigator?.language || 'en';
}
