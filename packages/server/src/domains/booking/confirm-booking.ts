// Turning a hold into a booking: instant types become `confirmed`,
// request-to-book types `requested` (a clinician approves later). Requires an
// Idempotency-Key: a retried confirm returns the first answer, a reused key
// with another body is refused. The hold's row keeps the slot throughout, so
// confirming never re-checks overlaps; it only checks the hold is still live.
import type { AppServices } from '../../services.js';
import { DomainError, notFound } from '../../errors.js';
import type { Actor } from '../../audit/audit-log.js';
import { hashToken } from '../auth/session-token.js';
import { auditClientCreatedByBooking, identifyBooker, matchOrCreateClient } from './booking-client.js';
import { BOOKING_JOBS, enqueueBookingJob } from './booking-jobs.js';
import { claimKey, idempotencyScope, storedResponse, storeResponse } from './idempotency.js';
import { TRANSACTION_OPTIONS } from './hold-slot.js';
import type { ConfirmInput } from './booking.schema.js';
import { startCheckout, type PendingCheckout } from '../payments/checkout.js';
import { upfrontPayment } from '../payments/payment-policy.js';

export interface ConfirmRequest {
  practiceId: string;
  input: ConfirmInput;
  idempotencyKey: string | null;
  /** A verified client session, needed for new-only / existing-only types. */
  bearerToken: string | null;
  ip: string;
  /** The widget's (allowed) origin: Stripe Checkout returns the client there. */
  origin?: string | null;
}

export interface Booking {
  appointmentId: string;
  status: 'confirmed' | 'requested';
  startsAt: string;
  endsAt: string;
}

const holdExpired = () =>
  new DomainError('PRECONDITION_FAILED', 'Your hold on this time has expired. Please choose a time again.', {
    reason: 'hold_expired',
  });

export async function confirmBooking(services: AppServices, req: ConfirmRequest): Promise<Booking | PendingCheckout> {
  const { prisma: db, clock } = services;
  const key = idempotencyScope(`booking.confirm:${req.practiceId}`, req.idempotencyKey, req.input);
  const now = clock.now();
  const earlier = await storedResponse<Booking | PendingCheckout>(db, key, now);
  if (earlier) return earlier;

  const hold = await db.appointment.findFirst({
    where: { holdTokenHash: hashToken(req.input.holdToken), practiceId: req.practiceId },
    select: {
      id: true,
      status: true,
      holdExpiresAt: true,
      startsAt: true,
      endsAt: true,
      appointmentType: { select: { id: true, bookingMode: true, clientEligibility: true, priceCents: true, depositCents: true } },
    },
  });
  if (!hold || hold.status !== 'held' || !hold.holdExpiresAt || hold.holdExpiresAt <= now) {
    // A concurrent request with this key may have confirmed it just now.
    const settled = await storedResponse<Booking | PendingCheckout>(db, key, now);
    if (settled) return settled;
    throw hold ? holdExpired() : notFound('Hold');
  }
  const type = hold.appointmentType;
  const booker = await identifyBooker(services, req.practiceId, type.clientEligibility, req.input.client, req.bearerToken);
  // Deposit or prepayment: the signed Stripe webhook confirms it (payments/).
  if (upfrontPayment(type)) {
    const checkoutHold = { ...hold, holdExpiresAt: hold.holdExpiresAt, type };
    return startCheckout(services, { practiceId: req.practiceId, hold: checkoutHold, booker, key, now, ip: req.ip, origin: req.origin ?? null, returnUrl: req.input.returnUrl });
  }
  const status = type.bookingMode === 'instant' ? 'confirmed' : 'requested';

  const outcome = await db.$transaction(async (tx) => {
    const claim = await claimKey<Booking>(tx, key, now);
    if (!claim.claimed) return { booking: claim.response, replayed: true as const };
    const client = await matchOrCreateClient(tx, req.practiceId, booker);
    const moved = await tx.appointment.updateMany({
      where: { id: hold.id, status: 'held', holdExpiresAt: { gt: now } },
      data: {
        status,
        clientId: client.clientId,
        holdTokenHash: null,
        ...(status === 'confirmed' ? { confirmedAt: now } : { requestedAt: now }),
      },
    });
    // Lost to expiry between our read and now (another claim retired it).
    if (moved.count !== 1) throw holdExpired();
    await enqueueBookingJob(
      tx,
      status === 'confirmed' ? BOOKING_JOBS.booked : BOOKING_JOBS.requested,
      { appointmentId: hold.id, practiceId: req.practiceId },
      now,
    );
    const booking: Booking = {
      appointmentId: hold.id,
      status,
      startsAt: hold.startsAt.toISOString(),
      endsAt: hold.endsAt.toISOString(),
    };
    await storeResponse(tx, key, { ...booking });
    return { booking, replayed: false as const, client };
  }, TRANSACTION_OPTIONS);

  if (!outcome.booking) throw new DomainError('CONFLICT', 'This request is still being processed; retry shortly');
  if (!outcome.replayed) {
    const actor: Actor = { type: 'anonymous', id: null };
    if (outcome.client.created) {
      await auditClientCreatedByBooking(services, req, outcome.client.clientId, hold.id);
    }
    await services.audit.record({
      practiceId: req.practiceId,
      actor,
      ip: req.ip,
      action: status === 'confirmed' ? 'appointment.confirm' : 'appointment.request',
      objectType: 'Appointment',
      objectId: hold.id,
      outcome: 'success',
      detail: { clientId: outcome.client.clientId, appointmentTypeId: type.id },
    });
  }
  return outcome.booking;
}
