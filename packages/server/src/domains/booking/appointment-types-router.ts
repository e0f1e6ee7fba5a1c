// Staff CRUD for appointment types. Types are never deleted (appointments
// refer to them); `active: false` hides a type from widgets.
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { router, staffProcedure } from '../../trpc/init.js';
import { CALENDAR_MANAGERS, CALENDAR_ROLES } from './clinician-access.js';
import { createAppointmentTypeInput, updateAppointmentTypeInput } from './admin.schema.js';
import { publicTypeSelect } from './public-router.js';

const typeSelect = {
  ...publicTypeSelect,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  minNoticeMinutes: true,
  maxHorizonDays: true,
  slotIntervalMinutes: true,
  dailyCap: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const appointmentTypesAdminRouter = router({
  list: staffProcedure.meta({ roles: CALENDAR_ROLES }).query(({ ctx }) =>
    ctx.db.appointmentType.findMany({
      where: { practiceId: ctx.staff.practiceId },
      select: typeSelect,
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
    }),
  ),

  create: staffProcedure
    .meta({ roles: CALENDAR_MANAGERS })
    .input(createAppointmentTypeInput)
    .mutation(async ({ ctx, input }) => {
      const type = await ctx.db.appointmentType.create({
        data: { ...input, practiceId: ctx.staff.practiceId },
        select: typeSelect,
      });
      await audit(ctx, ctx.staff.practiceId, { action: 'appointment_type.create', objectType: 'AppointmentType', objectId: type.id });
      return type;
    }),

  update: staffProcedure
    .meta({ roles: CALENDAR_MANAGERS })
    .input(updateAppointmentTypeInput)
    .mutation(async ({ ctx, input }) => {
      const { appointmentTypeId, ...changes } = input;
      const current = await ctx.db.appointmentType.findFirst({
        where: { id: appointmentTypeId, practiceId: ctx.staff.practiceId },
        select: { priceCents: true, depositCents: true },
      });
      if (!current) throw notFound('Appointment type');
      if ((changes.depositCents ?? current.depositCents) > (changes.priceCents ?? current.priceCents)) {
        throw new DomainError('VALIDATION_FAILED', 'The deposit cannot exceed the price', { field: 'depositCents' });
      }
      await ctx.db.appointmentType.updateMany({
        where: { id: appointmentTypeId, practiceId: ctx.staff.practiceId },
        data: changes,
      });
      await audit(ctx, ctx.staff.practiceId, {
        action: 'appointment_type.update',
        objectType: 'AppointmentType',
        objectId: appointmentTypeId,
        detail: { fields: Object.keys(changes) },
      });
      return ctx.db.appointmentType.findFirstOrThrow({ where: { id: appointmentTypeId }, select: typeSelect });
    }),
});
