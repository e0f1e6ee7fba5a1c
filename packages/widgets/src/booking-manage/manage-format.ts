// Dates and amounts as the client reads them: Intl only (no date library),
// in the client's chosen zone, money in the policy's currency.
import { zoneName } from '../booking/zoned-time.js';

/** "Tuesday, March 3, 2026 at 10:00 AM" in `zone`. */
export function formatWhen(locale: string, iso: string | number, zone: string): string {
  const at = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(at);
}

/** "10:00 AM" in `zone`. */
export function formatTime(locale: string, iso: string, zone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(Date.parse(iso));
}

/** "Tuesday, March 3, 2026 at 10:00 AM (Eastern Time)". */
export function formatWhenWithZone(locale: string, iso: string, zone: string): string {
  return `${formatWhen(locale, iso, zone)} (${zoneName(locale, zone, Date.parse(iso))})`;
}

/** Cents in an ISO 4217 currency (the server sends it lower case, e.g. `usd`). */
export function formatMoney(locale: string, cents: number, currency: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}
