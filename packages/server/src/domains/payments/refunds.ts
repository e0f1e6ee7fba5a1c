// Refunds run as durable jobs, never inside the request or transaction that
// decides them: the decision (and the amount) is committed with the
// cancellation, and the job retries until Stripe has it. The Stripe
// idempotency key is per payment, so however often the job runs, at most
// one refund is created.
import type { AppServices } from '../../services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { enqueueLifecycleJob, LIFECYCLE_JOBS } from '../booking/lifecycle-jobs.js';
import { stripeOf } from './stripe-client.js';

export interface RefundJob {
  paymentId: string;
  practiceId: string;
  amountCents: number;
  reason: string;
}

export async function scheduleRefund(
  tx: Prisma.TransactionClient,
  job: RefundJob,
  now: Date,
): Promise<void> {
  if (job.amountCents <= 0) return;
  await enqueueLifecycleJob(tx, LIFECYCLE_JOBS.refund, { ...job }, job.paymentId, now);
}

export async function runRefund(services: AppServices, job: RefundJob): Promise<void> {
  const payment = await services.prisma.payment.findFirst({
    where: { id: job.paymentId, practiceId: job.practiceId },
    select: {
      id: true,
      status: true,
      amountCents: true,
      refundedCents: true,
      stripePaymentIntentId: true,
      appointmentId: true,
    },
  });
  if (!payment || !payment.stripePaymentIntentId) return;
  if (payment.status === 'refunded' || payment.status === 'partially_refunded') return;
  const amount = Math.min(job.amountCents, payment.amountCents);
  const { stripe } = stripeOf(services);
  const refund = await stripe.refunds.create(
    {
      payment_intent: payment.stripePaymentIntentId,
      amount,
      reason: 'requested_by_customer',
      metadata: {
        practiceId: job.practiceId,
        paymentId: payment.id,
        appointmentId: payment.appointmentId,
      },
    },
    { idempotencyKey: `refund:${payment.id}` },
  );
  await services.prisma.payment.update({
    where: { id: payment.id },
    data: {
      status: amount >= payment.amountCents ? 'refunded' : 'partially_refunded',
      refundedCents: amount,
      stripeRefundId: refund.id,
    },
  });
  await services.audit.record({
    practiceId: job.practiceId,
    actor: { type: 'system', id: 'payments' },
    action: 'payment.refund',
    objectType: 'Payment',
    objectId: payment.id,
    outcome: 'success',
    detail: {
      appointmentId: payment.appointmentId,
      amountCents: amount,
      reason: job.reason,
      refundId: refund.id,
    },
  });
}
