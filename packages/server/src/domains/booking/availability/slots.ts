// Free slots for one clinician: pure, no I/O. Inputs are the clinician's
// schedule (practice-local weekly hours and date overrides, UTC time off and
// busy ranges) and an appointment type's rules; output is UTC instants.
//
// Rules (the same ones hold-slot.ts enforces when a slot is claimed):
// - slots start on a wall-clock grid: each working range's start, then every
//   `slotIntervalMinutes` of local time. A wall time that does not exist
//   (spring forward) has no slot; a repeated one (fall back) has one slot, at
//   its first occurrence;
// - the appointment itself [start, start + duration) lies inside a working
//   range and outside time off; its buffers may reach outside working hours;
// - its buffered range [start − before, end + after) overlaps no other active
//   appointment's buffered range (exactly what the EXCLUDE constraint checks);
// - a day (practice-local) that already has `dailyCap` appointments of this
//   type with this clinician offers no more slots of it.
import { IntervalIndex, type Interval } from './interval-index.js';
import { MINUTE_MS, DAY_MS, isoWeekday, nextDate, wallMs, type LocalDate, type ZoneRules } from './zoned-time.js';

export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

export interface WeeklyHoursRange extends MinuteRange {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export interface ClinicianSchedule {
  clinicianId: string;
  weeklyHours: readonly WeeklyHoursRange[];
  /** Dates whose hours replace the weekly hours; an empty list = unavailable. */
  overrides: ReadonlyMap<LocalDate, readonly MinuteRange[]>;
  timeOff: readonly Interval[];
  /** Buffered ranges of active (held, requested, confirmed) appointments; may be merged. */
  busy: readonly Interval[];
  /** Start instants of this clinician's active appointments of the type asked about (daily caps). */
  typeStarts: readonly number[];
}

export interface SlotRules {
  appointmentTypeId: string;
  durationMinutes: number;
  slotIntervalMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  dailyCap: number | null;
}

export interface BookingLimits {
  minNoticeMinutes: number;
  maxHorizonDays: number;
}

/** Slot starts fall in [from, to). */
export interface SlotWindow {
  from: number;
  to: number;
}

export interface Slot {
  clinicianId: string;
  startsAt: number;
  endsAt: number;
}

/** Narrows a requested window to [now + notice, now + horizon); null when empty. */
export function bookableWindow(limits: BookingLimits, now: number, requested: SlotWindow): SlotWindow | null {
  const from = Math.max(requested.from, now + limits.minNoticeMinutes * MINUTE_MS);
  const to = Math.min(requested.to, now + limits.maxHorizonDays * DAY_MS);
  return from < to ? { from, to } : null;
}

/** The range an appointment starting at `startsAt` keeps from everyone else. */
export function blockedRange(startsAt: number, rules: SlotRules): Interval & { endsAt: number } {
  const endsAt = startsAt + rules.durationMinutes * MINUTE_MS;
  return {
    endsAt,
    from: startsAt - rules.bufferBeforeMinutes * MINUTE_MS,
    to: endsAt + rules.bufferAfterMinutes * MINUTE_MS,
  };
}

/** Practice-local dates on which this clinician already has `dailyCap` of this type. */
export function fullDates(typeStarts: readonly number[], rules: SlotRules, zone: ZoneRules): Set<LocalDate> {
  const full = new Set<LocalDate>();
  if (rules.dailyCap === null) return full;
  const counts = new Map<LocalDate, number>();
  for (const startsAt of typeStarts) {
    const date = zone.localDateOf(startsAt);
    const n = (counts.get(date) ?? 0) + 1;
    counts.set(date, n);
    if (n >= rules.dailyCap) full.add(date);
  }
  return full;
}

export interface FreeSlotOptions {
  /** Ignore other appointments (hold-slot.ts tells "not offered" from "taken"). */
  ignoreBusy?: boolean;
}

export function freeSlots(
  schedule: ClinicianSchedule,
  rules: SlotRules,
  window: SlotWindow,
  zone: ZoneRules,
  options: FreeSlotOptions = {},
): Slot[] {
  const slots: Slot[] = [];
  if (window.from >= window.to) return slots;
  const timeOff = new IntervalIndex(schedule.timeOff);
  const busy = new IntervalIndex(options.ignoreBusy ? [] : schedule.busy);
  const full = options.ignoreBusy ? new Set<LocalDate>() : fullDates(schedule.typeStarts, rules, zone);
  const weekly = groupByWeekday(schedule.weeklyHours);
  const duration = rules.durationMinutes * MINUTE_MS;
  const before = rules.bufferBeforeMinutes * MINUTE_MS;
  const after = rules.bufferAfterMinutes * MINUTE_MS;
  const last = zone.localDateOf(window.to - 1);

  for (let date = zone.localDateOf(window.from); date <= last; date = nextDate(date)) {
    if (full.has(date)) continue;
    const ranges = schedule.overrides.get(date) ?? weekly.get(isoWeekday(date)) ?? [];
    let previousStart = -Infinity; // overlapping ranges must not repeat a slot
    // Plain arithmetic when the offset is steady around this day; the
    // careful conversion only on days with a change.
    const offset = zone.steadyOffsetOn(date);
    const midnight = wallMs(date) - (offset ?? 0) * MINUTE_MS;
    for (const range of ranges) {
      const rangeEnd = offset === null ? zone.toInstant(date, range.endMinute, 'forward')! : midnight + range.endMinute * MINUTE_MS;
      for (let minute = range.startMinute; minute < range.endMinute; minute += rules.slotIntervalMinutes) {
        const start = offset === null ? zone.toInstant(date, minute, 'skip') : midnight + minute * MINUTE_MS;
        if (start === null || start < window.from || start <= previousStart) continue;
        if (start >= window.to || start + duration > rangeEnd) break;
        const end = start + duration;
        if (timeOff.overlaps(start, end) || busy.overlaps(start - before, end + after)) continue;
        slots.push({ clinicianId: schedule.clinicianId, startsAt: start, endsAt: end });
        previousStart = start;
      }
    }
  }
  return slots;
}

function groupByWeekday(hours: readonly WeeklyHoursRange[]): Map<number, MinuteRange[]> {
  const byDay = new Map<number, MinuteRange[]>();
  for (const h of hours) {
    const list = byDay.get(h.weekday) ?? [];
    list.push(h);
    byDay.set(h.weekday, list);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.startMinute - b.startMinute);
  return byDay;
}
