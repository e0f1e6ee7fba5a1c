import { Translator } from '../../i18n/translator.js';
import { catalogueIfLoaded, loadCatalogue } from '../../i18n/catalogues.js';
import { languageOf } from '../../i18n/locale.js';
import { consoleEn, type ConsoleCatalogue, type ConsoleKey } from './en.js';
import { consoleEs } from './es.js';

/** Console languages. Both ship in the console bundle: it is one app, not an embeddable widget. */
export const CONSOLE_LANGUAGES: Readonly<Record<string, ConsoleCatalogue>> = {
  en: consoleEn,
  es: consoleEs,
};

/**
 * The console's strings and formats for one locale. Field errors, yes/no and
 * dates come from the widgets' own Translator, so the preview and the
 * answers read exactly as clients saw them.
 */
export class ConsoleStrings {
  readonly language: string;
  readonly widgets: Translator;
  readonly #catalogue: ConsoleCatalogue;

  constructor(readonly locale: string) {
    this.language = languageOf(locale) in CONSOLE_LANGUAGES ? languageOf(locale) : 'en';
    this.#catalogue = CONSOLE_LANGUAGES[this.language] ?? consoleEn;
    this.widgets = new Translator(locale, catalogueIfLoaded(this.language));
  }

  /** Loads the widgets' catalogue for the language (Spanish is a lazy chunk), then builds the strings. */
  static async load(locale: string): Promise<ConsoleStrings> {
    await loadCatalogue(languageOf(locale));
    return new ConsoleStrings(locale);
  }

  t(key: ConsoleKey, params?: Readonly<Record<string, string | number>>): string {
    const text = this.#catalogue[key] ?? consoleEn[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        )
      : text;
  }

  /** Date and time in the practice's timezone (stated once on the page), the local way. */
  dateTime(value: Date | string | null | undefined, timeZone?: string): string {
    if (!value) return '';
    const date = new Date(value);
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    }).format(date);
  }

  /** `2026-03-01` as a local date, for date answers. */
  date(iso: string): string {
    return this.widgets.date(iso);
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.locale).format(value);
  }

  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }
}
