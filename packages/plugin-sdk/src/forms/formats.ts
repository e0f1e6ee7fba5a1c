// Format checks shared by answer validation and the definition schema.
// Deliberately dependency-free: the browser widget bundles this file.

const EMAIL =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+.-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FILE_ID = /^[A-Za-z0-9_-]{8,128}$/;
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** True for a plausible e-mail address (≤ 254 characters, dotted domain). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** True for a phone number of 7–15 digits, allowing `+`, spaces, dots, dashes and brackets. */
export function isPhoneNumber(value: string): boolean {
  if (value.length > 32 || !PHONE_CHARS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date bound of a date field: an ISO date or the word `today`. */
export function isDateBound(value: string): boolean {
  return value === 'today' || isIsoDate(value);
}

/** Resolves a date bound against `today` (`YYYY-MM-DD`). */
export function resolveDateBound(bound: string, today: string): string {
  return bound === 'today' ? today : bound;
}

/** Today's date as `YYYY-MM-DD` in the runtime's local time zone. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True for an id of an uploaded file as issued by the server. */
export function isFileId(value: string): boolean {
  return FILE_ID.test(value);
}

/** True for an ISO 3166-1 alpha-2 country code in upper case. */
export function isCountryCode(value: string): boolean {
  return COUNTRY_CODE.test(value);
}

/**
 * Decoded size in bytes of a base64 PNG data URL, or `undefined` when
 * `value` is not one. Only the envelope is checked; the server re-checks
 * the PNG signature when it stores the image.
 */
export function pngDataUrlBytes(value: string): number | undefined {
  if (!value.startsWith(PNG_DATA_URL_PREFIX)) return undefined;
  const payload = value.slice(PNG_DATA_URL_PREFIX.length);
  if (payload.length === 0 || payload.length % 4 !== 0 || !BASE64.test(payload)) return undefined;
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return (payload.length / 4) * 3 - padding;
}

/** Length in Unicode code points (what a person counts as characters). */
export function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count++; // a low surrogate ends a pair already counted
  }
  return count;
}
