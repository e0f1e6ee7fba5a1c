// Refunds when a paid booking is cancelled through its manage link: in the
// window the whole payment goes back; late, the practice keeps the fee and
// refunds the rest. Refunds run as durable jobs against the loopback Stripe
// fake with one idempotency key per payment, so retries refund once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWorld } from '../booking/booking-test-world.js';
import { issueManageToken } from '../booking/manage-link.js';
import { deliverWebhook, stripeEvent } from '../../../test/support/stripe-webhooks.js';
import { bookWithCheckout, startPaymentsApp, type PaymentsHarness } from './payments-test-world.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const HOUR = 3_600_000;

let h: PaymentsHarness;
beforeAll(async () => {
  h = await startPaymentsApp();
});
afterAll(async () => {
  await h?.close();
});

async function paidBooking(lateCancelFeeCents: number) {
  const w = await bookingWorld(h.app);
  const type = await w.createType({
    name: 'Paid',
    priceCents: 10_000,
    depositCents: 3_000,
    lateCancelFeeCents,
    cancellationWindowHours: 24,
  });
  const { pending, sessionId } = await bookWithCheckout(h, w, type.id, TUE_10);
  const r = await deliverWebhook(
    h.base,
    stripeEvent('checkout.session.completed', h.fake.complete(sessionId)),
    { at: h.app.clock.now() },
  );
  expect(r.status).toBe(200);
  const token = issueManageToken(
    h.app.config,
    pending.appointmentId,
    new Date(TUE_10),
    h.app.clock.now(),
  );
  return { w, appointmentId: pending.appointmentId, token };
}

const refundsFor = (appointmentId: string) =>
  h.fake.refunds.filter((r) => r.metadata.appointmentId === appointmentId);
const drainJobs = async () => {
  while ((await h.app.services.jobs.runDue(50)) > 0);
};

describe('refunds on cancellation', () => {
  it('refunds the whole deposit when cancelled inside the policy window, once, even if the job runs again after a Stripe error', async () => {
    const { w, appointmentId, token } = await paidBooking(2_000);
    const r = await w.widget().booking.manage.cancel({ token });
    expect(r).toMatchObject({ late: false, feeCents: 0, refundCents: 3_000 });
    h.fake.failNext(1); // the SDK retries with the same Idempotency-Key
    await drainJobs();
    expect(refundsFor(appointmentId)).toHaveLength(1);
    expect(refundsFor(appointmentId)[0]!.amount).toBe(3_000);
    const payment = await h.app.services.prisma.payment.findFirstOrThrow({
      where: { appointmentId },
    });
    expect(payment).toMatchObject({
      status: 'refunded',
      refundedCents: 3_000,
      retainedFeeCents: 0,
    });
    expect(payment.stripeRefundId).toMatch(/^re_test_/);
    const sent = h.fake.requests.filter(
      (x) => x.path === '/v1/refunds' && x.body.metadata?.appointmentId === appointmentId,
    );
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((x) => x.idempotencyKey))).toEqual(new Set([`refund:${payment.id}`]));
    // Running the job again (e.g. after a crash before it recorded success) refunds nothing more.
    await h.app.services.jobs.enqueue('payment.refund', {
      paymentId: payment.id,
      practiceId: w.practice.practiceId,
      amountCents: 3_000,
      reason: 'cancellation',
    });
    await drainJobs();
    expect(refundsFor(appointmentId)).toHaveLength(1);
    const audit = await h.app.services.prisma.auditEvent.count({
      where: { objectId: payment.id, action: 'payment.refund' },
    });
    expect(audit).toBe(1);
  });

  it('keeps the late-cancel fee out of a paid deposit and refunds the rest', async () => {
    const { w, appointmentId, token } = await paidBooking(2_000);
    h.app.clock.advance(4 * HOUR);
    try {
      const r = await w.widget().booking.manage.cancel({ token });
      expect(r).toMatchObject({ late: true, feeCents: 2_000, refundCents: 1_000 });
      await drainJobs();
    } finally {
      h.app.clock.advance(-4 * HOUR);
    }
    expect(refundsFor(appointmentId).map((x) => x.amount)).toEqual([1_000]);
    const payments = await h.app.services.prisma.payment.findMany({ where: { appointmentId } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      status: 'partially_refunded',
      refundedCents: 1_000,
      retainedFeeCents: 2_000,
    });
  });

  it('refunds nothing when the fee is larger than the deposit, and records the rest as due', async () => {
    const { w, appointmentId, token } = await paidBooking(5_000);
    h.app.clock.advance(4 * HOUR);
    try {
      expect(await w.widget().booking.manage.cancel({ token })).toMatchObject({
        late: true,
        feeCents: 5_000,
        refundCents: 0,
      });
      await drainJobs();
    } finally {
      h.app.clock.advance(-4 * HOUR);
    }
    expect(refundsFor(appointmentId)).toEqual([]);
    const payments = await h.app.services.prisma.payment.findMany({
      where: { appointmentId },
      orderBy: { createdAt: 'asc' },
    });
    expect(payments.map((p) => [p.kind, p.status, p.amountCents, p.retainedFeeCents])).toEqual(
      expect.arrayContaining([
        ['deposit', 'paid', 3_000, 3_000],
        ['late_cancel_fee', 'due', 2_000, 0],
      ]),
    );
  });

  it('moves a paid deposit with a rescheduled booking, and refunds it when the new booking is cancelled', async () => {
    const { w, appointmentId, token } = await paidBooking(2_000);
    const moved = await w
      .widget()
      .booking.manage.reschedule({ token, startsAt: '2026-03-03T16:00:00.000Z' });
    const payment = await h.app.services.prisma.payment.findFirstOrThrow({
      where: { stripeCheckoutSessionId: { not: null }, appointmentId: moved.appointmentId },
    });
    expect(payment).toMatchObject({ status: 'paid', amountCents: 3_000 });
    expect(await h.app.services.prisma.payment.count({ where: { appointmentId } })).toBe(0);
    expect((await w.widget().booking.manage.get({ token: moved.manageToken })).paidCents).toBe(
      3_000,
    );
    await w.widget().booking.manage.cancel({ token: moved.manageToken });
    await drainJobs();
    expect(refundsFor(appointmentId).map((x) => x.amount)).toEqual([]);
    expect(
      h.fake.refunds.filter((x) => x.metadata.paymentId === payment.id).map((x) => x.amount),
    ).toEqual([3_000]);
  });
});
