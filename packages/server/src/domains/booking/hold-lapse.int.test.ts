// An abandoned plain hold announces its time to the waitlist when it expires
// (hold-lapse.ts), on real PostgreSQL with a real loopback SMTP server and
// the Stripe fake: a lapsed hold gets the waitlisted client an offer; a
// confirmed hold, a hold someone else's claim already retired and a hold in
// checkout announce nothing; two workers run the lapse once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { createLogger } from '../../logger.js';
import { JobQueue } from '../../jobs/queue.js';
import type { AppServices } from '../../services.js';
import { bookingWorld, person, type BookingWorld } from './booking-test-world.js';
import {
  bookWithCheckout,
  startPaymentsApp,
  type PaymentsHarness,
} from '../payments/payments-test-world.js';
import { HOLD_MINUTES } from './hold-slot.js';
import { lapseHold, type HoldLapseJob } from './hold-lapse.js';
import { LIFECYCLE_JOBS } from './lifecycle-jobs.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const MIN = 60_000;
const START = new Date('2026-03-02T12:00:00Z');
const range = { from: '2026-03-03T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' };

let smtp: TestSmtp;
let h: PaymentsHarness;
let app: TestApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  h = await startPaymentsApp({ env: { SMTP_URL: smtp.url, WAITLIST_OFFER_MINUTES: '120' } });
  app = h.app;
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const drain = async () => {
  while ((await app.services.jobs.runDue(50)) > 0);
};
const statusOf = async (id: string) =>
  (
    await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id },
      select: { status: true },
    })
  ).status;
const entriesOf = (practiceId: string) =>
  app.services.prisma.waitlistEntry.findMany({
    where: { practiceId },
    select: { status: true, offeredAppointmentId: true },
  });
const freedBy = (holdId: string) =>
  app.services.prisma.job.count({
    where: {
      name: LIFECYCLE_JOBS.slotFreed,
      dedupeKey: `${LIFECYCLE_JOBS.slotFreed}:${holdId}:hold_lapsed`,
    },
  });

async function waitlisted(w: BookingWorld, email: string, appointmentTypeId = w.type.id) {
  await w.widget().booking.waitlist.join({ appointmentTypeId, ...range, email });
}
const holdTue10 = (w: BookingWorld, appointmentTypeId = w.type.id) =>
  w.widget().booking.hold({ appointmentTypeId, clinicianId: w.clinician.userId, startsAt: TUE_10 });

/** Each test starts Monday 07:00 New York and puts the clock back after. */
async function atStart(test: () => Promise<void>) {
  app.clock.set(START);
  try {
    await test();
  } finally {
    app.clock.set(START);
  }
}

describe('an abandoned hold at its expiry', () => {
  it('is released and its time offered to the waitlist (held row + e-mail)', () =>
    atStart(async () => {
      const w = await bookingWorld(app);
      const email = 'lapse-waiting@example.test';
      await waitlisted(w, email);
      const hold = await holdTue10(w);
      const lapse = await app.services.prisma.job.findUniqueOrThrow({
        where: { dedupeKey: `${LIFECYCLE_JOBS.holdLapsed}:${hold.holdId}:at_expiry` },
        select: { runAt: true, payload: true },
      });
      expect(lapse.runAt.toISOString()).toBe(hold.expiresAt);
      expect(lapse.payload).toEqual({
        appointmentId: hold.holdId,
        practiceId: w.practice.practiceId,
      });

      // Not yet: one minute before the expiry nothing happens.
      app.clock.advance((HOLD_MINUTES - 1) * MIN);
      await drain();
      expect(await statusOf(hold.holdId)).toBe('held');
      expect((await entriesOf(w.practice.practiceId))[0]!.status).toBe('waiting');

      app.clock.advance(1 * MIN);
      await drain();
      expect(await statusOf(hold.holdId)).toBe('expired');
      const [entry] = await entriesOf(w.practice.practiceId);
      expect(entry!.status).toBe('offered');
      expect(entry!.offeredAppointmentId).not.toBe(hold.holdId);
      const offered = await app.services.prisma.appointment.findUniqueOrThrow({
        where: { id: entry!.offeredAppointmentId! },
        select: { status: true, startsAt: true, clinicianId: true },
      });
      expect(offered).toEqual({
        status: 'held',
        startsAt: new Date(TUE_10),
        clinicianId: w.clinician.userId,
      });
      const mail = await smtp.waitFor((m) => m.to.includes(email));
      expect(mail.text).toMatch(/\/booking\/waitlist#hold=thd_[\w-]+/);
      expect(await freedBy(hold.holdId)).toBe(1);
    }));

  it('announces nothing for a hold that was confirmed', () =>
    atStart(async () => {
      const w = await bookingWorld(app);
      await waitlisted(w, 'lapse-confirmed@example.test');
      const hold = await holdTue10(w);
      await w
        .widget({ idempotencyKey: 'hold-lapse-confirmed-1' })
        .booking.confirm({ holdToken: hold.holdToken, client: person(61) });
      app.clock.advance((HOLD_MINUTES + 1) * MIN);
      await drain();
      expect(await statusOf(hold.holdId)).toBe('confirmed');
      expect(await freedBy(hold.holdId)).toBe(0);
      expect((await entriesOf(w.practice.practiceId)).map((e) => e.status)).toEqual(['waiting']);
    }));

  it('announces nothing when another claim already took the expired hold’s time', () =>
    atStart(async () => {
      const w = await bookingWorld(app);
      await waitlisted(w, 'lapse-taken@example.test');
      const first = await holdTue10(w);
      app.clock.advance((HOLD_MINUTES + 1) * MIN);
      // Before any worker looks, a second client claims the time: claimSlot retires the first hold.
      const second = await holdTue10(w);
      expect(await statusOf(first.holdId)).toBe('expired');
      await drain();
      expect(await statusOf(second.holdId)).toBe('held');
      expect(await freedBy(first.holdId)).toBe(0);
      expect((await entriesOf(w.practice.practiceId)).map((e) => e.status)).toEqual(['waiting']);
    }));

  it('leaves a hold in Stripe Checkout to the payments expiry path', () =>
    atStart(async () => {
      const w = await bookingWorld(app);
      const paid = await w.createType({ name: 'Paid', priceCents: 12_000, depositCents: 3_000 });
      await waitlisted(w, 'lapse-checkout@example.test', paid.id);
      const { hold } = await bookWithCheckout(h, w, paid.id, TUE_10);
      app.clock.advance((HOLD_MINUTES + 1) * MIN);
      await drain();
      expect(await statusOf(hold.holdId)).toBe('held');
      expect(await freedBy(hold.holdId)).toBe(0);
      expect((await entriesOf(w.practice.practiceId)).map((e) => e.status)).toEqual(['waiting']);
    }));

  it('is not given to a waitlist offer hold (it lapses through waitlist.offer_lapsed)', () =>
    atStart(async () => {
      const w = await bookingWorld(app);
      await waitlisted(w, 'lapse-offer@example.test');
      const hold = await holdTue10(w);
      app.clock.advance(HOLD_MINUTES * MIN);
      await drain();
      const [entry] = await entriesOf(w.practice.practiceId);
      expect(entry!.status).toBe('offered');
      expect(
        await app.services.prisma.job.count({
          where: {
            name: LIFECYCLE_JOBS.holdLapsed,
            payload: { path: ['appointmentId'], equals: entry!.offeredAppointmentId! },
          },
        }),
      ).toBe(0);
      expect(await statusOf(hold.holdId)).toBe('expired');
    }));
});

describe('two workers on one database', () => {
  let two: TestApp;
  beforeAll(async () => {
    two = await startTestApp({
      databaseUrl: app.database!.url,
      dataDir: app.dataDir,
      clock: app.clock,
      skipMigrations: true,
    });
  });
  afterAll(async () => {
    await two?.close();
  });

  /** A queue that runs only the lapse job and records who ran it. */
  function lapseWorker(services: AppServices, name: string, runs: string[]) {
    const queue = new JobQueue(services.prisma, services.clock, createLogger('silent'));
    queue.register(LIFECYCLE_JOBS.holdLapsed, async (payload) => {
      runs.push(name);
      await lapseHold(services, payload as HoldLapseJob);
    });
    return queue;
  }

  it('run the lapse job once, and the release itself happens once', () =>
    atStart(async () => {
      // Run whatever earlier tests left due, so only this test's job is due for these workers.
      app.clock.advance(30 * MIN);
      await drain();
      const w = await bookingWorld(app);
      await waitlisted(w, 'lapse-two-workers@example.test');
      const hold = await holdTue10(w);
      app.clock.advance(HOLD_MINUTES * MIN);
      const runs: string[] = [];
      const ran = await Promise.all([
        lapseWorker(app.services, 'one', runs).runDue(50),
        lapseWorker(two.services, 'two', runs).runDue(50),
      ]);
      expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
      expect(runs).toHaveLength(1);
      expect(await statusOf(hold.holdId)).toBe('expired');
      expect(await freedBy(hold.holdId)).toBe(1);

      // The handler itself is safe to race too (a worker that lost its lease hands the job over).
      const other = await w.widget().booking.hold({
        appointmentTypeId: w.type.id,
        clinicianId: w.clinician.userId,
        startsAt: '2026-03-03T17:00:00.000Z',
      });
      app.clock.advance(HOLD_MINUTES * MIN);
      const job = { appointmentId: other.holdId, practiceId: w.practice.practiceId };
      const released = await Promise.all([
        lapseHold(app.services, job),
        lapseHold(two.services, job),
      ]);
      expect(released.sort()).toEqual([false, true]);
      expect(await statusOf(other.holdId)).toBe('expired');
      expect(await freedBy(other.holdId)).toBe(1);
    }));
});
