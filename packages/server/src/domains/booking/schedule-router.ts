// Staff editors for a clinician's availability: weekly hours, date overrides
// and time off. Weekly hours and a date's override are replaced as a whole,
// in one transaction, so a half-edited week is never visible to availability.
import { notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { router, staffProcedure } from '../../trpc/init.js';
import { assertCalendarAccess, CALENDAR_ROLES } from './clinician-access.js';
import {
  addTimeOffInput,
  clearDateOverrideInput,
  clinicianInput,
  listDateOverridesInput,
  listTimeOffInput,
  setDateOverrideInput,
  setWeeklyHoursInput,
  timeOffIdInput,
} from './admin.schema.js';

const calendar = { roles: CALENDAR_ROLES };
const dateOf = (d: string) => new Date(`${d}T00:00:00Z`);
const weeklySelect = { weekday: true, startMinute: true, endMinute: true } as const;

export const scheduleAdminRouter = router({
  weeklyHours: staffProcedure
    .meta(calendar)
    .input(clinicianInput)
    .query(async ({ ctx, input }) => {
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      return ctx.db.weeklyHours.findMany({
        where: { practiceId: ctx.staff.practiceId, clinicianId: input.clinicianId },
        select: weeklySelect,
        orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }],
      });
    }),

  setWeeklyHours: staffProcedure
    .meta(calendar)
    .input(setWeeklyHoursInput)
    .mutation(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      await ctx.db.$transaction([
        ctx.db.weeklyHours.deleteMany({ where: { practiceId, clinicianId: input.clinicianId } }),
        ctx.db.weeklyHours.createMany({
          data: input.hours.map((h) => ({ ...h, practiceId, clinicianId: input.clinicianId })),
        }),
      ]);
      await audit(ctx, practiceId, {
        action: 'availability.weekly_hours.set',
        objectType: 'StaffUser',
        objectId: input.clinicianId,
        detail: { ranges: input.hours.length },
      });
      return { ok: true as const };
    }),

  dateOverrides: staffProcedure
    .meta(calendar)
    .input(listDateOverridesInput)
    .query(async ({ ctx, input }) => {
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      const rows = await ctx.db.dateOverride.findMany({
        where: {
          practiceId: ctx.staff.practiceId,
          clinicianId: input.clinicianId,
          date: { gte: dateOf(input.from), lte: dateOf(input.to) },
        },
        select: { date: true, startMinute: true, endMinute: true },
        orderBy: [{ date: 'asc' }, { startMinute: 'asc' }],
      });
      const byDate = new Map<string, { startMinute: number; endMinute: number }[]>();
      for (const r of rows) {
        const date = r.date.toISOString().slice(0, 10);
        const hours = byDate.get(date) ?? [];
        if (r.startMinute !== null && r.endMinute !== null) hours.push({ startMinute: r.startMinute, endMinute: r.endMinute });
        byDate.set(date, hours);
      }
      return [...byDate].map(([date, hours]) => ({ date, unavailable: hours.length === 0, hours }));
    }),

  setDateOverride: staffProcedure
    .meta(calendar)
    .input(setDateOverrideInput)
    .mutation(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      const base = { practiceId, clinicianId: input.clinicianId, date: dateOf(input.date) };
      await ctx.db.$transaction([
        ctx.db.dateOverride.deleteMany({ where: base }),
        ctx.db.dateOverride.createMany({
          data: input.hours.length
            ? input.hours.map((h) => ({ ...base, ...h }))
            : [{ ...base, startMinute: null, endMinute: null }],
        }),
      ]);
      await audit(ctx, practiceId, {
        action: 'availability.date_override.set',
        objectType: 'StaffUser',
        objectId: input.clinicianId,
        detail: { date: input.date, unavailable: input.hours.length === 0 },
      });
      return { ok: true as const };
    }),

  clearDateOverride: staffProcedure
    .meta(calendar)
    .input(clearDateOverrideInput)
    .mutation(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      await ctx.db.dateOverride.deleteMany({ where: { practiceId, clinicianId: input.clinicianId, date: dateOf(input.date) } });
      await audit(ctx, practiceId, {
        action: 'availability.date_override.clear',
        objectType: 'StaffUser',
        objectId: input.clinicianId,
        detail: { date: input.date },
      });
      return { ok: true as const };
    }),

  timeOff: staffProcedure
    .meta(calendar)
    .input(listTimeOffInput)
    .query(async ({ ctx, input }) => {
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      return ctx.db.timeOff.findMany({
        where: {
          practiceId: ctx.staff.practiceId,
          clinicianId: input.clinicianId,
          startsAt: { lt: input.to },
          endsAt: { gt: input.from },
        },
        select: { id: true, startsAt: true, endsAt: true },
        orderBy: { startsAt: 'asc' },
      });
    }),

  addTimeOff: staffProcedure
    .meta(calendar)
    .input(addTimeOffInput)
    .mutation(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      await assertCalendarAccess(ctx.db, ctx.staff, input.clinicianId);
      const row = await ctx.db.timeOff.create({
        data: { practiceId, clinicianId: input.clinicianId, startsAt: input.startsAt, endsAt: input.endsAt },
        select: { id: true, startsAt: true, endsAt: true },
      });
      await audit(ctx, practiceId, { action: 'availability.time_off.add', objectType: 'TimeOff', objectId: row.id });
      return row;
    }),

  removeTimeOff: staffProcedure
    .meta(calendar)
    .input(timeOffIdInput)
    .mutation(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      const row = await ctx.db.timeOff.findFirst({
        where: { id: input.timeOffId, practiceId },
        select: { clinicianId: true },
      });
      if (!row) throw notFound('Time off');
      await assertCalendarAccess(ctx.db, ctx.staff, row.clinicianId);
      await ctx.db.timeOff.deleteMany({ where: { id: input.timeOffId, practiceId } });
      await audit(ctx, practiceId, { action: 'availability.time_off.remove', objectType: 'TimeOff', objectId: input.timeOffId });
      return { ok: true as const };
    }),
});
