// What the booking widget's tests find on the server: two clinicians who
// work every day 08:00–20:00 (practice time, America/New_York), so any test
// run, any day, has real slots this week, and appointment types covering
// what the type list shows (instant and request-to-book, free and priced,
// late-cancel fee, deposit). Built once, on the first booking test's
// request, through the server's own staff procedures.
import type { App } from '../../server/src/app.js';
import { appRouter } from '../../server/src/router.js';
import { createCallerFactory } from '../../server/src/trpc/init.js';
import { createTestContext } from '../../server/src/trpc/context.js';
import { createStaffSession } from '../../server/src/domains/auth/staff-session.js';
import { createStaff, type Fixture } from './seed.js';

const createCaller = createCallerFactory(appRouter);

export interface BookingFixture {
  publishableKey: string;
  practiceName: string;
  practiceTimeZone: string;
  clinicianIds: string[];
  /** By name: `consultation` (instant, free), `session` (request, fee), `intensive` (deposit). */
  types: Record<'consultation' | 'session' | 'intensive', string>;
}

let built: Promise<BookingFixture> | undefined;

export function bookingFixture(app: App, fixture: Fixture): Promise<BookingFixture> {
  built ??= build(app, fixture);
  return built;
}

async function build(app: App, fixture: Fixture): Promise<BookingFixture> {
  const { services } = app;
  const { token } = await createStaffSession(services, {
    staffUserId: fixture.owner.userId,
    practiceId: fixture.practiceId,
    mfaVerified: true,
    ip: '127.0.0.1',
    userAgent: 'booking-seed',
  });
  const owner = createCaller(createTestContext(services, { staffSessionToken: token }));
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    startMinute: 8 * 60,
    endMinute: 20 * 60,
  }));
  const clinicians: string[] = [];
  for (let i = 0; i < 2; i++) {
    const clinician = await createStaff(services, fixture.practiceId, 'clinician', true);
    await owner.booking.admin.schedule.setWeeklyHours({
      clinicianId: clinician.userId,
      hours: everyDay,
    });
    clinicians.push(clinician.userId);
  }
  const common = { minNoticeMinutes: 60, maxHorizonDays: 60 };
  const consultation = await owner.booking.admin.appointmentTypes.create({
    ...common,
    name: 'Free consultation',
    durationMinutes: 20,
    modality: 'telehealth',
    slotIntervalMinutes: 30,
    bookingMode: 'instant',
    cancellationWindowHours: 24,
  });
  const session = await owner.booking.admin.appointmentTypes.create({
    ...common,
    name: 'Individual therapy',
    durationMinutes: 50,
    modality: 'in_person',
    slotIntervalMinutes: 60,
    priceCents: 15_000,
    bookingMode: 'request',
    cancellationWindowHours: 48,
    lateCancelFeeCents: 7_500,
  });
  const intensive = await owner.booking.admin.appointmentTypes.create({
    ...common,
    name: 'Intensive session',
    durationMinutes: 90,
    modality: 'in_person',
    slotIntervalMinutes: 120,
    priceCents: 30_000,
    depositCents: 10_000,
    cancellationWindowHours: 72,
    lateCancelFeeCents: 15_000,
  });
  return {
    publishableKey: fixture.publishableKey,
    practiceName: fixture.practiceName,
    practiceTimeZone: 'America/New_York',
    clinicianIds: clinicians,
    types: { consultation: consultation.id, session: session.id, intensive: intensive.id },
  };
}

/** Ends a hold now, as the server's clock would ten minutes later. */
export async function expireHold(app: App, holdId: string): Promise<{ count: number }> {
  const past = new Date(app.services.clock.now().getTime() - 1000);
  return app.services.prisma.appointment.updateMany({
    where: { id: holdId, status: 'held' },
    data: { holdExpiresAt: past },
  });
}
