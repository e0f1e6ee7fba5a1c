// A paid booking end to end: a client books a session with a deposit on the
// practice's site in Chromium, pays on the (loopback) Stripe checkout page,
// whose Pay button sends the SDK-signed `checkout.session.completed`
// webhook to the server, comes back to a confirmation, receives the
// confirmation e-mail with the manage link and an .ics at a real SMTP server
// on loopback, opens the link (the server's hosted manage page with
// <tcrm-booking-manage>), moves to another time in its slot grid, then
// cancels from the newer e-mail's link and gets the whole deposit back. A clinician signed in to the console (password + TOTP)
// sees each state in the console's calendar (and through its procedure). Real server, PostgreSQL,
// HTTP, SMTP and browser; only Stripe is a loopback stand-in.
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../packages/server/src/domains/practice/seed-demo.js';
import { launchBrowser } from './support/browser.js';
import { PAID_TYPE, startBookingServer, type BookingServer } from './support/booking-server.js';
import {
  calendarFiles,
  eventually,
  everything,
  icsUtc,
  trpcFromPage,
} from './support/booking-helpers.js';

const CANARY = `Canary${Date.now().toString(36)}`;
const EMAIL = `${CANARY.toLowerCase()}@example.test`;
const DAY = 86_400_000;

type Row = { id: string | null; status: string | null; client: string; time: string };
type Listed = {
  id: string;
  status: string;
  startsAt: string;
  client: { firstName: string } | null;
};

describe('paid booking through the practice site, Stripe checkout, e-mail and the manage link', () => {
  let server: BookingServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBookingServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('book → pay → confirmation e-mail → reschedule → cancel with refund; the clinician sees each state', async () => {
    const db = server.app.services.prisma;

    // ——— The clinician, signed in to the console (password + TOTP) ———
    const office = await browser.newContext();
    const staff = await office.newPage();
    await staff.goto(`${server.url}/console/#/sign-in`);
    await staff.getByTestId('sign-in-email').fill(server.demo.clinician.email);
    await staff.getByTestId('sign-in-password').fill(server.demo.clinician.password);
    await staff.getByTestId('sign-in-submit').click();
    const secret = (await staff.getByTestId('mfa-enrol-secret').textContent())!.trim();
    await staff.getByTestId('mfa-code').fill(await generate({ secret }));
    await staff.getByTestId('mfa-submit').click();
    await staff.waitForURL((u) => !u.hash.includes('sign-in'));
    const calendar = async (): Promise<Listed[]> => {
      const from = new Date(Date.now() - DAY).toISOString();
      const to = new Date(Date.now() + 30 * DAY).toISOString();
      const r = await trpcFromPage<Listed[]>(staff, 'booking.appointments.list', { from, to });
      expect(r.status).toBe(200);
      return r.data;
    };
    expect(await calendar()).toEqual([]);
    /** The console's calendar, freshly loaded, for the practice-local day of `iso`. */
    const practiceDay = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(iso));
    const consoleDay = async (iso: string): Promise<Row[]> => {
      const date = practiceDay(iso);
      await staff.goto(`${server.url}/console/#/calendar?view=day&date=${date}`);
      await staff.reload();
      await staff
        .locator(
          `[data-testid="calendar-day"][data-date="${date}"], [data-testid="calendar-day-empty"][data-date="${date}"]`,
        )
        .waitFor();
      return staff.getByTestId('appointment-row').evaluateAll((rows) =>
        rows.map((r) => ({
          id: r.getAttribute('data-appointment-id'),
          status: r.getAttribute('data-status'),
          client: r.querySelector('[data-testid="appointment-client"]')?.textContent?.trim() ?? '',
          time: r.querySelector('[data-testid="appointment-time"]')?.textContent?.trim() ?? '',
        })),
      );
    };

    // ——— The client, on the practice's site ———
    // Stripe's page is https on another origin; here its certificate is a throwaway one.
    const laptop = await browser.newContext({
      timezoneId: 'America/Chicago',
      ignoreHTTPSErrors: true,
    });
    const page: Page = await laptop.newPage();
    const booking = () => page.locator('tcrm-booking');
    await page.goto(`${server.url}/book.html`);
    const typeButton = booking().locator(`[data-type-id="${server.paidTypeId}"]`);
    await expect
      .poll(async () => (await typeButton.textContent())?.replace(/\s+/g, ' '), { timeout: 15_000 })
      .toContain('$40.00 deposit when booking');
    await expect(typeButton.textContent()).resolves.toContain(
      'Cancel or reschedule for free up to 24 hours before.',
    );
    await typeButton.click();
    const slots = booking().locator('tcrm-slot-grid button[data-starts-at]');
    await slots.first().waitFor();
    const slotTimes = await slots.evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('data-starts-at')!),
    );
    expect(slotTimes.length).toBeGreaterThan(2);
    const firstTime = slotTimes[0]!;
    expect(Date.parse(firstTime)).toBeGreaterThan(
      Date.now() + PAID_TYPE.minNoticeMinutes * 60_000 - 60_000,
    );
    await slots.first().click();

    await booking().getByRole('heading', { name: 'Your details' }).waitFor();
    await page.getByLabel('First name').fill(CANARY);
    await page.getByLabel('Last name').fill(`Quill${CANARY}`);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Phone (optional)').fill('207 555 0199');
    await booking().getByRole('button', { name: 'Book appointment' }).click();

    // ——— Stripe Checkout (the loopback stand-in's hosted page) ———
    await page.waitForURL(/^https:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_[0-9a-f]+$/, {
      timeout: 15_000,
    });
    await page.getByRole('heading', { name: 'Pay 40.00 USD' }).waitFor();
    const sessionId = page.url().split('/').pop()!;
    const session = server.stripe.sessions.get(sessionId)!;
    const appointmentId: string = session.metadata.appointmentId;
    expect(session).toMatchObject({ amount_total: 4_000, currency: 'usd', status: 'open' });
    // Stripe gets ids only: nothing the client typed.
    expect(JSON.stringify(server.stripe.requests)).not.toContain(CANARY);
    // Awaiting payment: the time is held, not booked, and the clinician sees it held.
    await expect(
      db.appointment.findUniqueOrThrow({ where: { id: appointmentId } }),
    ).resolves.toMatchObject({
      status: 'held',
      startsAt: new Date(firstTime),
      clinicianId: server.clinicianId,
    });
    expect((await calendar()).map((a) => [a.id, a.status])).toEqual([[appointmentId, 'held']]);
    expect(await consoleDay(firstTime)).toEqual([
      expect.objectContaining({ id: appointmentId, status: 'held' }),
    ]);
    expect(server.smtp.messages).toEqual([]);

    await page.getByRole('button', { name: 'Pay' }).click();

    // ——— Back on the practice's site ———
    // Checkout returns to the page the client booked on, with the widget's
    // seam in the query: `?booking=<id>&status=success`.
    await page
      .waitForURL((u) => u.origin === server.url && u.searchParams.has('status'), {
        timeout: 15_000,
      })
      .catch(async (error: Error) => {
        const shown = (await page.locator('body').textContent())?.replace(/\s+/g, ' ').trim();
        throw new Error(
          `${error.message}\nat ${page.url()}: ${shown}\nwebhooks: ${JSON.stringify(server.stripe.deliveries)}`,
        );
      });
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/book.html');
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      booking: appointmentId,
      status: 'success',
    });
    expect(server.stripe.deliveries).toEqual([
      {
        eventId: expect.stringMatching(/^evt_test_/),
        type: 'checkout.session.completed',
        sessionId,
        status: 200,
      },
    ]);
    await booking().getByRole('heading', { name: 'You are booked' }).waitFor();
    await booking().getByText('Payment received. Your appointment is confirmed.').waitFor();

    const confirmed = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    expect(confirmed).toMatchObject({ status: 'confirmed', startsAt: new Date(firstTime) });
    const payments = await db.payment.findMany({ where: { practiceId: server.practiceId } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      appointmentId,
      kind: 'deposit',
      status: 'paid',
      amountCents: 4_000,
      stripeCheckoutSessionId: sessionId,
      stripePaymentIntentId: session.payment_intent,
    });
    const paymentId = payments[0]!.id;
    await expect(db.stripeEvent.count()).resolves.toBe(1);
    const listedBooked = await calendar();
    expect(listedBooked.map((a) => [a.id, a.status, a.startsAt])).toEqual([
      [appointmentId, 'confirmed', firstTime],
    ]);
    expect(listedBooked[0]!.client?.firstName).toBe(CANARY); // staff read the (decrypted) name
    const bookedRows = await consoleDay(firstTime);
    expect(bookedRows).toEqual([
      expect.objectContaining({
        id: appointmentId,
        status: 'confirmed',
        client: `${CANARY} Quill${CANARY}`,
      }),
    ]);

    // ——— The confirmation e-mail, at the loopback SMTP server ———
    const confirmation = await server.smtp.waitFor(
      (m) => m.to.includes(EMAIL) && /is booked/.test(m.subject),
      20_000,
    );
    expect(confirmation.subject).toBe('Your appointment with Harbor Light Counseling is booked');
    const link = new RegExp(
      `${server.url}/p/${DEMO_SLUG}/booking/manage#token=(tma_[A-Za-z0-9_.-]+)`,
    );
    const firstLink = link.exec(confirmation.text);
    const firstToken = firstLink?.[1];
    expect(firstToken).toBeDefined();
    const invite = calendarFiles(confirmation)['appointment.ics'];
    expect(invite).toContain('BEGIN:VCALENDAR');
    expect(invite).toContain('METHOD:REQUEST');
    expect(invite).toContain(`DTSTART:${icsUtc(firstTime)}`);
    expect(invite).toContain(`UID:${appointmentId}@therapycrm`);
    // Positive control: the decoded message does hold what it should say.
    expect(everything(confirmation)).toContain('Harbor Light Counseling');
    for (const needle of [CANARY, PAID_TYPE.name])
      expect(everything(confirmation)).not.toContain(needle);
    expect(confirmation.text).not.toContain(EMAIL); // the address is only in the envelope and To:

    // ——— The manage link, opened from the e-mail: move to another time ———
    // The hosted page at PUBLIC_URL/p/<slug>/booking/manage renders
    // <tcrm-booking-manage>, which reads the token from the fragment.
    const manage = () => page.locator('tcrm-booking-manage');
    await page.goto(firstLink![0]);
    await manage().getByRole('heading', { name: 'Your appointment' }).waitFor({ timeout: 15_000 });
    await expect(page.title()).resolves.toContain('Harbor Light Counseling');
    await expect(manage().locator('[part~="status"]').getAttribute('data-status')).resolves.toBe(
      'confirmed',
    );
    const summaryText = async () =>
      (await manage().locator('[part~="summary"]').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(await summaryText()).toContain('$40.00');
    await expect(
      manage().getByText('After that, a late-cancellation fee of', { exact: false }).count(),
    ).resolves.toBe(1);
    await manage().getByRole('button', { name: 'Reschedule' }).click();
    await manage().getByRole('heading', { name: 'Choose a new time' }).waitFor();
    const manageSlots = manage().locator('tcrm-slot-grid button[data-starts-at]');
    // A time at least a day later (so the first day's calendar empties); the
    // grid shows a week at a time.
    let secondTime: string | undefined;
    for (let week = 0; week < 3 && !secondTime; week++) {
      await manageSlots.first().waitFor();
      const offered = await manageSlots.evaluateAll((nodes) =>
        nodes.map((n) => n.getAttribute('data-starts-at')!),
      );
      secondTime = offered.find((t) => Date.parse(t) >= Date.parse(firstTime) + DAY);
      if (!secondTime) await manage().getByRole('button', { name: 'Next week' }).click();
    }
    expect(secondTime).toBeDefined();
    await manage().locator(`tcrm-slot-grid button[data-starts-at="${secondTime}"]`).click();
    await manage()
      .getByRole('heading', { name: /^Move to / })
      .waitFor();
    await manage().getByRole('button', { name: 'Yes, move my appointment' }).click();
    await manage().getByRole('heading', { name: 'Appointment moved' }).waitFor({ timeout: 15_000 });

    const moved = await eventually(
      () =>
        db.appointment.findFirst({
          where: { practiceId: server.practiceId, status: 'confirmed' },
          select: { id: true, startsAt: true },
        }),
      (a) => !!a && a.id !== appointmentId,
    );
    const movedId = moved!.id;
    expect(moved!.startsAt.toISOString()).toBe(secondTime);
    await expect(
      db.appointment.findUniqueOrThrow({ where: { id: appointmentId } }),
    ).resolves.toMatchObject({
      status: 'cancelled',
      cancelReason: 'rescheduled',
    });
    // Still exactly one payment, now following the booking to its new time.
    await expect(
      db.payment.findMany({ where: { practiceId: server.practiceId } }),
    ).resolves.toEqual([
      expect.objectContaining({ id: paymentId, appointmentId: movedId, status: 'paid' }),
    ]);
    expect((await calendar()).map((a) => [a.id, a.status, a.startsAt])).toEqual([
      [movedId, 'confirmed', secondTime],
    ]);
    expect((await consoleDay(firstTime)).map((r) => r.id)).not.toContain(appointmentId);
    const movedRows = await consoleDay(secondTime!);
    expect(movedRows).toEqual([expect.objectContaining({ id: movedId, status: 'confirmed' })]);

    const change = await server.smtp.waitFor(
      (m) => m.to.includes(EMAIL) && /has moved/.test(m.subject),
      20_000,
    );
    const secondLink = link.exec(change.text);
    const secondToken = secondLink?.[1];
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);
    // The page carries on with the new appointment's link (a reload still works).
    expect(new URL(page.url()).hash).toBe(`#token=${secondToken}`);
    const changeFiles = calendarFiles(change);
    expect(changeFiles['appointment.ics']).toContain(`DTSTART:${icsUtc(secondTime!)}`);
    expect(changeFiles['appointment.ics']).toContain(`UID:${movedId}@therapycrm`);
    expect(changeFiles['cancelled.ics']).toContain('METHOD:CANCEL');
    expect(changeFiles['cancelled.ics']).toContain(`UID:${appointmentId}@therapycrm`);
    for (const needle of [CANARY, PAID_TYPE.name]) expect(everything(change)).not.toContain(needle);

    // The old link shows the moved appointment as cancelled and offers nothing;
    // the API refuses it too.
    await page.goto(firstLink![0]);
    await page.reload();
    await expect(
      manage().locator('[part~="status"][data-status="cancelled"]').waitFor(),
    ).resolves.toBeUndefined();
    await expect(
      manage().getByRole('button', { name: 'Cancel appointment' }).count(),
    ).resolves.toBe(0);
    const stale = await trpcFromPage(
      page,
      'booking.manage.cancel',
      { token: firstToken },
      { mutation: true, publishableKey: server.demo.publishableKey },
    );
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(stale.status).toBeLessThan(500);
    await expect(
      db.appointment.findUniqueOrThrow({ where: { id: movedId } }),
    ).resolves.toMatchObject({
      status: 'confirmed',
    });

    // ——— Cancel from the newer link, inside the policy window: the whole deposit comes back ———
    await page.goto(secondLink![0]);
    await page.reload();
    await manage().getByRole('heading', { name: 'Your appointment' }).waitFor();
    await manage().getByRole('button', { name: 'Cancel appointment' }).click();
    await manage().getByRole('heading', { name: 'Cancel this appointment?' }).waitFor();
    // The consequence is stated before the client commits.
    await manage().getByText('Your payment of $40.00 will be refunded.').waitFor();
    await manage().getByRole('button', { name: 'Yes, cancel appointment' }).click();
    await manage()
      .getByRole('heading', { name: 'Appointment cancelled' })
      .waitFor({ timeout: 15_000 });
    await manage().getByText('$40.00 will be refunded to your original payment method.').waitFor();
    const refunds = await eventually(
      async () => server.stripe.refunds.filter((r) => r.payment_intent === session.payment_intent),
      (r) => r.length > 0,
    );
    expect(refunds).toEqual([
      expect.objectContaining({
        payment_intent: session.payment_intent,
        amount: 4_000,
        status: 'succeeded',
      }),
    ]);
    const refunded = await eventually(
      () => db.payment.findUniqueOrThrow({ where: { id: paymentId } }),
      (p) => p.status === 'refunded',
    );
    expect(refunded).toMatchObject({
      refundedCents: 4_000,
      retainedFeeCents: 0,
      stripeRefundId: refunds[0]!.id,
    });
    await expect(db.payment.count({ where: { practiceId: server.practiceId } })).resolves.toBe(1);
    await expect(
      db.appointment.findUniqueOrThrow({ where: { id: movedId } }),
    ).resolves.toMatchObject({
      status: 'cancelled',
      cancelReason: 'client',
    });
    expect(await calendar()).toEqual([]);
    expect(await consoleDay(secondTime!)).toEqual([]);

    const goodbye = await server.smtp.waitFor(
      (m) => m.to.includes(EMAIL) && /is cancelled/.test(m.subject),
      20_000,
    );
    expect(goodbye.text).not.toMatch(link);
    expect(calendarFiles(goodbye)['cancelled.ics']).toContain(`UID:${movedId}@therapycrm`);
    for (const needle of [CANARY, PAID_TYPE.name])
      expect(everything(goodbye)).not.toContain(needle);
    // One e-mail per step, all to the client.
    expect(
      server.smtp.messages.map((m) => [
        m.to,
        m.subject.replace(/ with Harbor Light Counseling/, ''),
      ]),
    ).toEqual([
      [[EMAIL], 'Your appointment is booked'],
      [[EMAIL], 'Your appointment has moved'],
      [[EMAIL], 'Your appointment is cancelled'],
    ]);
    await laptop.close();
    await office.close();
  });
});
