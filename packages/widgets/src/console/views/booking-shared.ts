// Helpers shared by the console's booking screens: practice timezone
// arithmetic (Intl only, no date library: the widgets' zoned-time does the
// hard part), the clinician list, and server errors mapped onto fields.
import type { TcrmApi } from '../../api/api-client.js';
import { TcrmApiError } from '../../api/api-error.js';
import { addDays, localDate, startOfDay } from '../../booking/zoned-time.js';
import type { ConsoleContext } from '../console-context.js';

export { addDays, localDate, startOfDay };

export type AppointmentType = Awaited<
  ReturnType<TcrmApi['booking']['admin']['appointmentTypes']['list']['query']>
>[number];
export type Appointment = Awaited<
  ReturnType<TcrmApi['booking']['appointments']['list']['query']>
>[number];

export interface Clinician {
  readonly id: string;
  readonly name: string;
}

/**
 * Whose calendars the signed-in member may manage: owners and front desk
 * every bookable clinician's (`auth.staff.clinicians`: names and roles only),
 * a clinician only their own; other roles none, and the views say so.
 */
export async function loadClinicians(ctx: ConsoleContext): Promise<Clinician[]> {
  const me = ctx.me;
  if (!me) return [];
  if (me.role === 'clinician') return [{ id: me.user.id, name: me.user.displayName }];
  if (me.role !== 'owner' && me.role !== 'front_desk') return [];
  const listed = await ctx.api.auth.staff.clinicians.query();
  return listed.map((c) => ({ id: c.id, name: c.displayName }));
}

/** The practice's IANA timezone (from `auth.me`): everything on these screens is in it. */
export function practiceZone(ctx: ConsoleContext): string {
  return ctx.me?.practice.timezone ?? 'UTC';
}

/** `HH:MM` for a minute of the day; 1440 (end of day) reads as 24:00. */
export function minuteToTime(minute: number): string {
  const h = Math.floor(minute / 60);
  return `${String(h).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minute of the day from `HH:MM`; an end of `00:00` means midnight at the end of the day. */
export function timeToMinute(value: string, isEnd = false): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minute === 0 ? 1440 : minute;
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday (the server's numbering). */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The Monday on or before `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The instant when the practice's wall clock shows `date` at `minute`.
 * Measured from the day's first instant, then corrected by the offset
 * change, so a time after a DST switch that day still lands on the right hour.
 */
export function zonedInstant(zone: string, date: string, minute: number): number {
  const start = startOfDay(zone, date);
  let instant = start + minute * 60_000;
  const shown = (at: number) => {
    const p = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(at);
    const get = (t: string) => Number(p.find((x) => x.type === t)?.value ?? 0);
    return get('hour') * 60 + get('minute');
  };
  const drift = ((shown(instant) - minute + 720 + 1440) % 1440) - 720;
  instant -= drift * 60_000;
  return instant;
}

/** A date (`YYYY-MM-DD`) written out in the user's language; the date is a calendar date, not an instant. */
export function formatDate(
  locale: string,
  date: string,
  style: 'full' | 'medium' = 'full',
): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A weekday's name (1 = Monday) in the user's language. */
export function weekdayName(locale: string, weekday: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/**
 * The server's complaints per field: zod's flattened `fieldErrors`, plus a
 * DomainError's `details.field`. Messages are the server's (English); the
 * views show them next to the field they name.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TcrmApiError)) return {};
  const out: Record<string, string> = {};
  const validation = error.data?.validation as
    { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;
  for (const [field, messages] of Object.entries(validation?.fieldErrors ?? {})) {
    if (messages?.length) out[field] = messages.join(' ');
  }
  if (validation?.formErrors?.length) out['_form'] = validation.formErrors.join(' ');
  const field = error.data?.details?.['field'];
  if (typeof field === 'string') out[field] = error.message;
  return out;
}

/**
 * The server's calendar list omits cancelled appointments; rows cancelled in
 * this view stay listed (as Cancelled) while their time is in the range shown,
 * so the member sees what they did and focus has somewhere to land.
 */
export function withCancelledHere(
  rows: readonly Appointment[],
  cancelledHere: Iterable<Appointment>,
  from: number,
  to: number,
): readonly Appointment[] {
  const kept = [...cancelledHere].filter((a) => {
    const at = Date.parse(String(a.startsAt));
    return at >= from && at < to && !rows.some((r) => r.id === a.id);
  });
  if (!kept.length) return rows;
  const at = (a: Appointment) => Date.parse(String(a.startsAt));
  return [...rows, ...kept].sort((x, y) => at(x) - at(y));
}
