// The database side of availability, in one round trip: the clinicians'
// weekly hours, date overrides and time off, and their busy ranges inside
// the window, aggregated to JSON by PostgreSQL (one row instead of
// thousands keeps the driver's per-row cost out of the hot path).
//
// Busy ranges come from the GiST index behind the EXCLUDE constraint
// (clinicianId =, tstzrange && window, same partial predicate on status), so
// the cost follows the appointments inside the window, not the size of the
// table; range_agg merges touching ranges, so a calendar of back-to-back
// sessions comes back as a few long ranges.
import type { DbOrTx } from '../booking-catalog.js';
import type { ClinicianSchedule, MinuteRange, WeeklyHoursRange } from './slots.js';
import type { Interval } from './interval-index.js';
import type { LocalDate } from './zoned-time.js';

export interface ScheduleQuery {
  practiceId: string;
  clinicianIds: readonly string[];
  /** Practice-local dates whose overrides apply. */
  firstDate: LocalDate;
  lastDate: LocalDate;
  /** Instants whose time off and appointments matter. */
  from: Date;
  to: Date;
  /** Holds that expired before this instant no longer block. */
  now: Date;
  /** Set when the type has a daily cap: its appointments are counted per day. */
  cappedTypeId: string | null;
}

// Active rows only, and held rows only until their hold expires.
const ACTIVE = `x.status IN ('held', 'requested', 'confirmed') AND (x.status <> 'held' OR x."holdExpiresAt" > $7::timestamptz)`;
const WINDOW = `tstzrange(x."blockedFrom", x."blockedTo") && tstzrange($5::timestamptz, $6::timestamptz)`;
// date_part gives float8 (extract gives numeric since PostgreSQL 14, much slower to aggregate).
const MS = (col: string) => `round(date_part('epoch', ${col}) * 1000)`;

// Time off and busy time are the person's, in any practice (nobody can be in
// two places); hours and overrides are per practice.
export const SCHEDULE_SQL = `
SELECT
  (SELECT coalesce(json_agg(json_build_array(w."clinicianId", w.weekday, w."startMinute", w."endMinute")), '[]')
     FROM "WeeklyHours" w WHERE w."practiceId" = $1::uuid AND w."clinicianId" = ANY($2::uuid[])) AS hours,
  (SELECT coalesce(json_agg(json_build_array(o."clinicianId", to_char(o.date, 'YYYY-MM-DD'), o."startMinute", o."endMinute")), '[]')
     FROM "DateOverride" o WHERE o."practiceId" = $1::uuid AND o."clinicianId" = ANY($2::uuid[])
      AND o.date BETWEEN $3::date AND $4::date) AS overrides,
  (SELECT coalesce(json_agg(json_build_array(t."clinicianId", ${MS('t."startsAt"')}, ${MS('t."endsAt"')})), '[]')
     FROM "TimeOff" t WHERE t."clinicianId" = ANY($2::uuid[]) AND t."startsAt" < $6::timestamptz AND t."endsAt" > $5::timestamptz) AS "timeOff",
  (SELECT coalesce(json_agg(json_build_array(c.id, m.starts, m.ends)), '[]')
     FROM unnest($2::uuid[]) AS c(id)
     CROSS JOIN LATERAL (
       SELECT coalesce(array_agg(${MS('lower(b.r)')}), '{}') AS starts, coalesce(array_agg(${MS('upper(b.r)')}), '{}') AS ends
       FROM (
         SELECT unnest(range_agg(tstzrange(x."blockedFrom", x."blockedTo"))) AS r
         FROM "Appointment" x WHERE x."clinicianId" = c.id AND ${WINDOW} AND ${ACTIVE}
       ) b
     ) m) AS busy,
  (SELECT coalesce(json_agg(json_build_array(x."clinicianId", ${MS('x."startsAt"')})), '[]')
     FROM unnest($2::uuid[]) AS c(id)
     JOIN "Appointment" x ON x."clinicianId" = c.id
     WHERE $8::uuid IS NOT NULL AND x."appointmentTypeId" = $8::uuid AND ${WINDOW} AND ${ACTIVE}) AS "typeStarts"`;

interface ScheduleRow {
  hours: [string, number, number, number][];
  overrides: [string, LocalDate, number | null, number | null][];
  timeOff: [string, number, number][];
  /** Per clinician: merged busy ranges as parallel arrays of start and end ms. */
  busy: [string, number[], number[]][];
  typeStarts: [string, number][];
}

export async function loadSchedules(db: DbOrTx, q: ScheduleQuery): Promise<ClinicianSchedule[]> {
  const [row] = await db.$queryRawUnsafe<ScheduleRow[]>(
    SCHEDULE_SQL,
    q.practiceId,
    q.clinicianIds,
    q.firstDate,
    q.lastDate,
    q.from,
    q.to,
    q.now,
    q.cappedTypeId,
  );
  const r = row!;
  return q.clinicianIds.map((id) => {
    const overrides = new Map<LocalDate, MinuteRange[]>();
    for (const [c, date, startMinute, endMinute] of r.overrides) {
      if (c !== id) continue;
      const list = overrides.get(date) ?? [];
      // A row without minutes marks the day unavailable: it adds no range.
      if (startMinute !== null && endMinute !== null) list.push({ startMinute, endMinute });
      overrides.set(date, list);
    }
    for (const list of overrides.values()) list.sort((a, b) => a.startMinute - b.startMinute);
    return {
      clinicianId: id,
      weeklyHours: r.hours
        .filter(([c]) => c === id)
        .map(([, weekday, startMinute, endMinute]): WeeklyHoursRange => ({ weekday, startMinute, endMinute })),
      overrides,
      timeOff: r.timeOff.filter(([c]) => c === id).map(([, from, to]): Interval => ({ from, to })),
      busy: r.busy
        .filter(([c]) => c === id)
        .flatMap(([, starts, ends]) => starts.map((from, i): Interval => ({ from, to: ends[i]! }))),
      typeStarts: r.typeStarts.filter(([c]) => c === id).map(([, startsAt]) => startsAt),
    };
  });
}
