// booking.hold as the widget calls it. It needs the request's IP (the
// `bookingHold` rate limit and the live-hold cap, hold-source.ts), so it is
// mounted by router.ts over the `hold` entry of public-router.ts, which
// does not pass the IP.
import { audit } from '../../audit/audited.js';
import { publicProcedure } from '../../trpc/init.js';
import { holdSlot } from './hold-slot.js';
import { holdInput } from './booking.schema.js';

export const holdProcedure = publicProcedure.input(holdInput).mutation(async ({ ctx, input }) => {
  const hold = await holdSlot(ctx.services, {
    ...input,
    practiceId: ctx.practice.id,
    ip: ctx.request.ip,
  });
  await audit(ctx, ctx.practice.id, {
    action: 'appointment.hold',
    objectType: 'Appointment',
    objectId: hold.holdId,
    detail: { appointmentTypeId: input.appointmentTypeId, clinicianId: input.clinicianId },
  });
  return {
    holdId: hold.holdId,
    holdToken: hold.holdToken,
    expiresAt: hold.expiresAt.toISOString(),
    startsAt: hold.startsAt.toISOString(),
    endsAt: hold.endsAt.toISOString(),
  };
});
