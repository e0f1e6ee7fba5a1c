// Waitlist data for the booking widget's offer and waitlist tests, made
// through the server's own functions: a client joins the waitlist
// (joinWaitlist), a free time is "freed" to it (offerFreedSlot: the held row,
// the entry `offered`, the offer e-mail and lapse jobs), and the link's hold
// token is minted exactly as the offer e-mail job does. This test server
// runs no job worker and sends no mail, so the token the e-mail would carry
// is handed to the test instead, and the queued e-mail job is dropped so
// nothing could mint another.
import crypto from 'node:crypto';
import type { App } from '../../server/src/app.js';
import { hashToken, newToken } from '../../server/src/domains/auth/session-token.js';
import { findAvailability } from '../../server/src/domains/booking/availability/find-availability.js';
import { joinWaitlist } from '../../server/src/domains/booking/waitlist.js';
import { offerFreedSlot, WAITLIST_JOBS } from '../../server/src/domains/booking/waitlist-offers.js';
import { appRouter } from '../../server/src/router.js';
import { createCallerFactory } from '../../server/src/trpc/init.js';
import { createTestContext } from '../../server/src/trpc/context.js';
import { createStaffSession } from '../../server/src/domains/auth/staff-session.js';
import type { Fixture } from './seed.js';

const createCaller = createCallerFactory(appRouter);

const DAY = 86_400_000;

export interface WaitlistOffer {
  holdToken: string;
  holdId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: string;
  expiresAt: string;
}

/**
 * A live waitlist offer of a free time of `appointmentTypeId`, two to seven
 * weeks ahead (away from the times other tests book this week), chosen at
 * random so repeated offers never ask for the same time.
 */
export async function waitlistOffer(
  app: App,
  fixture: Fixture,
  appointmentTypeId: string,
): Promise<WaitlistOffer> {
  const { services } = app;
  const practiceId = fixture.practiceId;
  const now = services.clock.now();
  const from = new Date(now.getTime() + 14 * DAY);
  const { slots } = await findAvailability(services.prisma, {
    practiceId,
    appointmentTypeId,
    from,
    to: new Date(from.getTime() + 35 * DAY),
    timeZone: 'UTC',
    now,
  });
  const slot = slots[crypto.randomInt(slots.length)];
  if (!slot) throw new Error('no free time to offer');
  const startsAt = new Date(slot.startsAt);
  await joinWaitlist(services, practiceId, {
    appointmentTypeId,
    from: new Date(startsAt.getTime() - DAY),
    to: new Date(startsAt.getTime() + DAY),
    email: `waitlist-${crypto.randomUUID()}@example.test`,
  });
  const entryId = await offerFreedSlot(services, {
    practiceId,
    appointmentTypeId,
    clinicianId: slot.clinicianId,
    startsAt: startsAt.toISOString(),
  });
  if (!entryId) throw new Error('the freed time went to no waitlist entry');
  const entry = await services.prisma.waitlistEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: { offeredAppointmentId: true, offerExpiresAt: true },
  });
  const holdId = entry.offeredAppointmentId!;
  // What the offer e-mail job does before sending the link (waitlist-offers.ts).
  const holdToken = newToken('thd');
  const armed = await services.prisma.appointment.updateMany({
    where: { id: holdId, status: 'held', holdExpiresAt: { gt: now } },
    data: { holdTokenHash: hashToken(holdToken) },
  });
  if (armed.count !== 1) throw new Error('the offered hold is gone');
  await services.prisma.job.deleteMany({
    where: { dedupeKey: `${WAITLIST_JOBS.offerMail}:${holdId}` },
  });
  return {
    holdToken,
    holdId,
    appointmentTypeId,
    clinicianId: slot.clinicianId,
    startsAt: startsAt.toISOString(),
    expiresAt: entry.offerExpiresAt!.toISOString(),
  };
}

/** The waitlist entries of an address for a type (found by its blind index, as the server does). */
export async function waitlistEntries(
  app: App,
  fixture: Fixture,
  appointmentTypeId: string,
  email: string,
): Promise<{ status: string; clinicianId: string | null; from: string; to: string }[]> {
  const { services } = app;
  const emailHash = await services.cipher.blindIndex(
    fixture.practiceId,
    email.trim().toLowerCase(),
  );
  const rows = await services.prisma.waitlistEntry.findMany({
    where: { practiceId: fixture.practiceId, appointmentTypeId, emailHash },
    orderBy: { createdAt: 'asc' },
    select: { status: true, clinicianId: true, rangeStart: true, rangeEnd: true },
  });
  return rows.map((r) => ({
    status: r.status,
    clinicianId: r.clinicianId,
    from: r.rangeStart.toISOString(),
    to: r.rangeEnd.toISOString(),
  }));
}

/** The owner, through the staff procedures (as booking-seed.ts). */
async function owner(app: App, fixture: Fixture) {
  const { token } = await createStaffSession(app.services, {
    staffUserId: fixture.owner.userId,
    practiceId: fixture.practiceId,
    mfaVerified: true,
    ip: '127.0.0.1',
    userAgent: 'offer-seed',
  });
  return createCaller(createTestContext(app.services, { staffSessionToken: token }));
}

/**
 * A type that exists only while one test needs it, so the test can retire
 * it while the widget shows it (`retireType`). Named to sort last in lists.
 */
export async function probeType(app: App, fixture: Fixture): Promise<{ typeId: string }> {
  const type = await (
    await owner(app, fixture)
  ).booking.admin.appointmentTypes.create({
    name: 'Zz waitlist probe',
    durationMinutes: 30,
    modality: 'telehealth',
    slotIntervalMinutes: 60,
    bookingMode: 'instant',
    minNoticeMinutes: 60,
    maxHorizonDays: 60,
  });
  return { typeId: type.id };
}

/** Hides a type from widgets, as the practice does in the console. */
export async function retireType(
  app: App,
  fixture: Fixture,
  typeId: string,
): Promise<{ active: boolean }> {
  const type = await (
    await owner(app, fixture)
  ).booking.admin.appointmentTypes.update({ appointmentTypeId: typeId, active: false });
  return { active: type.active };
}
