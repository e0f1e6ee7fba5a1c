// Signed manage links on real PostgreSQL: what the page shows (and does not),
// forged, foreign and expired links, free and late cancellation, and an
// atomic reschedule under the EXCLUDE constraint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { bookingWorld, newBookingClock, person, type BookingWorld } from './booking-test-world.js';
import { issueManageToken } from './manage-link.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const TUE_11 = '2026-03-03T16:00:00.000Z';
const TUE_13 = '2026-03-03T18:00:00.000Z';
const HOUR = 3_600_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock: newBookingClock() });
});
afterAll(async () => {
  await app?.close();
});

let keys = 0;
async function booked(w: BookingWorld, startsAt = TUE_10, typeId = w.type.id) {
  const hold = await w
    .widget()
    .booking.hold({ appointmentTypeId: typeId, clinicianId: w.clinician.userId, startsAt });
  await w
    .widget({ idempotencyKey: `manage-test-${++keys}` })
    .booking.confirm({ holdToken: hold.holdToken, client: person(7) });
  return {
    id: hold.holdId,
    token: issueManageToken(app.config, hold.holdId, new Date(startsAt), app.clock.now()),
  };
}

const statusOf = async (id: string) =>
  (
    await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id },
      select: { status: true },
    })
  ).status;
const starts = async (w: BookingWorld) =>
  (
    await w.widget().booking.availability({
      appointmentTypeId: w.type.id,
      from: '2026-03-03T14:00:00Z',
      to: '2026-03-03T20:00:00Z',
      timeZone: 'UTC',
    })
  ).slots.map((s) => s.startsAt);

async function withClock<T>(offsetMs: number, run: () => Promise<T>): Promise<T> {
  app.clock.advance(offsetMs);
  try {
    return await run();
  } finally {
    app.clock.advance(-offsetMs);
  }
}

describe('booking.manage', () => {
  it('shows time, type and policy, never the client; refuses forged, foreign and expired links', async () => {
    const w = await bookingWorld(app);
    const other = await bookingWorld(app, 'b');
    const { id, token } = await booked(w);
    const view = await w.widget().booking.manage.get({ token });
    expect(view).toMatchObject({
      appointmentId: id,
      status: 'confirmed',
      startsAt: TUE_10,
      startsAtPractice: '2026-03-03T10:00:00-05:00',
      practiceTimeZone: 'America/New_York',
      appointmentType: { name: 'Consultation', durationMinutes: 50 },
      policy: {
        cancellationWindowHours: 24,
        lateCancelFeeCents: 0,
        freeCancellationUntil: '2026-03-02T15:00:00.000Z',
      },
      canCancel: true,
      canReschedule: true,
    });
    expect(JSON.stringify(view)).not.toMatch(/Canary|canary-7/);
    const audit = await app.services.prisma.auditEvent.findFirst({
      where: { objectId: id, action: 'appointment.read' },
    });
    expect(audit).not.toBeNull();

    const last = token.at(-1) === 'A' ? 'B' : 'A';
    await expect(
      w.widget().booking.manage.get({ token: token.slice(0, -1) + last }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.widget().booking.manage.get({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.widget().booking.manage.cancel({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const otherSecret = issueManageToken(
      { ...app.config, appSecret: 'another-secret-another-secret-0000' },
      id,
      new Date(TUE_10),
      app.clock.now(),
    );
    await expect(w.widget().booking.manage.get({ token: otherSecret })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await withClock(28 * HOUR + 24 * HOUR, () =>
      expect(w.widget().booking.manage.get({ token })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      }),
    );
    expect(await statusOf(id)).toBe('confirmed');
  });

  it('cancels inside the window for free, frees the slot once, and refuses a second cancel', async () => {
    const w = await bookingWorld(app);
    const { id, token } = await booked(w);
    expect(await starts(w)).not.toContain(TUE_10);
    const r = await w.widget().booking.manage.cancel({ token });
    expect(r).toEqual({
      appointmentId: id,
      status: 'cancelled',
      late: false,
      feeCents: 0,
      refundCents: 0,
    });
    expect(await statusOf(id)).toBe('cancelled');
    expect(await starts(w)).toContain(TUE_10);
    const jobs = await app.services.prisma.job.findMany({
      where: {
        dedupeKey: {
          in: [`appointment.cancelled:${id}`, `appointment.slot_freed:${id}:cancelled`],
        },
      },
      select: { payload: true },
    });
    expect(jobs).toHaveLength(2);
    expect(JSON.stringify(jobs)).not.toMatch(/Canary|canary/);
    await expect(w.widget().booking.manage.cancel({ token })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await app.services.prisma.payment.count({ where: { appointmentId: id } })).toBe(0);
  });

  it('records the late-cancel fee as due when no deposit covers it', async () => {
    const w = await bookingWorld(app, 'a', {
      lateCancelFeeCents: 4_500,
      cancellationWindowHours: 24,
    });
    const { id, token } = await booked(w);
    const r = await withClock(4 * HOUR, () => w.widget().booking.manage.cancel({ token }));
    expect(r).toMatchObject({ late: true, feeCents: 4_500, refundCents: 0 });
    const fee = await app.services.prisma.payment.findFirstOrThrow({
      where: { appointmentId: id },
    });
    expect(fee).toMatchObject({
      kind: 'late_cancel_fee',
      status: 'due',
      amountCents: 4_500,
      practiceId: w.practice.practiceId,
    });
  });

  it('reschedules atomically: new time claimed under the constraint, old one released, new link issued', async () => {
    const w = await bookingWorld(app);
    const { id, token } = await booked(w);
    const blocker = await booked(w, TUE_13);
    const moved = await w.widget().booking.manage.reschedule({ token, startsAt: TUE_11 });
    expect(moved).toMatchObject({
      previousAppointmentId: id,
      status: 'confirmed',
      startsAt: TUE_11,
    });
    expect(await statusOf(id)).toBe('cancelled');
    expect(await statusOf(moved.appointmentId)).toBe('confirmed');
    const after = await starts(w);
    expect(after).toContain(TUE_10);
    expect(after).not.toContain(TUE_11);
    const row = await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id: moved.appointmentId },
      select: { clientId: true },
    });
    const old = await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id },
      select: { clientId: true, cancelReason: true },
    });
    expect(row.clientId).toBe(old.clientId);
    expect(old.cancelReason).toBe('rescheduled');
    expect((await w.widget().booking.manage.get({ token: moved.manageToken })).startsAt).toBe(
      TUE_11,
    );
    await expect(
      w.widget().booking.manage.reschedule({ token, startsAt: TUE_10 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    // Into a taken time: CONFLICT, and the booking stays where it was.
    await expect(
      w.widget().booking.manage.reschedule({ token: moved.manageToken, startsAt: TUE_13 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await statusOf(moved.appointmentId)).toBe('confirmed');
    expect(await statusOf(blocker.id)).toBe('confirmed');
    // And back to the time it left, which the move released.
    const shifted = await w
      .widget()
      .booking.manage.reschedule({ token: moved.manageToken, startsAt: TUE_10 });
    expect(await statusOf(shifted.appointmentId)).toBe('confirmed');
  });

  it('refuses to reschedule inside the late window', async () => {
    const w = await bookingWorld(app);
    const { id, token } = await booked(w);
    await withClock(4 * HOUR, () =>
      expect(
        w.widget().booking.manage.reschedule({ token, startsAt: TUE_11 }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' }),
    );
    expect(await statusOf(id)).toBe('confirmed');
  });

  it('without Stripe configured, a type with a deposit cannot be confirmed (nothing written) and /webhooks/stripe is 404', async () => {
    const w = await bookingWorld(app);
    const paid = await w.createType({ name: 'Deposit', priceCents: 5_000, depositCents: 1_000 });
    const hold = await w.widget().booking.hold({
      appointmentTypeId: paid.id,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    await expect(
      w
        .widget({ idempotencyKey: 'no-stripe-1' })
        .booking.confirm({ holdToken: hold.holdToken, client: person(8) }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await statusOf(hold.holdId)).toBe('held');
    expect(
      await app.services.prisma.client.count({ where: { practiceId: w.practice.practiceId } }),
    ).toBe(0);
    expect(await app.services.prisma.payment.count({ where: { appointmentId: hold.holdId } })).toBe(
      0,
    );
    const base = await app.listen();
    const res = await fetch(`${base}/webhooks/stripe`, {
      method: 'POST',
      body: '{}',
      headers: { 'stripe-signature': 't=1,v1=x' },
    });
    expect(res.status).toBe(404);
  });

  it('lets exactly one of two concurrent reschedules into the same time win; the loser keeps its booking', async () => {
    const w = await bookingWorld(app);
    const one = await booked(w, TUE_10);
    const two = await booked(w, TUE_13);
    const results = await Promise.allSettled([
      w.widget().booking.manage.reschedule({ token: one.token, startsAt: TUE_11 }),
      w.widget().booking.manage.reschedule({ token: two.token, startsAt: TUE_11 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'CONFLICT' });
    const statuses = [await statusOf(one.id), await statusOf(two.id)].sort();
    expect(statuses).toEqual(['cancelled', 'confirmed']);
    const atEleven = await app.services.prisma.appointment.count({
      where: { clinicianId: w.clinician.userId, startsAt: new Date(TUE_11), status: 'confirmed' },
    });
    expect(atEleven).toBe(1);
  });
});
