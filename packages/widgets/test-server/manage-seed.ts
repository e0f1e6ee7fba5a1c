// What the manage widget's tests find on the server: booked appointments
// with their signed manage links, on the booking tests' clinicians and
// types (booking-seed.ts; every day 08:00–20:00 in New York). Each request
// books a fresh time through the server's own widget procedures (hold,
// confirm), so a test may cancel or move it. The server's clock is the real
// one: "late" books a time inside the type's free-cancellation window,
// otherwise a time well after it.
import crypto from 'node:crypto';
import type { App } from '../../server/src/app.js';
import { appRouter } from '../../server/src/router.js';
import { createCallerFactory } from '../../server/src/trpc/init.js';
import { createTestContext } from '../../server/src/trpc/context.js';
import { issueManageToken } from '../../server/src/domains/booking/manage-link.js';
import { bookingFixture, type BookingFixture } from './booking-seed.js';
import type { Fixture } from './seed.js';

const createCaller = createCallerFactory(appRouter);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ManagedTypeName = keyof BookingFixture['types'];

/** The types' free-cancellation windows, as booking-seed.ts creates them. */
const WINDOW_HOURS: Record<ManagedTypeName, number> = {
  consultation: 24,
  session: 48,
  intensive: 72,
};

export interface ManagedBookingRequest {
  type: ManagedTypeName;
  /** Inside the free-cancellation window (a late cancel costs the type's fee). */
  late?: boolean;
  /**
   * A deposit the client paid, recorded as Stripe's webhook would record it
   * (the test server has no Stripe; a type with a deposit is confirmed the
   * same way).
   */
  paidCents?: number;
  /**
   * Started two hours ago: booked like any other, then its times moved into
   * the past (as if the clock had run on); its link still opens for a day.
   */
  past?: boolean;
}

export interface ManagedBooking {
  token: string;
  appointmentId: string;
  startsAt: string;
  appointmentTypeId: string;
  clinicianId: string;
  publishableKey: string;
  practiceName: string;
}

let booked = 0;

export async function managedBooking(
  app: App,
  fixture: Fixture,
  request: ManagedBookingRequest,
): Promise<ManagedBooking> {
  const { services } = app;
  const fx = await bookingFixture(app, fixture);
  const appointmentTypeId = fx.types[request.type];
  const clinicianId = fx.clinicianIds[0]!;
  const widget = (idempotencyKey: string | null = null) =>
    createCaller(
      createTestContext(services, { publishableKey: fixture.publishableKey, idempotencyKey }),
    );
  const now = services.clock.now().getTime();
  const window = WINDOW_HOURS[request.type] * HOUR;
  // Late: before the window closes (the type's notice is an hour). Free: two days after it.
  const from = request.late ? now + 2 * HOUR : now + window + 2 * DAY;
  const to = request.late ? now + window - HOUR : from + 7 * DAY;
  const { slots } = await widget().booking.availability({
    appointmentTypeId,
    clinicianId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    timeZone: 'America/New_York',
  });
  if (!slots.length) throw new Error('no free time to book for the manage tests');
  // Spread over the range (the booking tests take the first times of the week).
  const n = ++booked;
  const slot = slots[slots.length - 1 - ((n * 5) % slots.length)]!;
  const hold = await widget().booking.hold({
    appointmentTypeId,
    clinicianId,
    startsAt: slot.startsAt,
    timeZone: 'America/New_York',
  });
  const paid = request.paidCents ?? 0;
  if (request.type === 'intensive' || paid > 0) {
    await confirmAsPaid(app, fixture, hold.holdId, paid);
  } else {
    await widget(crypto.randomUUID()).booking.confirm({
      holdToken: hold.holdToken,
      client: { firstName: 'Manage', lastName: `Test-${n}`, email: `manage-${n}@example.test` },
    });
  }
  const startsAt = request.past ? await moveIntoPast(app, hold.holdId, now) : slot.startsAt;
  return {
    token: issueManageToken(services.config, hold.holdId, new Date(startsAt), new Date(now)),
    appointmentId: hold.holdId,
    startsAt,
    appointmentTypeId,
    clinicianId,
    publishableKey: fixture.publishableKey,
    practiceName: fixture.practiceName,
  };
}

/** The held time confirmed with a paid deposit, as payments/settle-checkout.ts does on Stripe's webhook. */
async function confirmAsPaid(app: App, fixture: Fixture, holdId: string, paidCents: number) {
  const now = app.services.clock.now();
  await app.services.prisma.$transaction(async (tx) => {
    await tx.appointment.update({
      where: { id: holdId },
      data: { status: 'confirmed', confirmedAt: now, holdTokenHash: null },
      select: { id: true },
    });
    if (paidCents > 0)
      await tx.payment.create({
        data: {
          practiceId: fixture.practiceId,
          appointmentId: holdId,
          kind: 'deposit',
          status: 'paid',
          amountCents: paidCents,
          currency: 'usd',
          paidAt: now,
        },
        select: { id: true },
      });
  });
}

/** Moves the appointment (with its blocked range) to have started two hours before `now`; returns the new start. */
async function moveIntoPast(app: App, appointmentId: string, now: number): Promise<string> {
  const row = await app.services.prisma.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: { startsAt: true, endsAt: true, blockedFrom: true, blockedTo: true },
  });
  const shift = (at: Date) => new Date(at.getTime() + now - 2 * HOUR - row.startsAt.getTime());
  const data = {
    startsAt: shift(row.startsAt),
    endsAt: shift(row.endsAt),
    blockedFrom: shift(row.blockedFrom),
    blockedTo: shift(row.blockedTo),
  };
  await app.services.prisma.appointment.update({
    where: { id: appointmentId },
    data,
    select: { id: true },
  });
  return data.startsAt.toISOString();
}

/** A link to the appointment that expired a minute ago (issued long enough in the past). */
export function expiredManageToken(app: App, appointmentId: string, startsAt: string): string {
  const { config, clock } = app.services;
  const issued = new Date(clock.now().getTime() - config.manageLinkMs - 60_000);
  return issueManageToken(config, appointmentId, new Date(startsAt), issued);
}

/** The stored row and its payments, to check what a click really changed. */
export async function appointmentState(app: App, appointmentId: string) {
  return app.services.prisma.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: {
      status: true,
      cancelReason: true,
      startsAt: true,
      payments: {
        select: { kind: true, status: true, amountCents: true, retainedFeeCents: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
}
