// Deposits and prepayment through Stripe Checkout, on real PostgreSQL and
// real HTTP, with the official SDK talking to a loopback Stripe fake and
// webhooks signed by the SDK's own helper: the booking waits for the signed
// webhook, each event is taken once, bad or stale signatures change nothing,
// an abandoned checkout frees the slot, a payment for a lost hold is refunded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingWorld,
  person,
  trpcHttp,
  type BookingWorld,
} from '../booking/booking-test-world.js';
import { deliverWebhook, stripeEvent } from '../../../test/support/stripe-webhooks.js';
import {
  bookWithCheckout,
  startPaymentsApp,
  widgetHeaders,
  type PaymentsHarness,
} from './payments-test-world.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const MIN = 60_000;

let h: PaymentsHarness;
beforeAll(async () => {
  h = await startPaymentsApp();
});
afterAll(async () => {
  await h?.close();
});

async function paidWorld(
  options: { priceCents?: number; depositCents?: number; bookingMode?: 'instant' | 'request' } = {},
) {
  const w = await bookingWorld(h.app);
  const type = await w.createType({
    name: 'Paid session',
    priceCents: 12_000,
    depositCents: 3_000,
    ...options,
  });
  return { w, typeId: type.id };
}

const appointment = (id: string) =>
  h.app.services.prisma.appointment.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      holdExpiresAt: true,
      confirmedAt: true,
      clientId: true,
      holdTokenHash: true,
    },
  });
const paymentOf = (appointmentId: string) =>
  h.app.services.prisma.payment.findFirstOrThrow({ where: { appointmentId } });
const jobsFor = (name: string, appointmentId: string) =>
  h.app.services.prisma.job.count({
    where: { name, payload: { path: ['appointmentId'], equals: appointmentId } },
  });

async function availableStarts(w: BookingWorld, typeId: string) {
  const r = await w.widget().booking.availability({
    appointmentTypeId: typeId,
    from: '2026-03-03T14:00:00Z',
    to: '2026-03-03T18:00:00Z',
    timeZone: 'UTC',
  });
  return r.slots.map((s) => s.startsAt);
}

describe('Stripe Checkout deposits', () => {
  it('creates one Checkout Session (ids-only metadata, idempotency key, expiry) and keeps the slot held until the signed webhook confirms it', async () => {
    const { w, typeId } = await paidWorld();
    const { pending, sessionId, hold, key } = await bookWithCheckout(h, w, typeId, TUE_10);
    expect(pending).toMatchObject({
      appointmentId: hold.holdId,
      status: 'awaiting_payment',
      amountCents: 3_000,
    });

    const created = h.fake.requests.filter(
      (r) => r.path === '/v1/checkout/sessions' && r.body.client_reference_id === hold.holdId,
    );
    expect(created).toHaveLength(1);
    const sent = created[0]!;
    expect(sent.idempotencyKey).toBe(`checkout:${hold.holdId}`);
    expect(sent.body.metadata).toEqual({
      practiceId: w.practice.practiceId,
      appointmentId: hold.holdId,
    });
    expect(sent.body.line_items[0].price_data).toMatchObject({
      unit_amount: '3000',
      currency: 'usd',
    });
    expect(sent.body.success_url).toBe(
      `${w.practice.origin}/?booking=${hold.holdId}&status=success`,
    );
    expect(sent.body.cancel_url).toBe(`${w.practice.origin}/?booking=${hold.holdId}&status=cancel`);
    // Checkout expires 30 minutes after the original 10-minute hold.
    expect(Number(sent.body.expires_at) * 1000).toBe(h.app.clock.now().getTime() + 40 * MIN);
    expect(JSON.stringify(sent.body)).not.toMatch(/Canary|canary-1@|Paid session/);

    // Retrying the same request (same Idempotency-Key) gives the same checkout, no second session.
    const again = await trpcHttp(
      h.base,
      'booking.confirm',
      { holdToken: hold.holdToken, client: person(1) },
      widgetHeaders(w, key),
    );
    expect(again.body.result.data.checkoutUrl).toBe(pending.checkoutUrl);
    expect(h.fake.requests.filter((r) => r.body.client_reference_id === hold.holdId)).toHaveLength(
      1,
    );

    const held = await appointment(hold.holdId);
    expect(held.status).toBe('held');
    expect(held.holdTokenHash).toBeNull();
    expect(held.holdExpiresAt!.getTime()).toBeGreaterThan(
      new Date(pending.paymentExpiresAt).getTime(),
    );
    expect((await paymentOf(hold.holdId)).status).toBe('pending');
    expect(await availableStarts(w, typeId)).not.toContain(TUE_10);
    expect(await jobsFor('appointment.booked', hold.holdId)).toBe(0);

    // Past the plain 10-minute hold, the slot is still the payer's.
    h.app.clock.advance(20 * MIN);
    try {
      await expect(
        w.widget().booking.hold({
          appointmentTypeId: typeId,
          clinicianId: w.clinician.userId,
          startsAt: TUE_10,
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      const r = await deliverWebhook(
        h.base,
        stripeEvent('checkout.session.completed', h.fake.complete(sessionId)),
        { at: h.app.clock.now() },
      );
      expect(r).toEqual({ status: 200, body: { received: true, duplicate: false } });
    } finally {
      h.app.clock.advance(-20 * MIN);
    }
    const confirmed = await appointment(hold.holdId);
    expect(confirmed.status).toBe('confirmed');
    const payment = await paymentOf(hold.holdId);
    expect(payment).toMatchObject({
      status: 'paid',
      amountCents: 3_000,
      kind: 'deposit',
      practiceId: w.practice.practiceId,
    });
    expect(payment.stripePaymentIntentId).toMatch(/^pi_test_/);
    expect(await jobsFor('appointment.booked', hold.holdId)).toBe(1);
    const audit = await h.app.services.prisma.auditEvent.findMany({
      where: { objectId: hold.holdId, action: 'appointment.confirm' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorType).toBe('system');
  });

  it('takes a redelivered event once, and a second event for the same session changes nothing', async () => {
    const { w, typeId } = await paidWorld({ depositCents: 12_000 });
    const { hold, sessionId } = await bookWithCheckout(h, w, typeId, TUE_10, 1, {
      returnUrl: `${w.practice.origin}/book.html#times`,
    });
    // Checkout returns to the widget's own page (same origin as the request).
    expect(h.fake.sessions.get(sessionId)!.success_url).toBe(
      `${w.practice.origin}/book.html?booking=${hold.holdId}&status=success`,
    );
    const event = stripeEvent('checkout.session.completed', h.fake.complete(sessionId));
    const at = h.app.clock.now();
    const results = await Promise.all([1, 2, 3].map(() => deliverWebhook(h.base, event, { at })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    const first = await appointment(hold.holdId);
    expect(first.status).toBe('confirmed');
    expect((await paymentOf(hold.holdId)).kind).toBe('full_prepayment');

    const other = await deliverWebhook(
      h.base,
      stripeEvent('checkout.session.async_payment_succeeded', h.fake.complete(sessionId)),
      { at },
    );
    expect(other.body).toEqual({ received: true, duplicate: false });
    expect(await appointment(hold.holdId)).toEqual(first);
    expect(await jobsFor('appointment.booked', hold.holdId)).toBe(1);
    expect(await h.app.services.prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it('refuses a bad signature, a tampered body and a stale timestamp with 400 and changes nothing', async () => {
    const { w, typeId } = await paidWorld();
    const { hold, sessionId } = await bookWithCheckout(h, w, typeId, TUE_10);
    const paid = h.fake.complete(sessionId);
    const now = h.app.clock.now();
    const before = {
      appointment: await appointment(hold.holdId),
      payment: await paymentOf(hold.holdId),
      events: await h.app.services.prisma.stripeEvent.count(),
    };

    const wrongSecret = await deliverWebhook(
      h.base,
      stripeEvent('checkout.session.completed', paid),
      { at: now, secret: 'whsec_someone_else' },
    );
    const tampered = await deliverWebhook(h.base, stripeEvent('checkout.session.completed', paid), {
      at: now,
      tamper: (p) => p.replace('"amount_total":3000', '"amount_total":3001'),
    });
    const stale = await deliverWebhook(h.base, stripeEvent('checkout.session.completed', paid), {
      at: new Date(now.getTime() - 301_000),
    });
    const unsigned = await fetch(`${h.base}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stripeEvent('checkout.session.completed', paid)),
    });
    for (const r of [wrongSecret, tampered, stale])
      expect(r).toEqual({ status: 400, body: { error: { code: 'BAD_SIGNATURE' } } });
    expect(unsigned.status).toBe(400);
    expect({
      appointment: await appointment(hold.holdId),
      payment: await paymentOf(hold.holdId),
      events: await h.app.services.prisma.stripeEvent.count(),
    }).toEqual(before);

    // Positive control: the same event signed 299 s ago is inside the 300 s tolerance.
    const fresh = await deliverWebhook(h.base, stripeEvent('checkout.session.completed', paid), {
      at: new Date(now.getTime() - 299_000),
    });
    expect(fresh.status).toBe(200);
    expect((await appointment(hold.holdId)).status).toBe('confirmed');
  });

  it('does not confirm when the paid amount differs from what was asked', async () => {
    const { w, typeId } = await paidWorld();
    const { hold, sessionId } = await bookWithCheckout(h, w, typeId, TUE_10);
    const r = await deliverWebhook(
      h.base,
      stripeEvent('checkout.session.completed', h.fake.complete(sessionId, { amount_total: 100 })),
      { at: h.app.clock.now() },
    );
    expect(r.status).toBe(200);
    expect((await appointment(hold.holdId)).status).toBe('held');
    expect((await paymentOf(hold.holdId)).status).toBe('pending');
  });

  it('releases the slot when the checkout expires (event), and offers it to the waitlist job', async () => {
    const { w, typeId } = await paidWorld();
    const { hold, sessionId } = await bookWithCheckout(h, w, typeId, TUE_10);
    expect(await availableStarts(w, typeId)).not.toContain(TUE_10);
    const r = await deliverWebhook(
      h.base,
      stripeEvent('checkout.session.expired', h.fake.expire(sessionId)),
      { at: h.app.clock.now() },
    );
    expect(r.status).toBe(200);
    expect((await appointment(hold.holdId)).status).toBe('expired');
    expect((await paymentOf(hold.holdId)).status).toBe('expired');
    expect(await availableStarts(w, typeId)).toContain(TUE_10);
    expect(
      await h.app.services.prisma.job.count({
        where: { name: 'appointment.slot_freed', payload: { path: ['startsAt'], equals: TUE_10 } },
      }),
    ).toBe(1);
    const again = await w.widget().booking.hold({
      appointmentTypeId: typeId,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    expect(again.holdId).not.toBe(hold.holdId);
  });

  it('frees an abandoned checkout when its hold runs out even without an event; a late payment for it is refunded', async () => {
    const { w, typeId } = await paidWorld();
    const { hold, sessionId } = await bookWithCheckout(h, w, typeId, TUE_10);
    const heldUntil = (await appointment(hold.holdId)).holdExpiresAt!;
    h.app.clock.set(heldUntil);
    try {
      expect(await availableStarts(w, typeId)).toContain(TUE_10);
      const next = await w.widget().booking.hold({
        appointmentTypeId: typeId,
        clinicianId: w.clinician.userId,
        startsAt: TUE_10,
      });
      expect((await appointment(hold.holdId)).status).toBe('expired');

      const r = await deliverWebhook(
        h.base,
        stripeEvent('checkout.session.completed', h.fake.complete(sessionId)),
        { at: h.app.clock.now() },
      );
      expect(r.status).toBe(200);
      expect((await appointment(hold.holdId)).status).toBe('expired');
      expect((await appointment(next.holdId)).status).toBe('held');
      await h.app.services.jobs.runDue(50);
      await h.app.services.jobs.runDue(50);
      const refunds = h.fake.refunds.filter((x) => x.metadata.appointmentId === hold.holdId);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]!.amount).toBe(3_000);
      expect(await paymentOf(hold.holdId)).toMatchObject({
        status: 'refunded',
        refundedCents: 3_000,
      });
      const sent = h.fake.requests.filter(
        (x) => x.path === '/v1/refunds' && x.body.metadata?.appointmentId === hold.holdId,
      );
      expect(
        sent.every((x) => x.idempotencyKey === `refund:${sent[0]!.body.metadata.paymentId}`),
      ).toBe(true);
    } finally {
      h.app.clock.set(new Date('2026-03-02T12:00:00Z'));
    }
  });

  it('keeps free types free: no Stripe call, confirmed at once', async () => {
    const w = await bookingWorld(h.app);
    const calls = h.fake.requests.length;
    const hold = await w.widget().booking.hold({
      appointmentTypeId: w.type.id,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    const r = await w
      .widget({ idempotencyKey: 'free-type-key-1' })
      .booking.confirm({ holdToken: hold.holdToken, client: person(2) });
    expect(r.status).toBe('confirmed');
    expect(h.fake.requests.length).toBe(calls);
  });
});
