// What a verified Stripe event does. Each event is taken in once: the
// StripeEvent insert is the first statement of the transaction that acts on
// it, so a redelivery (same id) finds the row and changes nothing, and a
// failure rolls the insert back so Stripe's retry runs it again.
//
// checkout.session.completed: the pending Payment becomes paid (amount and
// currency checked against what we asked for) and the held appointment
// becomes confirmed (or requested, for request-to-book types), exactly once
// (both updates are conditional on the old status). If the hold was lost
// meanwhile, the money goes back (a refund job).
// checkout.session.expired: the Payment expires and the hold is released.
import type Stripe from 'stripe';
import type { AppServices } from '../../services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { BOOKING_JOBS, enqueueBookingJob } from '../booking/booking-jobs.js';
import {
  enqueueLifecycleJob,
  LIFECYCLE_JOBS,
  slotFreedPayload,
} from '../booking/lifecycle-jobs.js';
import { TRANSACTION_OPTIONS } from '../booking/hold-slot.js';

export type EventOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ignored'; reason: string }
  | {
      kind: 'settled';
      practiceId: string;
      paymentId: string;
      appointmentId: string;
      action: string;
      detail?: Record<string, unknown>;
    };

export async function takeStripeEvent(
  services: AppServices,
  event: Stripe.Event,
): Promise<EventOutcome> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const inserted = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type, receivedAt: now }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { kind: 'duplicate' } as const;
    if (
      event.type === 'checkout.session.completed' ||
      event.type === 'checkout.session.async_payment_succeeded'
    ) {
      return completed(tx, event.data.object, now);
    }
    if (event.type === 'checkout.session.expired') return expired(tx, event.data.object, now);
    return { kind: 'ignored', reason: 'event_type' } as const;
  }, TRANSACTION_OPTIONS);
}

async function pendingPaymentOf(tx: Prisma.TransactionClient, session: Stripe.Checkout.Session) {
  return tx.payment.findUnique({
    where: { stripeCheckoutSessionId: session.id },
    select: {
      id: true,
      practiceId: true,
      appointmentId: true,
      status: true,
      amountCents: true,
      currency: true,
      appointment: { select: { appointmentType: { select: { bookingMode: true } } } },
    },
  });
}

async function completed(
  tx: Prisma.TransactionClient,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<EventOutcome> {
  const payment = await pendingPaymentOf(tx, session);
  if (!payment) return { kind: 'ignored', reason: 'unknown_session' };
  // Metadata is ours, but the session row is the authority on the tenant.
  if (session.metadata?.practiceId !== payment.practiceId)
    return { kind: 'ignored', reason: 'tenant_mismatch' };
  if (session.payment_status !== 'paid') return { kind: 'ignored', reason: 'not_paid' };
  if (session.amount_total !== payment.amountCents || session.currency !== payment.currency) {
    return { kind: 'ignored', reason: 'amount_mismatch' };
  }
  const paymentIntentId =
    typeof session.payment_intent === 'string'
      ? session.payment_intent
      : (session.payment_intent?.id ?? null);
  const paid = await tx.payment.updateMany({
    where: { id: payment.id, status: 'pending' },
    data: { status: 'paid', paidAt: now, stripePaymentIntentId: paymentIntentId },
  });
  if (paid.count !== 1) return { kind: 'ignored', reason: 'already_settled' };

  const status =
    payment.appointment.appointmentType.bookingMode === 'instant' ? 'confirmed' : 'requested';
  const moved = await tx.appointment.updateMany({
    where: { id: payment.appointmentId, status: 'held' },
    data: { status, ...(status === 'confirmed' ? { confirmedAt: now } : { requestedAt: now }) },
  });
  const base = {
    kind: 'settled',
    practiceId: payment.practiceId,
    paymentId: payment.id,
    appointmentId: payment.appointmentId,
  } as const;
  if (moved.count === 1) {
    const job = status === 'confirmed' ? BOOKING_JOBS.booked : BOOKING_JOBS.requested;
    await enqueueBookingJob(
      tx,
      job,
      { appointmentId: payment.appointmentId, practiceId: payment.practiceId },
      now,
    );
    return {
      ...base,
      action: status === 'confirmed' ? 'appointment.confirm' : 'appointment.request',
      detail: { via: 'payment' },
    };
  }
  // Paid for a slot that is no longer held (released after the grace): give it back.
  await enqueueLifecycleJob(
    tx,
    LIFECYCLE_JOBS.refund,
    {
      paymentId: payment.id,
      practiceId: payment.practiceId,
      amountCents: payment.amountCents,
      reason: 'hold_lost',
    },
    payment.id,
    now,
  );
  return { ...base, action: 'payment.refund_scheduled', detail: { reason: 'hold_lost' } };
}

async function expired(
  tx: Prisma.TransactionClient,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<EventOutcome> {
  const payment = await pendingPaymentOf(tx, session);
  if (!payment) return { kind: 'ignored', reason: 'unknown_session' };
  const r = await tx.payment.updateMany({
    where: { id: payment.id, status: 'pending' },
    data: { status: 'expired' },
  });
  if (r.count !== 1) return { kind: 'ignored', reason: 'already_settled' };
  const released = await tx.appointment.updateManyAndReturn({
    where: { id: payment.appointmentId, status: 'held' },
    data: { status: 'expired', holdTokenHash: null },
    select: {
      practiceId: true,
      appointmentTypeId: true,
      clinicianId: true,
      startsAt: true,
      id: true,
    },
  });
  for (const a of released) {
    await enqueueLifecycleJob(
      tx,
      LIFECYCLE_JOBS.slotFreed,
      slotFreedPayload(a),
      `${a.id}:expired`,
      now,
    );
  }
  return {
    kind: 'settled',
    practiceId: payment.practiceId,
    paymentId: payment.id,
    appointmentId: payment.appointmentId,
    action: 'payment.checkout_expired',
    detail: { released: released.length === 1 },
  };
}
