// booking.offer on real PostgreSQL: a live hold described (no client data,
// audited), an expired one, a used one, another practice's token, a
// malformed token, and the same answers over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import {
  bookingWorld,
  newBookingClock,
  person,
  trpcHttp,
  type BookingWorld,
} from './booking-test-world.js';

/** Tuesday 2026-03-03 10:00 New York (EST). */
const TUE_10 = '2026-03-03T15:00:00.000Z';
const TUE_11 = '2026-03-03T16:00:00.000Z';
const MIN = 60_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock: newBookingClock() });
});
afterAll(async () => {
  await app?.close();
});

const hold = (w: BookingWorld, startsAt = TUE_10) =>
  w
    .widget()
    .booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt });

const invalidOffer = { code: 'NOT_FOUND', cause: { details: { reason: 'invalid_offer' } } };
const holdExpired = { code: 'PRECONDITION_FAILED', cause: { details: { reason: 'hold_expired' } } };

describe('booking.offer', () => {
  it('describes a live hold: time, type and clinician, no client data; audited as a read', async () => {
    const w = await bookingWorld(app);
    const h = await hold(w);
    const offer = await w.widget().booking.offer({ holdToken: h.holdToken });
    expect(offer).toEqual({
      holdId: h.holdId,
      appointmentTypeId: w.type.id,
      clinicianId: w.clinician.userId,
      clinicianName: expect.any(String),
      startsAt: TUE_10,
      endsAt: '2026-03-03T15:50:00.000Z',
      startsAtPractice: '2026-03-03T10:00:00-05:00',
      practiceTimeZone: 'America/New_York',
      expiresAt: h.expiresAt,
    });
    const clinician = await app.services.prisma.staffUser.findUniqueOrThrow({
      where: { id: w.clinician.userId },
      select: { displayName: true },
    });
    expect(offer.clinicianName).toBe(clinician.displayName);
    expect(JSON.stringify(offer)).not.toContain(h.holdToken);
    const audit = await app.services.prisma.auditEvent.findFirst({
      where: { objectId: h.holdId, action: 'appointment.read' },
      select: { detail: true, outcome: true },
    });
    expect(audit).toMatchObject({ detail: { via: 'offer_link' }, outcome: 'success' });
    // Describing changes nothing: the hold is still held and confirmable.
    const booked = await w
      .widget({ idempotencyKey: 'offer-live-1' })
      .booking.confirm({ holdToken: h.holdToken, client: person(3) });
    expect(booked).toMatchObject({ appointmentId: h.holdId, status: 'confirmed' });
  });

  it('refuses an expired hold with hold_expired', async () => {
    const w = await bookingWorld(app);
    const h = await hold(w);
    app.clock.advance(10 * MIN - 1);
    try {
      await expect(w.widget().booking.offer({ holdToken: h.holdToken })).resolves.toMatchObject({
        holdId: h.holdId,
      });
      app.clock.advance(1);
      await expect(w.widget().booking.offer({ holdToken: h.holdToken })).rejects.toMatchObject(
        holdExpired,
      );
    } finally {
      app.clock.advance(-10 * MIN);
    }
  });

  it('refuses a hold retired by a later claim of its time with hold_expired', async () => {
    const w = await bookingWorld(app);
    const h = await hold(w, TUE_11);
    app.clock.advance(11 * MIN);
    try {
      await hold(w, TUE_11); // retires the expired hold (status `expired`)
    } finally {
      app.clock.advance(-11 * MIN);
    }
    const row = await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id: h.holdId },
      select: { status: true, holdExpiresAt: true },
    });
    expect(row.status).toBe('expired');
    // The clock is back inside the hold's time: only the status says it is gone.
    expect(row.holdExpiresAt!.getTime()).toBeGreaterThan(app.clock.now().getTime());
    await expect(w.widget().booking.offer({ holdToken: h.holdToken })).rejects.toMatchObject(
      holdExpired,
    );
  });

  it('a used token (confirmed) no longer names a hold: invalid_offer, nothing shown', async () => {
    const w = await bookingWorld(app);
    const h = await hold(w);
    await w
      .widget({ idempotencyKey: 'offer-used-1' })
      .booking.confirm({ holdToken: h.holdToken, client: person(4) });
    await expect(w.widget().booking.offer({ holdToken: h.holdToken })).rejects.toMatchObject(
      invalidOffer,
    );
  });

  it("another practice's token answers exactly like one never issued, and its hold stays", async () => {
    const w = await bookingWorld(app);
    const other = await bookingWorld(app, 'b');
    const theirs = await hold(other);
    const foreign = await w
      .widget()
      .booking.offer({ holdToken: theirs.holdToken })
      .catch((e: unknown) => e);
    const never = await w
      .widget()
      .booking.offer({ holdToken: 'thd_' + 'A'.repeat(43) })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject(invalidOffer);
    expect(never).toMatchObject(invalidOffer);
    expect((foreign as Error).message).toBe((never as Error).message);
    await expect(
      other.widget().booking.offer({ holdToken: theirs.holdToken }),
    ).resolves.toMatchObject({
      holdId: theirs.holdId,
    });
  });

  it('refuses malformed tokens as invalid input, over real HTTP too', async () => {
    const w = await bookingWorld(app);
    for (const holdToken of [
      '',
      'thd_short',
      'tma_' + 'A'.repeat(43),
      'thd_' + 'A'.repeat(40) + '<>!',
    ]) {
      await expect(w.widget().booking.offer({ holdToken })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    const base = await app.listen();
    const headers = {
      'x-tcrm-publishable-key': w.practice.publishableKey,
      origin: w.practice.origin,
    };
    const bad = await trpcHttp(base, 'booking.offer', { holdToken: 'thd_x' }, headers, 'GET');
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.appCode).toBe('VALIDATION_FAILED');
    const unknown = await trpcHttp(
      base,
      'booking.offer',
      { holdToken: 'thd_' + 'B'.repeat(43) },
      headers,
      'GET',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.data).toMatchObject({
      appCode: 'NOT_FOUND',
      details: { reason: 'invalid_offer' },
    });
    const h = await hold(w, TUE_11);
    const live = await trpcHttp(base, 'booking.offer', { holdToken: h.holdToken }, headers, 'GET');
    expect(live.status).toBe(200);
    expect(live.body.result.data).toMatchObject({ holdId: h.holdId, startsAt: TUE_11 });
  });
});
