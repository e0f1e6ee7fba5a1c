// booking.waitlist.*: joining from the widget (publishable key).
import { audit } from '../../audit/audited.js';
import { publicProcedure, router } from '../../trpc/init.js';
import { joinWaitlist, joinWaitlistInput } from './waitlist.js';

export const bookingWaitlistRouter = router({
  join: publicProcedure
    .meta({ phi: true })
    .input(joinWaitlistInput)
    .mutation(async ({ ctx, input }) => {
      const { entryId, response } = await joinWaitlist(
        ctx.services,
        ctx.practice.id,
        input,
        ctx.request.ip,
      );
      await audit(ctx, ctx.practice.id, {
        action: 'waitlist.join',
        objectType: 'WaitlistEntry',
        objectId: entryId,
        detail: { appointmentTypeId: input.appointmentTypeId, duplicate: entryId === null },
      });
      return response;
    }),
});
