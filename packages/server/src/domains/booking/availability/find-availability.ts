// Availability for a widget: free slots of one appointment type with one or
// all bookable clinicians, as UTC instants plus their rendering in the
// client's timezone (and the practice's, which the widget states).
import type { DbOrTx } from '../booking-catalog.js';
import { loadBookingContext, zoneRules } from '../booking-catalog.js';
import { loadSchedules } from './load-schedules.js';
import { bookableWindow, freeSlots, type Slot, type SlotRules } from './slots.js';
import { MINUTE_MS, formatUtc, nextDate, type ZoneRules } from './zoned-time.js';

export interface AvailabilityQuery {
  practiceId: string;
  appointmentTypeId: string;
  clinicianId?: string | undefined;
  from: Date;
  to: Date;
  /** The client's IANA timezone, for rendering only. */
  timeZone: string;
  now: Date;
}

export interface AvailableSlot {
  clinicianId: string;
  /** UTC instants (ISO 8601, `Z`): what `hold` takes back. */
  startsAt: string;
  endsAt: string;
  /** The same instants on the client's clock, with offset. */
  startsAtLocal: string;
  endsAtLocal: string;
  /** The start on the practice's clock, with offset. */
  startsAtPractice: string;
}

export interface Availability {
  timeZone: string;
  practiceTimeZone: string;
  slots: AvailableSlot[];
}

export function slotRulesOf(type: {
  id: string;
  durationMinutes: number;
  slotIntervalMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  dailyCap: number | null;
}): SlotRules {
  return {
    appointmentTypeId: type.id,
    durationMinutes: type.durationMinutes,
    slotIntervalMinutes: type.slotIntervalMinutes,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    dailyCap: type.dailyCap,
  };
}

/**
 * The instants whose appointments and time off can affect slots starting in
 * [from, to): whole practice-local days (daily caps count per day), widened
 * by the type's duration and buffers.
 */
export function scheduleSpan(zone: ZoneRules, rules: SlotRules, from: number, to: number) {
  const firstDate = zone.localDateOf(from);
  const lastDate = zone.localDateOf(to - 1);
  const dayStart = zone.toInstant(firstDate, 0, 'forward')!;
  const dayEnd = zone.toInstant(nextDate(lastDate), 0, 'forward')!;
  const reach = (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE_MS;
  return {
    firstDate,
    lastDate,
    from: new Date(Math.min(dayStart, from - rules.bufferBeforeMinutes * MINUTE_MS)),
    to: new Date(Math.max(dayEnd, to + reach)),
  };
}

export async function findAvailability(db: DbOrTx, q: AvailabilityQuery): Promise<Availability> {
  const { type, zone, clinicians } = await loadBookingContext(db, q.practiceId, q.appointmentTypeId, q.clinicianId);
  const result: Availability = { timeZone: q.timeZone, practiceTimeZone: zone.name, slots: [] };
  const window = bookableWindow(type, q.now.getTime(), { from: q.from.getTime(), to: q.to.getTime() });
  if (!window || clinicians.length === 0) return result;

  const rules = slotRulesOf(type);
  const span = scheduleSpan(zone, rules, window.from, window.to);
  const schedules = await loadSchedules(db, {
    practiceId: q.practiceId,
    clinicianIds: clinicians.map((c) => c.id),
    ...span,
    now: q.now,
    cappedTypeId: type.dailyCap === null ? null : type.id,
  });
  const slots: Slot[] = schedules.flatMap((s) => freeSlots(s, rules, window, zone));
  if (schedules.length > 1) slots.sort((a, b) => a.startsAt - b.startsAt || (a.clinicianId < b.clinicianId ? -1 : 1));

  const client = zoneRules(q.timeZone);
  result.slots = slots.map((s) => ({
    clinicianId: s.clinicianId,
    startsAt: formatUtc(s.startsAt),
    endsAt: formatUtc(s.endsAt),
    startsAtLocal: client.formatLocal(s.startsAt),
    endsAtLocal: client.formatLocal(s.endsAt),
    startsAtPractice: zone.formatLocal(s.startsAt),
  }));
  return result;
}
