// The database side of availability: one round of small queries for the
// clinicians' hours, overrides and time off, and one indexed range query for
// the appointments whose buffered range overlaps the window. That query is
// answered from the GiST index behind the EXCLUDE constraint
// (clinicianId =, tstzrange && window, same partial predicate), so its cost
// follows the appointments inside the window, not the size of the table.
import type { DbOrTx } from '../booking-catalog.js';
import type { BusyRange, ClinicianSchedule, MinuteRange, WeeklyHoursRange } from './slots.js';
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
}

interface BusyRow {
  clinicianId: string;
  appointmentTypeId: string;
  from: number;
  to: number;
  startsAt: number;
}

/** Active appointments overlapping [from, to) for each clinician, in any practice (a person cannot be in two places). */
export async function loadBusyRanges(
  db: DbOrTx,
  clinicianIds: readonly string[],
  from: Date,
  to: Date,
  now: Date,
): Promise<BusyRow[]> {
  // LATERAL gives one index scan per clinician (GiST cannot use `= ANY`).
  return db.$queryRaw<BusyRow[]>`
    SELECT a."clinicianId"::text AS "clinicianId", a."appointmentTypeId"::text AS "appointmentTypeId",
           (extract(epoch FROM a."blockedFrom") * 1000)::float8 AS "from",
           (extract(epoch FROM a."blockedTo") * 1000)::float8 AS "to",
           (extract(epoch FROM a."startsAt") * 1000)::float8 AS "startsAt"
    FROM unnest(${clinicianIds as string[]}::uuid[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT * FROM "Appointment" x
      WHERE x."clinicianId" = c.id
        AND tstzrange(x."blockedFrom", x."blockedTo") && tstzrange(${from}::timestamptz, ${to}::timestamptz)
        AND x.status IN ('held', 'requested', 'confirmed')
    ) a
    WHERE a.status <> 'held' OR a."holdExpiresAt" > ${now}::timestamptz`;
}

export async function loadSchedules(db: DbOrTx, q: ScheduleQuery): Promise<ClinicianSchedule[]> {
  const clinicianId = { in: [...q.clinicianIds] };
  const [hours, overrides, timeOff, busy] = await Promise.all([
    db.weeklyHours.findMany({
      where: { practiceId: q.practiceId, clinicianId },
      select: { clinicianId: true, weekday: true, startMinute: true, endMinute: true },
    }),
    db.dateOverride.findMany({
      where: {
        practiceId: q.practiceId,
        clinicianId,
        date: { gte: new Date(`${q.firstDate}T00:00:00Z`), lte: new Date(`${q.lastDate}T00:00:00Z`) },
      },
      select: { clinicianId: true, date: true, startMinute: true, endMinute: true },
    }),
    db.timeOff.findMany({
      where: { clinicianId, startsAt: { lt: q.to }, endsAt: { gt: q.from } },
      select: { clinicianId: true, startsAt: true, endsAt: true },
    }),
    loadBusyRanges(db, q.clinicianIds, q.from, q.to, q.now),
  ]);

  return q.clinicianIds.map((id) => {
    const dayOverrides = new Map<LocalDate, MinuteRange[]>();
    for (const o of overrides) {
      if (o.clinicianId !== id) continue;
      const date = o.date.toISOString().slice(0, 10);
      const list = dayOverrides.get(date) ?? [];
      // A row without minutes marks the day unavailable: it adds no range.
      if (o.startMinute !== null && o.endMinute !== null) list.push({ startMinute: o.startMinute, endMinute: o.endMinute });
      dayOverrides.set(date, list);
    }
    for (const list of dayOverrides.values()) list.sort((a, b) => a.startMinute - b.startMinute);
    return {
      clinicianId: id,
      weeklyHours: hours.filter((h) => h.clinicianId === id) as WeeklyHoursRange[],
      overrides: dayOverrides,
      timeOff: timeOff
        .filter((t) => t.clinicianId === id)
        .map((t): Interval => ({ from: t.startsAt.getTime(), to: t.endsAt.getTime() })),
      busy: busy.filter((b) => b.clinicianId === id) as BusyRange[],
    };
  });
}
