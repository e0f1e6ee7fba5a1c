// Procedures a booking widget calls with the practice's publishable key.
import { audit } from '../../audit/audited.js';
import { publicProcedure, router } from '../../trpc/init.js';
import { bookableClinicians } from './booking-catalog.js';
import { findAvailability } from './availability/find-availability.js';
import { holdSlot } from './hold-slot.js';
import { confirmBooking } from './confirm-booking.js';
import { availabilityInput, confirmInput, holdInput } from './booking.schema.js';
import { describeOffer, offerInput } from './describe-offer.js';

/** What a client may see of a type before booking. */
export const publicTypeSelect = {
  id: true,
  name: true,
  durationMinutes: true,
  modality: true,
  priceCents: true,
  depositCents: true,
  clientEligibility: true,
  bookingMode: true,
  cancellationWindowHours: true,
  lateCancelFeeCents: true,
} as const;

export const bookingPublicProcedures = {
  appointmentTypes: publicProcedure.query(({ ctx }) =>
    ctx.db.appointmentType.findMany({
      where: { practiceId: ctx.practice.id, active: true },
      select: publicTypeSelect,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ),

  clinicians: publicProcedure.query(({ ctx }) => bookableClinicians(ctx.db, ctx.practice.id)),

  availability: publicProcedure.input(availabilityInput).query(({ ctx, input }) =>
    findAvailability(ctx.db, {
      ...input,
      practiceId: ctx.practice.id,
      now: ctx.services.clock.now(),
    }),
  ),

  hold: publicProcedure.input(holdInput).mutation(async ({ ctx, input }) => {
    // The client IP feeds the live-hold cap (hold-source.ts); the
    // `bookingHold` rate limit runs on it in holdSlot too.
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
  }),

  /** The held time a waitlist offer link (`#hold=`) names, before confirming it. */
  offer: publicProcedure.input(offerInput).query(async ({ ctx, input }) => {
    const offer = await describeOffer(ctx.services, ctx.practice.id, input.holdToken);
    await audit(ctx, ctx.practice.id, {
      action: 'appointment.read',
      objectType: 'Appointment',
      objectId: offer.holdId,
      detail: { via: 'offer_link' },
    });
    return offer;
  }),

  confirm: publicProcedure
    .meta({ phi: true })
    .input(confirmInput)
    .mutation(({ ctx, input }) =>
      confirmBooking(ctx.services, {
        practiceId: ctx.practice.id,
        input,
        idempotencyKey: ctx.request.idempotencyKey,
        bearerToken: ctx.request.bearerToken,
        ip: ctx.request.ip,
        origin: ctx.request.origin,
      }),
    ),
};

export const bookingPublicRouter = router(bookingPublicProcedures);
