// Wall clock ↔ instant in an IANA timezone with Intl only: no date library
// in the browser (it would cost more than the whole widget). The server
// sends UTC instants; everything shown is formatted with `timeZone`.

const DAY_MS = 86_400_000;
const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsCache.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsCache.set(zone, format);
  }
  return format;
}

/** The wall clock at `instant` in `zone`, as if it were UTC (ms). */
function wallClock(zone: string, instant: number): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) p[part.type] = Number(part.value);
  return Date.UTC(
    p['year']!,
    p['month']! - 1,
    p['day']!,
    p['hour']! % 24,
    p['minute']!,
    p['second']!,
  );
}

/** `YYYY-MM-DD` of `instant` in `zone`. */
export function localDate(zone: string, instant: number): string {
  return new Date(wallClock(zone, instant)).toISOString().slice(0, 10);
}

/** `date` (`YYYY-MM-DD`) plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of `date` in `zone`. Two rounds of "wall clock minus
 * offset" settle on the right side of a DST change that day.
 */
export function startOfDay(zone: string, date: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let instant = wall;
  for (let round = 0; round < 2; round++) instant = wall - (wallClock(zone, instant) - instant);
  return instant;
}

/** The browser's timezone, e.g. `Europe/Madrid`. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, with `current` in it even if the list omits it (e.g. `UTC`). */
export function timeZones(current: string): string[] {
  // Older browsers without supportedValuesOf still offer the client's own zone.
  const all = Intl.supportedValuesOf?.('timeZone') ?? [];
  return all.includes(current) ? all : [current, ...all];
}

/** A zone's readable name, e.g. "Eastern Time" (Intl's long generic name), else its id. */
export function zoneName(locale: string, zone: string, at: number): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}
