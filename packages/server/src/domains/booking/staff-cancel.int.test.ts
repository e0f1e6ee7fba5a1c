// Staff cancel appointments from the console (booking.appointments.cancel):
// who may cancel and which refund rule they may choose, what each rule
// refunds (Payment rows, refund jobs, refunds received by the loopback
// Stripe fake), exactly-once under a double click, the freed slot offered to
// the waitlist, and the client e-mail only when asked (loopback SMTP).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../test/support/fixtures.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { deliverWebhook, stripeEvent } from '../../../test/support/stripe-webhooks.js';
import {
  bookWithCheckout,
  startPaymentsApp,
  type PaymentsHarness,
} from '../payments/payments-test-world.js';
import { bookingWorld, person, type BookingWorld } from './booking-test-world.js';

/** Tuesday 2026-03-03, New York wall clock 09:00–16:00 (the clock stands on Monday 07:00). */
const tue = (hourNy: number) => `2026-03-03T${String(hourNy + 5).padStart(2, '0')}:00:00.000Z`;

let smtp: TestSmtp;
let h: PaymentsHarness;
beforeAll(async () => {
  smtp = await startTestSmtp();
  h = await startPaymentsApp({
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://book.example.test' },
  });
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const db = () => h.app.services.prisma;
const drainJobs = async () => {
  while ((await h.app.services.jobs.runDue(50)) > 0);
};
const staffOf = async (
  w: BookingWorld,
  role: 'owner' | 'front_desk' | 'clinician' | 'biller' | 'auditor',
) =>
  h.app.caller({
    staffSessionToken: (await signedInStaff(h.app, w.practice.practiceId, role)).token,
  });
const clinicianCaller = (w: BookingWorld) => h.app.caller({ staffSessionToken: w.clinician.token });

/** A booked (confirmed) appointment without payment; `n` picks the client. */
async function booked(w: BookingWorld, typeId: string, startsAt: string, n = 1) {
  const hold = await w
    .widget()
    .booking.hold({ appointmentTypeId: typeId, clinicianId: w.clinician.userId, startsAt });
  await w
    .widget({ idempotencyKey: crypto.randomUUID() })
    .booking.confirm({ holdToken: hold.holdToken, client: person(n) });
  return hold.holdId;
}

/** A confirmed appointment whose 30.00 deposit is paid; 20.00 late fee; every Tuesday slot is late (48 h window). */
async function paidLate(w: BookingWorld, startsAt: string) {
  const type = await w.createType({
    name: 'Paid',
    priceCents: 10_000,
    depositCents: 3_000,
    lateCancelFeeCents: 2_000,
    cancellationWindowHours: 48,
  });
  const { pending, sessionId } = await bookWithCheckout(h, w, type.id, startsAt);
  const r = await deliverWebhook(
    h.base,
    stripeEvent('checkout.session.completed', h.fake.complete(sessionId)),
    { at: h.app.clock.now() },
  );
  expect(r.status).toBe(200);
  return pending.appointmentId;
}

const appointmentRow = (id: string) =>
  db().appointment.findUniqueOrThrow({
    where: { id },
    select: { status: true, cancelReason: true, cancelledAt: true },
  });
const paymentsOf = (appointmentId: string) =>
  db().payment.findMany({
    where: { appointmentId },
    orderBy: { createdAt: 'asc' },
    select: {
      kind: true,
      status: true,
      amountCents: true,
      refundedCents: true,
      retainedFeeCents: true,
    },
  });
/** Lifecycle jobs of one appointment (other job kinds, e.g. hold bookkeeping, are not this suite's concern). */
const LIFECYCLE = ['appointment.booked', 'appointment.cancelled', 'appointment.slot_freed'];
const jobsFor = (appointmentId: string) =>
  db().job.findMany({
    where: {
      name: { in: LIFECYCLE },
      OR: [
        { dedupeKey: { contains: appointmentId } },
        { payload: { path: ['appointmentId'], equals: appointmentId } },
      ],
    },
    select: { name: true },
  });
const refundsFor = (appointmentId: string) =>
  h.fake.refunds.filter((r) => r.metadata.appointmentId === appointmentId).map((r) => r.amount);

describe('booking.appointments.cancel: who may cancel, and with which refund', () => {
  it('owner and front desk cancel any calendar, a clinician only their own; biller and auditor never; front desk cannot withhold a refund', async () => {
    const w = await bookingWorld(h.app);
    const frontDesk = await staffOf(w, 'front_desk');
    const otherClinician = await staffOf(w, 'clinician');
    const biller = await staffOf(w, 'biller');
    const auditor = await staffOf(w, 'auditor');
    const [a, b, c] = [
      await booked(w, w.type.id, tue(9), 1),
      await booked(w, w.type.id, tue(10), 2),
      await booked(w, w.type.id, tue(11), 3),
    ];
    const input = (appointmentId: string, refund: 'policy' | 'full' | 'none' = 'full') => ({
      appointmentId,
      refund,
      notifyClient: false,
    });

    await expect(biller.booking.appointments.cancel(input(a))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(auditor.booking.appointments.cancel(input(a))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(otherClinician.booking.appointments.cancel(input(a))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(frontDesk.booking.appointments.cancel(input(a, 'none'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      clinicianCaller(w).booking.appointments.cancel(input(a, 'none')),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await appointmentRow(a)).toMatchObject({ status: 'confirmed', cancelReason: null });
    expect(await jobsFor(a)).toEqual([expect.objectContaining({ name: 'appointment.booked' })]);

    expect(await frontDesk.booking.appointments.cancel(input(a, 'policy'))).toMatchObject({
      status: 'cancelled',
      refund: 'policy',
    });
    expect(await clinicianCaller(w).booking.appointments.cancel(input(b))).toMatchObject({
      status: 'cancelled',
    });
    expect(await w.staff.booking.appointments.cancel(input(c, 'none'))).toMatchObject({
      status: 'cancelled',
      refund: 'none',
    });
    for (const id of [a, b, c])
      expect(await appointmentRow(id)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'practice',
      });
    const audit = await db().auditEvent.findMany({
      where: { practiceId: w.practice.practiceId, action: 'appointment.cancel' },
      select: { objectId: true, actorType: true, actorId: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { objectId: b, actorType: 'staff', actorId: w.clinician.userId },
        expect.objectContaining({ objectId: a, actorType: 'staff' }),
      ]),
    );
    // An unknown appointment and another practice's look the same.
    const other = await bookingWorld(h.app, 'b');
    const foreign = await booked(other, other.type.id, tue(9), 4);
    await expect(w.staff.booking.appointments.cancel(input(foreign))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await appointmentRow(foreign)).toMatchObject({ status: 'confirmed' });
  }, 90_000); // two practices, five staff members and four bookings: slow when the machine is busy

  it('policy keeps the late fee from the deposit and refunds the rest; full refunds everything; none refunds nothing (fake Stripe receives exactly that)', async () => {
    const w = await bookingWorld(h.app);
    const [policy, full, none] = [
      await paidLate(w, tue(9)),
      await paidLate(w, tue(10)),
      await paidLate(w, tue(11)),
    ];
    const preview = await w.staff.booking.appointments.cancelPreview({ appointmentId: policy });
    expect(preview).toMatchObject({ cancellable: true, paidCents: 3_000, currency: 'usd' });
    expect(preview.options).toEqual([
      { refund: 'full', late: true, refundCents: 3_000, feeCents: 0, owedCents: 0 },
      { refund: 'policy', late: true, refundCents: 1_000, feeCents: 2_000, owedCents: 0 },
      { refund: 'none', late: true, refundCents: 0, feeCents: 0, owedCents: 0 },
    ]);
    const cancel = (appointmentId: string, refund: 'policy' | 'full' | 'none') =>
      w.staff.booking.appointments.cancel({ appointmentId, refund, notifyClient: false });
    expect(await cancel(policy, 'policy')).toMatchObject({
      late: true,
      feeCents: 2_000,
      refundCents: 1_000,
    });
    expect(await cancel(full, 'full')).toMatchObject({
      late: true,
      feeCents: 0,
      refundCents: 3_000,
    });
    expect(await cancel(none, 'none')).toMatchObject({ late: true, feeCents: 0, refundCents: 0 });
    const refundJobs = await db().job.count({
      where: {
        name: 'payment.refund',
        payload: { path: ['practiceId'], equals: w.practice.practiceId },
      },
    });
    expect(refundJobs).toBe(2);
    await drainJobs();
    expect(refundsFor(policy)).toEqual([1_000]);
    expect(refundsFor(full)).toEqual([3_000]);
    expect(refundsFor(none)).toEqual([]);
    expect(await paymentsOf(policy)).toEqual([
      {
        kind: 'deposit',
        status: 'partially_refunded',
        amountCents: 3_000,
        refundedCents: 1_000,
        retainedFeeCents: 2_000,
      },
    ]);
    expect(await paymentsOf(full)).toEqual([
      {
        kind: 'deposit',
        status: 'refunded',
        amountCents: 3_000,
        refundedCents: 3_000,
        retainedFeeCents: 0,
      },
    ]);
    expect(await paymentsOf(none)).toEqual([
      {
        kind: 'deposit',
        status: 'paid',
        amountCents: 3_000,
        refundedCents: 0,
        retainedFeeCents: 3_000,
      },
    ]);
  });

  it('policy without a deposit records the late fee as due; full waives it (no due row)', async () => {
    const w = await bookingWorld(h.app);
    const type = await w.createType({
      name: 'Fee only',
      lateCancelFeeCents: 4_500,
      cancellationWindowHours: 48,
    });
    const [a, b] = [await booked(w, type.id, tue(12), 5), await booked(w, type.id, tue(13), 6)];
    await w.staff.booking.appointments.cancel({
      appointmentId: a,
      refund: 'policy',
      notifyClient: false,
    });
    await w.staff.booking.appointments.cancel({
      appointmentId: b,
      refund: 'full',
      notifyClient: false,
    });
    expect(await paymentsOf(a)).toEqual([
      {
        kind: 'late_cancel_fee',
        status: 'due',
        amountCents: 4_500,
        refundedCents: 0,
        retainedFeeCents: 0,
      },
    ]);
    expect(await paymentsOf(b)).toEqual([]);
  });

  it('two cancels at once: one succeeds, the other is PRECONDITION_FAILED, one set of jobs; a past or cancelled appointment is refused', async () => {
    const w = await bookingWorld(h.app);
    const id = await paidLate(w, tue(14));
    const input = { appointmentId: id, refund: 'full' as const, notifyClient: true };
    const results = await Promise.allSettled([
      w.staff.booking.appointments.cancel(input),
      w.staff.booking.appointments.cancel(input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await jobsFor(id)).map((j) => j.name).sort()).toEqual(
      ['appointment.booked', 'appointment.cancelled', 'appointment.slot_freed'].sort(),
    );
    expect(
      await db().job.count({
        where: {
          name: 'payment.refund',
          payload: { path: ['amountCents'], equals: 3_000 },
          dedupeKey: {
            contains: (await db().payment.findFirstOrThrow({ where: { appointmentId: id } })).id,
          },
        },
      }),
    ).toBe(1);
    await expect(w.staff.booking.appointments.cancel(input)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const past = await booked(w, w.type.id, tue(15), 7);
    h.app.clock.advance(2 * 86_400_000);
    try {
      const later = await staffOf(w, 'owner'); // a session started after the jump
      await expect(
        later.booking.appointments.cancel({
          appointmentId: past,
          refund: 'full',
          notifyClient: false,
        }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    } finally {
      h.app.clock.advance(-2 * 86_400_000);
    }
    expect(await appointmentRow(past)).toMatchObject({ status: 'confirmed' });
  });

  it('frees the slot for the waitlist, and e-mails the client only when asked (no name in the mail)', async () => {
    const w = await bookingWorld(h.app);
    const quiet = await booked(w, w.type.id, tue(9), 8);
    const told = await booked(w, w.type.id, tue(10), 9);
    await w.widget().booking.waitlist.join({
      appointmentTypeId: w.type.id,
      from: tue(9),
      to: tue(10),
      email: 'waiting-for-quiet@example.test',
    });
    await w.staff.booking.appointments.cancel({
      appointmentId: quiet,
      refund: 'full',
      notifyClient: false,
    });
    await w.staff.booking.appointments.cancel({
      appointmentId: told,
      refund: 'full',
      notifyClient: true,
    });
    expect((await jobsFor(quiet)).map((j) => j.name)).not.toContain('appointment.cancelled');
    expect((await jobsFor(quiet)).map((j) => j.name)).toContain('appointment.slot_freed');
    await drainJobs();
    const offer = await smtp.waitFor((m) => m.to.includes('waiting-for-quiet@example.test'));
    expect(offer.text).toContain('/booking/waitlist#hold=');
    const mail = await smtp.waitFor((m) => m.to.includes(person(9).email));
    expect(mail.subject).toMatch(/cancelled/);
    expect(`${mail.subject}\n${mail.text}`).not.toContain(person(9).firstName);
    expect(
      smtp.messages.filter((m) => m.to.includes(person(8).email) && /cancelled/.test(m.subject)),
    ).toEqual([]);
  });

  it('the calendar list leaves cancelled appointments out unless includeCancelled, then names why', async () => {
    const w = await bookingWorld(h.app);
    const id = await booked(w, w.type.id, tue(11), 10);
    await w.staff.booking.appointments.cancel({
      appointmentId: id,
      refund: 'full',
      notifyClient: false,
    });
    const range = { from: tue(8), to: tue(17) };
    expect((await w.staff.booking.appointments.list(range)).map((a) => a.id)).not.toContain(id);
    const all = await w.staff.booking.appointments.list({ ...range, includeCancelled: true });
    expect(all.find((a) => a.id === id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'practice',
      client: { firstName: person(10).firstName },
    });
  });
});
