// The staff calendar and request-to-book decisions. Clinicians see and
// decide on their own appointments; owners and front desk on everyone's.
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { router, staffProcedure } from '../../trpc/init.js';
import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import { clientRowSelect, decryptClient } from '../clients/client-record.js';
import { BOOKING_JOBS, enqueueBookingJob } from './booking-jobs.js';
import { CALENDAR_ROLES, managesEveryCalendar } from './clinician-access.js';
import {
  appointmentIdInput,
  cancelAppointmentInput,
  listAppointmentsInput,
} from './admin.schema.js';
import { cancelAppointmentAsStaff } from './staff-cancel.js';
import { previewStaffCancellation } from './cancel-preview.js';

/** A calendar view has a bounded size; the range limit keeps it far below this. */
const MAX_CALENDAR_ROWS = 5000;

const calendar = { roles: CALENDAR_ROLES, phi: true };

async function requestedAppointment(
  ctx: Context & { staff: StaffPrincipal },
  appointmentId: string,
) {
  const row = await ctx.db.appointment.findFirst({
    where: { id: appointmentId, practiceId: ctx.staff.practiceId },
    select: { id: true, clinicianId: true, status: true },
  });
  if (!row) throw notFound('Appointment');
  if (!managesEveryCalendar(ctx.staff) && row.clinicianId !== ctx.staff.userId) {
    throw new DomainError('FORBIDDEN', 'You can only decide on your own appointments');
  }
  if (row.status !== 'requested') {
    throw new DomainError('PRECONDITION_FAILED', 'This appointment is not awaiting approval', {
      status: row.status,
    });
  }
  return row;
}

export const appointmentsRouter = router({
  list: staffProcedure
    .meta(calendar)
    .input(listAppointmentsInput)
    .query(async ({ ctx, input }) => {
      const { practiceId } = ctx.staff;
      const now = ctx.services.clock.now();
      const clinicianId = managesEveryCalendar(ctx.staff) ? input.clinicianId : ctx.staff.userId;
      const rows = await ctx.db.appointment.findMany({
        where: {
          practiceId,
          ...(clinicianId ? { clinicianId } : {}),
          startsAt: { gte: input.from, lt: input.to },
          OR: [
            {
              status: {
                in: input.includeCancelled
                  ? ['requested', 'confirmed', 'cancelled']
                  : ['requested', 'confirmed'],
              },
            },
            { status: 'held', holdExpiresAt: { gt: now } },
          ],
        },
        select: {
          id: true,
          clinicianId: true,
          appointmentTypeId: true,
          status: true,
          startsAt: true,
          endsAt: true,
          cancelReason: true,
          client: { select: clientRowSelect },
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: MAX_CALENDAR_ROWS,
      });
      const clientIds = [...new Set(rows.flatMap((r) => (r.client ? [r.client.id] : [])))];
      await audit(ctx, practiceId, {
        action: 'appointment.list',
        objectType: 'Appointment',
        detail: { clientIds },
      });
      return Promise.all(
        rows.map(async ({ client, ...a }) => {
          const c = client ? await decryptClient(ctx.services, client) : null;
          // cancelReason: null unless cancelled (`client`, `practice`, `declined`, `rescheduled`).
          return {
            ...a,
            client: c ? { id: c.id, firstName: c.firstName, lastName: c.lastName } : null,
          };
        }),
      );
    }),

  approve: staffProcedure
    .meta(calendar)
    .input(appointmentIdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await requestedAppointment(ctx, input.appointmentId);
      const now = ctx.services.clock.now();
      await ctx.db.$transaction(async (tx) => {
        const r = await tx.appointment.updateMany({
          where: { id: row.id, status: 'requested' },
          data: { status: 'confirmed', confirmedAt: now },
        });
        if (r.count !== 1)
          throw new DomainError('PRECONDITION_FAILED', 'This appointment is not awaiting approval');
        await enqueueBookingJob(
          tx,
          BOOKING_JOBS.booked,
          { appointmentId: row.id, practiceId: ctx.staff.practiceId },
          now,
        );
      });
      await audit(ctx, ctx.staff.practiceId, {
        action: 'appointment.approve',
        objectType: 'Appointment',
        objectId: row.id,
      });
      return { appointmentId: row.id, status: 'confirmed' as const };
    }),

  decline: staffProcedure
    .meta(calendar)
    .input(appointmentIdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await requestedAppointment(ctx, input.appointmentId);
      const now = ctx.services.clock.now();
      await ctx.db.$transaction(async (tx) => {
        const r = await tx.appointment.updateMany({
          where: { id: row.id, status: 'requested' },
          data: { status: 'cancelled', cancelReason: 'declined', cancelledAt: now },
        });
        if (r.count !== 1)
          throw new DomainError('PRECONDITION_FAILED', 'This appointment is not awaiting approval');
        await enqueueBookingJob(
          tx,
          BOOKING_JOBS.declined,
          { appointmentId: row.id, practiceId: ctx.staff.practiceId },
          now,
        );
      });
      await audit(ctx, ctx.staff.practiceId, {
        action: 'appointment.decline',
        objectType: 'Appointment',
        objectId: row.id,
      });
      return { appointmentId: row.id, status: 'cancelled' as const };
    }),

  /** What each refund choice would do now (amounts only), and which ones the caller may choose. */
  cancelPreview: staffProcedure
    .meta(calendar)
    .input(appointmentIdInput)
    .query(({ ctx, input }) => previewStaffCancellation(ctx, input.appointmentId)),

  cancel: staffProcedure
    .meta(calendar)
    .input(cancelAppointmentInput)
    .mutation(({ ctx, input }) => cancelAppointmentAsStaff(ctx, input)),
});
