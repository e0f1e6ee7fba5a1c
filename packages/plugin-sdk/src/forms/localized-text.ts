/**
 * Text shown to a client: either one string, or translations keyed by
 * BCP 47 locale tag (`{ en: 'First name', es: 'Nombre' }`).
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

/**
 * Picks the best translation of `text` for `locale`: exact tag, then its
 * language (`es-MX` → `es`), then `fallbackLocale`, then the first entry.
 * Returns `''` for an empty record so callers never render `undefined`.
 */
export function localize(text: LocalizedText, locale: string, fallbackLocale = 'en'): string {
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0] ?? locale;
  for (const tag of [locale, language, fallbackLocale]) {
    if (Object.hasOwn(text, tag)) return text[tag] ?? '';
  }
  for (const key of Object.keys(text)) return text[key] ?? '';
  return '';
}
