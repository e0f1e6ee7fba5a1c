// Holds cannot block a calendar, on real PostgreSQL and real HTTP (client IPs
// from X-Forwarded-For behind a trusted loopback proxy): at most three live
// holds per IP and practice, the cap is exact under concurrency and writes
// nothing when refused; the row keeps a keyed hash of the IP, not the IP,
// and only until its lapse check; `bookingHold` and `waitlistJoin` limit
// requests per IP with their real default budgets.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { RATE_LIMIT_RULES } from '../../trpc/rate-limit.js';
import {
  bookingWorld,
  newBookingClock,
  person,
  trpcHttp,
  type BookingWorld,
} from './booking-test-world.js';
import { HOLD_MINUTES } from './hold-slot.js';
import { holdSourceHash } from './hold-source.js';

const MIN = 60_000;
const START = new Date('2026-03-02T12:00:00Z');
/** Tuesday 2026-03-03, 09:00–16:00 New York: seven bookable starts. */
const TUE = [9, 10, 11, 12, 13, 14, 15].map((h) =>
  new Date(Date.UTC(2026, 2, 3, h + 5)).toISOString(),
);

let app: TestApp;
let base: string;
beforeAll(async () => {
  app = await startTestApp({ clock: newBookingClock(), env: { TRUST_PROXY: 'loopback' } });
  base = await app.listen();
});
afterAll(async () => {
  await app?.close();
});

/** A client IP (documentation range) no other test in this file uses. */
let ipCounter = 0;
const uniqueIp = () => `203.0.113.${++ipCounter}`;

const headers = (w: BookingWorld, ip: string) => ({
  'x-tcrm-publishable-key': w.practice.publishableKey,
  origin: w.practice.origin,
  'x-forwarded-for': ip,
});
const hold = (w: BookingWorld, ip: string, startsAt: string) =>
  trpcHttp(
    base,
    'booking.hold',
    { appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt },
    headers(w, ip),
  );
const counts = async (practiceId: string) => ({
  appointments: await app.services.prisma.appointment.count({ where: { practiceId } }),
  jobs: await app.services.prisma.job.count({
    where: { payload: { path: ['practiceId'], equals: practiceId } },
  }),
});

describe('live holds per client IP and practice', () => {
  it(`allows the configured 3 (the default), refuses the next with 429 RATE_LIMITED and writes nothing; other IPs and practices are unaffected`, async () => {
    app.clock.set(START);
    expect(app.services.config.maxLiveHoldsPerIp).toBe(3); // BOOKING_MAX_LIVE_HOLDS_PER_IP unset
    const w = await bookingWorld(app);
    const other = await bookingWorld(app, 'b');
    const ip = uniqueIp();
    for (const startsAt of TUE.slice(0, 3)) expect((await hold(w, ip, startsAt)).status).toBe(200);
    const before = await counts(w.practice.practiceId);

    const refused = await hold(w, ip, TUE[3]!);
    expect(refused.status).toBe(429);
    expect(refused.body.error.data).toMatchObject({
      appCode: 'RATE_LIMITED',
      details: { reason: 'too_many_holds', retryAfterSeconds: HOLD_MINUTES * 60 },
    });
    expect(refused.body.error.message).toMatch(/already holding 3 times/);
    expect(await counts(w.practice.practiceId)).toEqual(before);

    expect((await hold(w, uniqueIp(), TUE[3]!)).status).toBe(200);
    expect((await hold(other, ip, TUE[3]!)).status).toBe(200);
  });

  it('stores a keyed hash of the IP (never the IP) and drops it at the lapse check; confirmed and expired holds free room', async () => {
    app.clock.set(START);
    const w = await bookingWorld(app);
    const ip = uniqueIp();
    const held = [];
    for (const startsAt of TUE.slice(0, 3))
      held.push((await hold(w, ip, startsAt)).body.result.data);
    const rows = await app.services.prisma.appointment.findMany({
      where: { practiceId: w.practice.practiceId },
      select: { holdSourceHash: true },
    });
    const expected = holdSourceHash(app.config.appSecret, w.practice.practiceId, ip);
    expect(rows.map((r) => r.holdSourceHash)).toEqual([expected, expected, expected]);
    expect(expected).not.toContain(ip);
    expect(expected).not.toBe(crypto.createHash('sha256').update(ip).digest('base64url'));
    expect(holdSourceHash(app.config.appSecret, crypto.randomUUID(), ip)).not.toBe(expected);

    // Confirming one frees room for another hold.
    expect((await hold(w, ip, TUE[3]!)).status).toBe(429);
    await w
      .widget({ idempotencyKey: `limits-confirm-${ip}` })
      .booking.confirm({ holdToken: held[0].holdToken, client: person(71) });
    expect((await hold(w, ip, TUE[3]!)).status).toBe(200);
    expect((await hold(w, ip, TUE[4]!)).status).toBe(429);

    // At expiry the holds stop counting, and the lapse check clears every hash.
    app.clock.advance(HOLD_MINUTES * MIN);
    while ((await app.services.jobs.runDue(50)) > 0);
    expect(
      await app.services.prisma.appointment.count({
        where: { practiceId: w.practice.practiceId, holdSourceHash: { not: null } },
      }),
    ).toBe(0);
    expect((await hold(w, ip, TUE[4]!)).status).toBe(200);
    app.clock.set(START);
  });

  it('is exact under concurrency: of 6 simultaneous holds from one IP, 3 succeed', async () => {
    app.clock.set(START);
    const w = await bookingWorld(app);
    const ip = uniqueIp();
    const results = await Promise.all(TUE.slice(0, 6).map((startsAt) => hold(w, ip, startsAt)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
    expect(
      await app.services.prisma.appointment.count({
        where: { practiceId: w.practice.practiceId, status: 'held' },
      }),
    ).toBe(3);
  });
});

describe('request rate limits per client IP', () => {
  it(`booking.hold: ${RATE_LIMIT_RULES.bookingHold.points} attempts per ${RATE_LIMIT_RULES.bookingHold.duration / 60} minutes, failed ones included; then 429 for that IP only`, async () => {
    app.clock.set(START);
    const w = await bookingWorld(app);
    const ip = uniqueIp();
    // A time outside the booking window: refused, yet still an attempt.
    const tooSoon = new Date(START.getTime() + 5 * MIN).toISOString();
    for (let i = 0; i < RATE_LIMIT_RULES.bookingHold.points; i++) {
      expect((await hold(w, ip, tooSoon)).body.error.data.appCode).toBe('VALIDATION_FAILED');
    }
    const limited = await hold(w, ip, TUE[0]!);
    expect(limited.status).toBe(429);
    expect(limited.body.error.data.appCode).toBe('RATE_LIMITED');
    expect(limited.body.error.data.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      await app.services.prisma.appointment.count({ where: { practiceId: w.practice.practiceId } }),
    ).toBe(0);
    expect((await hold(w, uniqueIp(), TUE[0]!)).status).toBe(200);
  });

  it(`booking.waitlist.join: ${RATE_LIMIT_RULES.waitlistJoin.points} per ${RATE_LIMIT_RULES.waitlistJoin.duration / 60} minutes; then 429 and no entry`, async () => {
    const w = await bookingWorld(app);
    const ip = uniqueIp();
    const join = (n: number, from = ip) =>
      trpcHttp(
        base,
        'booking.waitlist.join',
        {
          appointmentTypeId: w.type.id,
          from: '2026-03-03T00:00:00.000Z',
          to: '2026-03-05T00:00:00.000Z',
          email: `rate-${n}@example.test`,
        },
        headers(w, from),
      );
    for (let n = 0; n < RATE_LIMIT_RULES.waitlistJoin.points; n++)
      expect((await join(n)).status).toBe(200);
    const limited = await join(99);
    expect(limited.status).toBe(429);
    expect(limited.body.error.data.appCode).toBe('RATE_LIMITED');
    const entries = () =>
      app.services.prisma.waitlistEntry.count({ where: { practiceId: w.practice.practiceId } });
    expect(await entries()).toBe(RATE_LIMIT_RULES.waitlistJoin.points);
    expect((await join(100, uniqueIp())).status).toBe(200);
    expect(await entries()).toBe(RATE_LIMIT_RULES.waitlistJoin.points + 1);
  });
});
