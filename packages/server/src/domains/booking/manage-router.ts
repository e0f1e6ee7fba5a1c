// booking.manage.*: the signed-link procedures (widget, publishable key).
// The token is the capability; the tenant still comes from the key.
import { z } from 'zod';
import { audit } from '../../audit/audited.js';
import { publicProcedure, router } from '../../trpc/init.js';
import type { Context } from '../../trpc/context.js';
import { instant } from './booking.schema.js';
import { MANAGE_TOKEN_PATTERN, readManageToken } from './manage-link.js';
import {
  cancelManagedAppointment,
  describeManagedAppointment,
  rescheduleManagedAppointment,
} from './manage-booking.js';

const token = z.string().regex(MANAGE_TOKEN_PATTERN, 'Manage link token');
export const manageInput = z.strictObject({ token });
export const rescheduleInput = z.strictObject({ token, startsAt: instant });

const appointmentOf = (ctx: Context, t: string) =>
  readManageToken(ctx.services.config, t, ctx.services.clock.now());

export const bookingManageRouter = router({
  get: publicProcedure.input(manageInput).query(async ({ ctx, input }) => {
    const appointmentId = appointmentOf(ctx, input.token);
    const view = await describeManagedAppointment(ctx.services, ctx.practice.id, appointmentId);
    await audit(ctx, ctx.practice.id, {
      action: 'appointment.read',
      objectType: 'Appointment',
      objectId: appointmentId,
      detail: { via: 'manage_link' },
    });
    return view;
  }),

  cancel: publicProcedure.input(manageInput).mutation(async ({ ctx, input }) => {
    const appointmentId = appointmentOf(ctx, input.token);
    const result = await cancelManagedAppointment(ctx.services, ctx.practice.id, appointmentId);
    await audit(ctx, ctx.practice.id, {
      action: 'appointment.cancel',
      objectType: 'Appointment',
      objectId: appointmentId,
      detail: {
        via: 'manage_link',
        late: result.late,
        feeCents: result.feeCents,
        refundCents: result.refundCents,
      },
    });
    return result;
  }),

  reschedule: publicProcedure.input(rescheduleInput).mutation(async ({ ctx, input }) => {
    const appointmentId = appointmentOf(ctx, input.token);
    const result = await rescheduleManagedAppointment(
      ctx.services,
      ctx.practice.id,
      appointmentId,
      input.startsAt,
    );
    await audit(ctx, ctx.practice.id, {
      action: 'appointment.reschedule',
      objectType: 'Appointment',
      objectId: result.appointmentId,
      detail: { via: 'manage_link', previousAppointmentId: appointmentId },
    });
    return result;
  }),
});
