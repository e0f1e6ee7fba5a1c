// Wall-clock ↔ instant conversion for one IANA timezone, fast enough to run
// for every candidate slot of a 60-day window. Luxon answers "what is the
// offset at instant t" (via Intl); we cache that per UTC day, because offsets
// change at most once a day in every real zone, and do the rest with integer
// arithmetic instead of building a DateTime per slot.
import { IANAZone } from 'luxon';

/** A calendar date in some timezone, `YYYY-MM-DD`. */
export type LocalDate = string;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The canonical spelling of a valid zone name (`aMERICA/new_york` → `America/New_York`). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

export class ZoneRules {
  private readonly zone: IANAZone;
  /** UTC day number → offset in minutes, or null when it changes that day. */
  private readonly dayOffsets = new Map<number, number | null>();
  /** UTC day number → the change on that day: offsets before/after, and when (ms). */
  private readonly changes = new Map<number, { before: number; after: number; at: number }>();

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) throw new RangeError('Unknown timezone');
  }

  /** UTC offset in minutes at an instant (e.g. -240 for EDT). */
  offsetAt(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    const steady = this.dayOffset(day);
    if (steady !== null) return steady;
    const change = this.changes.get(day)!;
    return ts < change.at ? change.before : change.after;
  }

  /**
   * The offset in force for the whole local day `date` (and a day either
   * side), or null if it changes nearby: the fast path that lets slot
   * generation use plain arithmetic on all but two days a year.
   */
  steadyOffsetOn(date: LocalDate): number | null {
    const day = Math.floor(wallMs(date) / DAY_MS);
    const offset = this.dayOffset(day - 1);
    if (offset === null) return null;
    for (let d = day; d <= day + 2; d++) if (this.dayOffset(d) !== offset) return null;
    return offset;
  }

  private dayOffset(day: number): number | null {
    let cached = this.dayOffsets.get(day);
    if (cached === undefined) {
      const first = this.zone.offset(day * DAY_MS);
      const last = this.zone.offset((day + 1) * DAY_MS - 1);
      cached = first === last ? first : null;
      // Offsets change on a whole minute at most once a day in every real
      // zone: find that minute once instead of asking Intl for every instant.
      if (cached === null) this.changes.set(day, { before: first, after: last, at: this.findChange(day, first) });
      this.dayOffsets.set(day, cached);
    }
    return cached;
  }

  private findChange(day: number, before: number): number {
    let lo = 0; // minutes into the day known to have `before`
    let hi = 1439; // ... known to have the new offset by its last millisecond
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.zone.offset(day * DAY_MS + (mid + 1) * MINUTE_MS) === before) lo = mid + 1;
      else hi = mid;
    }
    return day * DAY_MS + (lo + 1) * MINUTE_MS;
  }

  localDateOf(ts: number): LocalDate {
    return new Date(ts + this.offsetAt(ts) * MINUTE_MS).toISOString().slice(0, 10);
  }

  /**
   * The instant at which the wall clock shows `minute` minutes past midnight
   * on `date` (minute may be 1440 = next midnight). Ambiguous times (the
   * repeated hour when clocks go back) resolve to the earlier instant.
   * Times that do not exist (the skipped hour when clocks go forward) give
   * null with `gap: 'skip'`, or move forward by the gap with `gap: 'forward'`
   * (right for the edges of working hours: "from 2:00" means "from 3:00").
   */
  toInstant(date: LocalDate, minute: number, gap: 'skip' | 'forward'): number | null {
    const wall = wallMs(date) + minute * MINUTE_MS;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - before * MINUTE_MS;
    if (before === after) return early;
    const late = wall - after * MINUTE_MS;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return gap === 'skip' ? null : early;
  }

  /** ISO 8601 with this zone's offset, e.g. `2026-03-08T03:00:00-04:00`. */
  formatLocal(ts: number): string {
    const offset = this.offsetAt(ts);
    return `${formatWall(ts + offset * MINUTE_MS)}${offsetSuffix(offset)}`;
  }
}

// Formatting thousands of slots per request: whole minutes (every slot) are
// assembled from cached day and time strings; anything else goes to Date.
const dayStrings = new Map<number, string>();
const timeStrings: string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00`);
const offsetStrings = new Map<number, string>();

/** `YYYY-MM-DDTHH:mm:ss` of a wall-clock time held as if it were UTC ms. */
function formatWall(wall: number): string {
  if (wall % MINUTE_MS !== 0) return new Date(wall).toISOString().slice(0, 19);
  const day = Math.floor(wall / DAY_MS);
  let date = dayStrings.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(day, date);
  }
  return `${date}T${timeStrings[(wall - day * DAY_MS) / MINUTE_MS]!}`;
}

function offsetSuffix(offset: number): string {
  let s = offsetStrings.get(offset);
  if (s === undefined) {
    const abs = Math.abs(offset);
    s = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetStrings.set(offset, s);
  }
  return s;
}

/** Same text as `new Date(ts).toISOString()`, faster for whole minutes. */
export function formatUtc(ts: number): string {
  return ts % MINUTE_MS === 0 ? `${formatWall(ts)}.000Z` : new Date(ts).toISOString();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Milliseconds of `date`'s midnight read as if it were UTC. */
export function wallMs(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function nextDate(date: LocalDate): LocalDate {
  return new Date(wallMs(date) + DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(wallMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}
