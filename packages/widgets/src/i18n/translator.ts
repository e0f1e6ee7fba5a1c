import type { FieldError } from '@therapycrm/plugin-sdk/forms';
import { en, type Catalogue, type MessageKey } from './messages/en.js';
import { directionOf } from './locale.js';

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; unknown names are left visible so they get noticed. */
export function msg(catalogue: Catalogue, key: MessageKey, params?: MessageParams): string {
  const text = catalogue[key] ?? en[key];
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : text;
}

/** Formats messages for one locale: numbers, byte sizes and dates the local way. */
export class Translator {
  readonly dir: 'ltr' | 'rtl';

  constructor(
    readonly locale: string,
    readonly catalogue: Catalogue = en,
  ) {
    this.dir = directionOf(locale);
  }

  t(key: MessageKey, params?: MessageParams): string {
    return msg(this.catalogue, key, params);
  }

  /** `1.5 MB`, in the locale's digits and separators. */
  bytes(size: number): string {
    const [unit, value] =
      size >= 1e6
        ? ['megabyte', size / 1e6]
        : size >= 1e3
          ? ['kilobyte', size / 1e3]
          : ['byte', size];
    return new Intl.NumberFormat(this.locale, {
      style: 'unit',
      unit,
      maximumFractionDigits: 1,
    }).format(value);
  }

  /** A `YYYY-MM-DD` date written the local way; the raw text if it is not one. */
  date(iso: string): string {
    const [y, m, d] = iso.split('-').map(Number);
    if (!y || !m || !d) return iso;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  }

  /**
   * The message for a field error from the plugin SDK. `partLabel` names
   * the part of a composite answer (`path`), e.g. "City" in an address.
   */
  error(error: FieldError, partLabel?: (path: string) => string | undefined): string {
    const params: Record<string, string | number> = {};
    if ('params' in error) {
      for (const [name, value] of Object.entries(error.params)) {
        // Numbers in the locale's digits and separators (Arabic-Indic digits in `ar`).
        params[name] = Array.isArray(value)
          ? value.join(', ')
          : typeof value === 'number'
            ? new Intl.NumberFormat(this.locale).format(value)
            : (value as string);
      }
      if ('maxBytes' in error.params) params['maxBytes'] = this.bytes(error.params.maxBytes);
      if ('minDate' in error.params) params['minDate'] = this.date(error.params.minDate);
      if ('maxDate' in error.params) params['maxDate'] = this.date(error.params.maxDate);
    }
    const message = this.t(`error.${error.code}`, params);
    const part = 'path' in error && error.path ? partLabel?.(error.path) : undefined;
    return part ? this.t('error.part', { part, message }) : message;
  }
}
