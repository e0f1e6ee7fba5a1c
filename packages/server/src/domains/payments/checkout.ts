// Booking with a deposit or prepayment: `booking.confirm` hands over here.
// The Stripe Checkout Session is created first, with an idempotency key per
// appointment and an expiry computed from the hold (so a retry sends the
// same request and Stripe answers with the same session). Then one
// transaction claims the Idempotency-Key, records the client, keeps the
// appointment `held` (its hold now lasts until the checkout expires, plus a
// grace for a late webhook) and writes the pending Payment. Only the signed
// webhook confirms the booking (settle-checkout.ts).
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import type { Actor } from '../../audit/audit-log.js';
import type { IdentifiedBooker } from '../booking/booking-client.js';
import { auditClientCreatedByBooking, matchOrCreateClient } from '../booking/booking-client.js';
import { claimKey, storeResponse, type IdempotencyScope } from '../booking/idempotency.js';
import { TRANSACTION_OPTIONS } from '../booking/hold-slot.js';
import { stripeOf } from './stripe-client.js';
import { upfrontPayment, type PaymentTerms } from './payment-policy.js';

/** Stripe's shortest allowed Checkout expiry. */
export const CHECKOUT_MINUTES = 30;
/** The slot stays held this long past the checkout's expiry, for a payment completed at the last second. */
export const CHECKOUT_GRACE_MINUTES = 15;

export interface PendingCheckout {
  appointmentId: string;
  status: 'awaiting_payment';
  startsAt: string;
  endsAt: string;
  checkoutUrl: string;
  paymentExpiresAt: string;
  amountCents: number;
  currency: string;
}

export interface CheckoutRequest {
  practiceId: string;
  hold: {
    id: string;
    holdExpiresAt: Date;
    startsAt: Date;
    endsAt: Date;
    type: PaymentTerms & { id: string };
  };
  booker: IdentifiedBooker;
  key: IdempotencyScope;
  now: Date;
  ip: string;
  /** The widget page's origin (already checked against the key's allowed origins). */
  origin: string | null;
  /** The widget's page, used only when it is on that same origin. */
  returnUrl?: string | undefined;
}

/** Where Checkout sends the client back: the widget's page when it is on the request's (allowed) origin, else that origin's root. */
export function checkoutReturnUrl(
  req: Pick<CheckoutRequest, 'origin' | 'returnUrl'>,
  fallback: string,
  appointmentId: string,
  status: 'success' | 'cancel',
): string {
  let url: URL;
  try {
    url = new URL(`${req.origin ?? fallback}/`);
  } catch {
    url = new URL(`${fallback}/`);
  }
  if (req.returnUrl) {
    const page = new URL(req.returnUrl);
    // Another origin would make the practice's checkout an open redirect.
    if (page.origin === url.origin) url = page;
  }
  url.hash = '';
  url.searchParams.set('booking', appointmentId);
  url.searchParams.set('status', status);
  return url.toString();
}

const holdExpired = () =>
  new DomainError(
    'PRECONDITION_FAILED',
    'Your hold on this time has expired. Please choose a time again.',
    {
      reason: 'hold_expired',
    },
  );

export async function startCheckout(
  services: AppServices,
  req: CheckoutRequest,
): Promise<PendingCheckout> {
  const due = upfrontPayment(req.hold.type);
  if (!due) throw new DomainError('INTERNAL', 'No payment due');
  const { stripe, config } = stripeOf(services);
  const expiresAt = new Date(req.hold.holdExpiresAt.getTime() + CHECKOUT_MINUTES * 60_000);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          // Generic wording: the appointment type's name can itself reveal care.
          price_data: {
            currency: config.currency,
            unit_amount: due.amountCents,
            product_data: {
              name: due.kind === 'deposit' ? 'Appointment deposit' : 'Appointment prepayment',
            },
          },
        },
      ],
      client_reference_id: req.hold.id,
      metadata: { practiceId: req.practiceId, appointmentId: req.hold.id },
      payment_intent_data: { metadata: { practiceId: req.practiceId, appointmentId: req.hold.id } },
      // The widget's return seam (widgets/src/booking/booking-api.ts): ?booking=<id>&status=success|cancel.
      success_url: checkoutReturnUrl(req, services.config.publicUrl, req.hold.id, 'success'),
      cancel_url: checkoutReturnUrl(req, services.config.publicUrl, req.hold.id, 'cancel'),
      expires_at: Math.floor(expiresAt.getTime() / 1000),
    },
    { idempotencyKey: `checkout:${req.hold.id}` },
  );
  if (!session.url) throw new DomainError('INTERNAL', 'Checkout session without a URL');

  const outcome = await services.prisma.$transaction(async (tx) => {
    const claim = await claimKey<PendingCheckout>(tx, req.key, req.now);
    if (!claim.claimed) return { pending: claim.response, replayed: true as const };
    const client = await matchOrCreateClient(tx, req.practiceId, req.booker);
    const moved = await tx.appointment.updateMany({
      where: { id: req.hold.id, status: 'held', holdExpiresAt: { gt: req.now } },
      data: {
        clientId: client.clientId,
        // The hold token is spent: only the webhook moves this row on now.
        holdTokenHash: null,
        holdExpiresAt: new Date(expiresAt.getTime() + CHECKOUT_GRACE_MINUTES * 60_000),
      },
    });
    if (moved.count !== 1) throw holdExpired();
    const payment = await tx.payment.create({
      data: {
        practiceId: req.practiceId,
        appointmentId: req.hold.id,
        kind: due.kind,
        status: 'pending',
        amountCents: due.amountCents,
        currency: config.currency,
        stripeCheckoutSessionId: session.id,
        checkoutExpiresAt: expiresAt,
      },
      select: { id: true },
    });
    const pending: PendingCheckout = {
      appointmentId: req.hold.id,
      status: 'awaiting_payment',
      startsAt: req.hold.startsAt.toISOString(),
      endsAt: req.hold.endsAt.toISOString(),
      checkoutUrl: session.url!,
      paymentExpiresAt: expiresAt.toISOString(),
      amountCents: due.amountCents,
      currency: config.currency,
    };
    await storeResponse(tx, req.key, { ...pending });
    return { pending, replayed: false as const, client, paymentId: payment.id };
  }, TRANSACTION_OPTIONS);

  if (!outcome.pending)
    throw new DomainError('CONFLICT', 'This request is still being processed; retry shortly');
  if (!outcome.replayed) {
    const actor: Actor = { type: 'anonymous', id: null };
    if (outcome.client.created) {
      await auditClientCreatedByBooking(services, req, outcome.client.clientId, req.hold.id);
    }
    await services.audit.record({
      practiceId: req.practiceId,
      actor,
      ip: req.ip,
      action: 'payment.checkout_start',
      objectType: 'Payment',
      objectId: outcome.paymentId,
      outcome: 'success',
      detail: {
        appointmentId: req.hold.id,
        clientId: outcome.client.clientId,
        amountCents: due.amountCents,
        kind: due.kind,
      },
    });
  }
  return outcome.pending;
}
