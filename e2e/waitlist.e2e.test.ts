// The waitlist end to end: one client books the first time of a type on the
// practice's site; a second client, finding that time gone, joins the
// waitlist from the same widget; the first client cancels on the hosted
// manage page opened from their e-mail; the freed time is held for the
// waitlisted client and e-mailed as a link to the hosted offer page, where
// they book it. Real server, PostgreSQL, HTTP, SMTP (loopback) and Chromium.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../packages/server/src/domains/practice/seed-demo.js';
import { launchBrowser } from './support/browser.js';
import { startBookingServer, type BookingServer } from './support/booking-server.js';
import { eventually, everything } from './support/booking-helpers.js';

const RUN = Date.now().toString(36);
const FIRST = { name: `Bea${RUN}`, email: `bea-${RUN}@example.test` };
const WAITING = { name: `Wren${RUN}`, email: `wren-${RUN}@example.test` };
/** Instant, no deposit, any client: seeded with the demo practice. */
const TYPE_NAME = 'Individual therapy (50 min)';

/** The details step; `heading` is what it is titled (an offer names itself). */
async function fillDetails(
  booking: Locator,
  who: { name: string; email: string },
  heading = 'Your details',
) {
  await booking.getByRole('heading', { name: heading }).waitFor({ timeout: 15_000 });
  await booking.getByLabel('First name').fill(who.name);
  await booking.getByLabel('Last name').fill(`Quill${who.name}`);
  await booking.getByLabel('E-mail').fill(who.email);
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await booking.getByRole('heading', { name: 'You are booked' }).waitFor({ timeout: 15_000 });
}

async function offeredTimes(booking: Locator): Promise<string[]> {
  const slots = booking.locator('tcrm-slot-grid button[data-starts-at]');
  await slots.first().waitFor({ timeout: 15_000 });
  return slots.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-starts-at')!));
}

describe('waitlist: a freed time is offered by e-mail and booked on the hosted offer page', () => {
  let server: BookingServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBookingServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('book → second client joins the waitlist → first cancels → offer e-mail → second books the freed time', async () => {
    const db = server.app.services.prisma;
    const type = await db.appointmentType.findFirstOrThrow({
      where: { practiceId: server.practiceId, name: TYPE_NAME },
      select: { id: true },
    });

    // ——— The first client books the earliest time ———
    const firstContext = await browser.newContext({ timezoneId: 'America/New_York' });
    const firstPage: Page = await firstContext.newPage();
    await firstPage.goto(`${server.url}/book.html`);
    const firstBooking = firstPage.locator('tcrm-booking');
    await firstBooking.locator(`[data-type-id="${type.id}"]`).click();
    const [time] = await offeredTimes(firstBooking);
    await firstBooking.locator(`tcrm-slot-grid button[data-starts-at="${time}"]`).click();
    await fillDetails(firstBooking, FIRST);
    const taken = await db.appointment.findFirstOrThrow({
      where: { practiceId: server.practiceId, status: 'confirmed' },
      select: { id: true, startsAt: true, clinicianId: true },
    });
    expect(taken.startsAt.toISOString()).toBe(time);

    // ——— The second client finds it gone and joins the waitlist ———
    const waitingContext = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const waitingPage = await waitingContext.newPage();
    await waitingPage.goto(`${server.url}/book.html`);
    const booking = waitingPage.locator('tcrm-booking');
    await booking.locator(`[data-type-id="${type.id}"]`).click();
    expect(await offeredTimes(booking)).not.toContain(time);
    await booking.getByRole('button', { name: 'Join the waitlist' }).click();
    await booking.getByRole('heading', { name: 'Join the waitlist' }).waitFor();
    await booking.getByLabel('E-mail').fill(WAITING.email);
    await booking.locator('[part~="waitlist"] button[type="submit"]').click();
    await booking.getByRole('heading', { name: 'You are on the waitlist' }).waitFor();
    const entries = await db.waitlistEntry.findMany({
      where: { practiceId: server.practiceId },
      select: { id: true, status: true, appointmentTypeId: true },
    });
    expect(entries).toEqual([
      { id: expect.any(String), status: 'waiting', appointmentTypeId: type.id },
    ]);

    // ——— The first client cancels on the hosted manage page ———
    const booked = await server.smtp.waitFor(
      (m) => m.to.includes(FIRST.email) && /is booked/.test(m.subject),
      20_000,
    );
    const manageLink = new RegExp(
      `${server.url}/p/${DEMO_SLUG}/booking/manage#token=tma_[A-Za-z0-9_.-]+`,
    ).exec(booked.text)?.[0];
    expect(manageLink).toBeDefined();
    await firstPage.goto(manageLink!);
    const manage = firstPage.locator('tcrm-booking-manage');
    await manage.getByRole('button', { name: 'Cancel appointment' }).click();
    await manage.getByRole('button', { name: 'Yes, cancel appointment' }).click();
    await manage
      .getByRole('heading', { name: 'Appointment cancelled' })
      .waitFor({ timeout: 15_000 });

    // ——— The freed time is held for the waitlisted client and e-mailed ———
    const offer = await server.smtp.waitFor(
      (m) => m.to.includes(WAITING.email) && /opened up/.test(m.subject),
      20_000,
    );
    expect(offer.subject).toBe('A time opened up with Harbor Light Counseling');
    const offerLink = new RegExp(
      `${server.url}/p/${DEMO_SLUG}/booking/waitlist#hold=thd_[A-Za-z0-9_-]{43}`,
    ).exec(offer.text)?.[0];
    expect(offerLink).toBeDefined();
    // Time and practice only: neither client's name, nor the type.
    expect(everything(offer)).toContain('Harbor Light Counseling');
    for (const needle of [FIRST.name, WAITING.name, TYPE_NAME])
      expect(everything(offer)).not.toContain(needle);
    const held = await db.appointment.findFirstOrThrow({
      where: { practiceId: server.practiceId, status: 'held' },
      select: { id: true, startsAt: true, clinicianId: true },
    });
    expect(held).toMatchObject({ startsAt: taken.startsAt, clinicianId: taken.clinicianId });

    // Nobody else is offered the held time meanwhile.
    await firstPage.goto(`${server.url}/book.html`);
    await firstBooking.locator(`[data-type-id="${type.id}"]`).click();
    expect(await offeredTimes(firstBooking)).not.toContain(time);

    // ——— The waitlisted client opens the offer and books it ———
    const offerPage = await waitingContext.newPage();
    await offerPage.goto(offerLink!);
    await expect(offerPage.title()).resolves.toContain('Harbor Light Counseling');
    const offered = offerPage.locator('tcrm-booking');
    await offered.getByText('It is held for you until', { exact: false }).waitFor({
      timeout: 15_000,
    });
    await fillDetails(offered, WAITING, 'A time opened up for you');

    const rebooked = await eventually(
      () =>
        db.appointment.findFirst({
          where: { practiceId: server.practiceId, status: 'confirmed' },
          select: { id: true, startsAt: true, holdTokenHash: true },
        }),
      (a) => a !== null,
    );
    expect(rebooked).toEqual({ id: held.id, startsAt: taken.startsAt, holdTokenHash: null });
    await expect(
      db.appointment.findUniqueOrThrow({ where: { id: taken.id }, select: { status: true } }),
    ).resolves.toEqual({ status: 'cancelled' });
    const confirmation = await server.smtp.waitFor(
      (m) => m.to.includes(WAITING.email) && /is booked/.test(m.subject),
      20_000,
    );
    expect(everything(confirmation)).not.toContain(WAITING.name);

    // The offer link is spent: opening it again shows the notice and the ordinary choice.
    await offerPage.reload();
    await offered
      .getByText('This offer has expired or was already taken.', { exact: false })
      .waitFor({
        timeout: 15_000,
      });
    await firstContext.close();
    await waitingContext.close();
  });
});
