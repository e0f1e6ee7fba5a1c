// The staff calendar against the real test server: a type and hours made in
// the console, an appointment booked through the public booking API (as
// <tcrm-booking> would), then approved or declined in the calendar and read
// back from the server. One file at a time: the staff session is a shared cookie.
import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { createConsoleApi } from './api.js';
import type { TcrmConsoleApp } from './console-app.js';
import {
  allByTestId,
  byTestId,
  fill,
  find,
  focused,
  mountConsole,
  newStaff,
  server,
  signIn,
  text,
} from './testing/console-harness.js';

interface BookingFixture {
  publishableKey: string;
  practiceTimeZone: string;
  clinicianIds: string[];
  types: Record<'consultation' | 'session' | 'intensive', string>;
}

const ZONE = 'America/New_York';
const api = createConsoleApi({ onUnauthorized: () => undefined });

/** Books the first free slot through the public widget API: availability → hold → confirm. */
async function bookPublicly(
  key: string,
  appointmentTypeId: string,
  clinicianId: string,
  client: { firstName: string; lastName: string },
): Promise<{ appointmentId: string; status: string; startsAt: string; practiceDate: string }> {
  const headers = { 'x-tcrm-publishable-key': key, 'content-type': 'application/json' };
  const call = async (path: string, init: RequestInit) => {
    const response = await fetch(`/trpc/${path}`, {
      ...init,
      headers: { ...headers, ...init.headers },
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result!.data as Record<string, unknown>;
  };
  const now = Date.now();
  const input = {
    appointmentTypeId,
    clinicianId,
    from: new Date(now).toISOString(),
    to: new Date(now + 14 * 86_400_000).toISOString(),
    timeZone: ZONE,
  };
  const found = (await call(
    `booking.availability?input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      method: 'GET',
    },
  )) as { slots: { startsAt: string; startsAtPractice: string }[] };
  // A random one of the first slots: other tests' bookings may hold the earliest.
  const slot = found.slots[Math.floor(Math.random() * Math.min(found.slots.length, 20))]!;
  const hold = await call('booking.hold', {
    method: 'POST',
    body: JSON.stringify({
      appointmentTypeId,
      clinicianId,
      startsAt: slot.startsAt,
      timeZone: ZONE,
    }),
  });
  const done = await call('booking.confirm', {
    method: 'POST',
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      holdToken: hold['holdToken'],
      client: { ...client, email: `${client.firstName}.${Date.now()}@example.com`.toLowerCase() },
    }),
  });
  return {
    appointmentId: done['appointmentId'] as string,
    status: done['status'] as string,
    startsAt: slot.startsAt,
    practiceDate: slot.startsAtPractice.slice(0, 10),
  };
}

/** The calendar's row for an appointment, once it is listed. */
async function row(app: TcrmConsoleApp, appointmentId: string): Promise<HTMLElement> {
  const match = () =>
    allByTestId(app, 'appointment-row').find((r) => r.dataset['appointmentId'] === appointmentId);
  await waitUntil(match, 'appointment listed in the calendar', { timeout: 10_000 });
  return match()!;
}

async function serverStatus(appointmentId: string, startsAt: string): Promise<string | undefined> {
  const at = Date.parse(startsAt);
  const rows = await api.booking.appointments.list.query({
    from: new Date(at - 3_600_000).toISOString(),
    to: new Date(at + 3_600_000).toISOString(),
  });
  return rows.find((r) => r.id === appointmentId)?.status;
}

describe('staff console: calendar', () => {
  let booking: BookingFixture;

  before(async function () {
    this.timeout(120_000);
    booking = await server<BookingFixture>({ op: 'bookingFixture' });
  });

  it('has no axe violations with a requested appointment shown, in English and Spanish', async function () {
    this.timeout(30_000);
    const booked = await bookPublicly(
      booking.publishableKey,
      booking.types.session,
      booking.clinicianIds[0]!,
      {
        firstName: 'Axel',
        lastName: 'Check',
      },
    );
    const app = await mountConsole({ hash: `#/calendar?view=week&date=${booked.practiceDate}` });
    await signIn(app, await newStaff('owner'));
    await row(app, booked.appointmentId);
    expect(text(byTestId(app, 'calendar-timezone'))).to.contain('America/New_York');
    expect(await axeViolations(app)).to.deep.equal([]);
    const locale = byTestId<HTMLSelectElement>(app, 'locale-select')!;
    locale.value = 'es';
    locale.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => text(byTestId(app, 'calendar-today')) === 'Hoy', 'Spanish calendar');
    expect(
      text(
        (await row(app, booked.appointmentId)).querySelector('[data-testid="appointment-status"]'),
      ),
    ).to.equal('Solicitada');
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('type and hours made in the console, booked publicly, shown in practice time and approved', async function () {
    this.timeout(90_000);
    const clinician = await newStaff('clinician');
    const app = await mountConsole({ hash: '#/appointment-types' });
    await signIn(app, await newStaff('owner'));

    // 1. A request-to-book type, through the form.
    (await find(app, 'type-new', 10_000)).click();
    const typeName = `Calendar e2e ${Date.now().toString(36)}`;
    await fill(await find(app, 'type-name'), typeName);
    await fill(byTestId(app, 'type-minNoticeMinutes')!, '60');
    await fill(byTestId(app, 'type-slotIntervalMinutes')!, '60');
    const mode = byTestId<HTMLSelectElement>(app, 'type-bookingMode')!;
    mode.value = 'request';
    mode.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    byTestId(app, 'type-save')!.click();
    await waitUntil(() => !byTestId(app, 'appointment-type-form'), 'type saved');
    const type = (await api.booking.admin.appointmentTypes.list.query()).find(
      (t) => t.name === typeName,
    )!;
    expect(type.bookingMode).to.equal('request');

    // 2. Hours every day 08:00–20:00 for the new clinician, through the editor.
    byTestId(app, 'nav-availability')!.click();
    const select = await find<HTMLSelectElement>(app, 'availability-clinician', 10_000);
    select.value = clinician.userId;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(
      () => byTestId(app, 'weekly-hours')?.dataset['clinicianId'] === clinician.userId,
      'hours loaded',
    );
    for (let weekday = 1; weekday <= 7; weekday++) {
      byTestId(app, `hours-add-${weekday}`)!.click();
      await waitUntil(() => focused()?.getAttribute('data-testid') === 'hours-start', 'new range');
      const start = focused() as HTMLInputElement;
      start.value = '08:00';
      start.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const end = start
        .closest('[data-testid="hours-row"]')!
        .querySelector<HTMLInputElement>('[data-testid="hours-end"]')!;
      end.value = '20:00';
      end.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    byTestId(app, 'weekly-hours-save')!.click();
    await waitUntil(
      () => text(byTestId(app, 'console-status')) === 'Weekly hours saved.',
      'hours saved',
    );

    // 3. A client books through the public API.
    const booked = await bookPublicly(booking.publishableKey, type.id, clinician.userId, {
      firstName: 'Marisol',
      lastName: 'Quintero',
    });
    expect(booked.status).to.equal('requested');

    // 4. The calendar's day view of that practice date lists it, in practice time.
    location.hash = `#/calendar?view=day&date=${booked.practiceDate}`;
    let r = await row(app, booked.appointmentId);
    expect(r.dataset['status']).to.equal('requested');
    expect(text(r.querySelector('[data-testid="appointment-client"]'))).to.equal(
      'Marisol Quintero',
    );
    expect(text(r)).to.contain(typeName);
    // Unless this machine is in New York, a view formatting in the browser's zone would show other hours.
    const start = new Date(booked.startsAt);
    const practiceTime = new Intl.DateTimeFormat('en', {
      timeZone: ZONE,
      timeStyle: 'short',
    }).formatRange(start, new Date(start.getTime() + 50 * 60_000));
    expect(text(r.querySelector('[data-testid="appointment-time"]'))).to.equal(practiceTime);
    expect(allByTestId(app, 'calendar-day').map((d) => d.dataset['date'])).to.deep.equal([
      booked.practiceDate,
    ]);

    // Another clinician's calendar does not have it; this clinician's does.
    const filter = byTestId<HTMLSelectElement>(app, 'calendar-clinician')!;
    const pick = (id: string) => {
      filter.value = id;
      filter.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    pick(booking.clinicianIds[0]!);
    await waitUntil(
      () =>
        !allByTestId(app, 'appointment-row').some(
          (x) => x.dataset['appointmentId'] === booked.appointmentId,
        ),
      'filtered out',
    );
    pick(clinician.userId);
    r = await row(app, booked.appointmentId); // the table was rebuilt

    // 5. Approve: the row, the live region, focus, and the server agree.
    const approve = r.querySelector<HTMLButtonElement>('[data-testid="appointment-approve"]')!;
    expect(approve.getAttribute('aria-label')).to.contain('Marisol Quintero');
    approve.click();
    await waitUntil(() => r.dataset['status'] === 'confirmed', 'confirmed in the row');
    expect(text(r.querySelector('[data-testid="appointment-status"]'))).to.equal('Confirmed');
    expect(r.querySelector('[data-testid="appointment-approve"]')).to.equal(null);
    await waitUntil(
      () => text(byTestId(app, 'console-status')).startsWith('Appointment approved'),
      'announced',
    );
    expect(focused()).to.equal(r.querySelector('[data-testid="appointment-status"]'));
    expect(await serverStatus(booked.appointmentId, booked.startsAt)).to.equal('confirmed');
  });

  it('declines a request after confirmation; the server no longer lists it', async function () {
    this.timeout(30_000);
    const booked = await bookPublicly(
      booking.publishableKey,
      booking.types.session,
      booking.clinicianIds[1]!,
      {
        firstName: 'Dana',
        lastName: 'Reyes',
      },
    );
    const app = await mountConsole({ hash: `#/calendar?view=day&date=${booked.practiceDate}` });
    await signIn(app, await newStaff('front_desk'));
    const r = await row(app, booked.appointmentId);
    r.querySelector<HTMLElement>('[data-testid="appointment-decline"]')!.click();
    const yes = await find(app, 'appointment-decline-confirm');
    expect(focused()).to.equal(yes);
    byTestId(app, 'appointment-decline-keep')!.click();
    await waitUntil(() => !byTestId(app, 'appointment-decline-confirm'), 'kept');
    expect(focused()).to.equal(r.querySelector('[data-testid="appointment-decline"]'));
    expect(await serverStatus(booked.appointmentId, booked.startsAt)).to.equal('requested');
    r.querySelector<HTMLElement>('[data-testid="appointment-decline"]')!.click();
    (await find(app, 'appointment-decline-confirm')).click();
    await waitUntil(() => r.dataset['status'] === 'cancelled', 'cancelled in the row');
    await waitUntil(
      () => text(byTestId(app, 'console-status')).startsWith('Request declined'),
      'announced',
    );
    expect(await serverStatus(booked.appointmentId, booked.startsAt)).to.equal(undefined);
  });

  it('shows a slot on hold as such, with no decision to make', async function () {
    this.timeout(30_000);
    const clinicianId = booking.clinicianIds[0]!;
    const appointmentTypeId = booking.types.consultation;
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const query = encodeURIComponent(
      JSON.stringify({ appointmentTypeId, clinicianId, from, to, timeZone: ZONE }),
    );
    const headers = {
      'x-tcrm-publishable-key': booking.publishableKey,
      'content-type': 'application/json',
    };
    const slots = (
      (await (await fetch(`/trpc/booking.availability?input=${query}`, { headers })).json()) as {
        result: { data: { slots: { startsAt: string; startsAtPractice: string }[] } };
      }
    ).result.data.slots;
    const slot = slots[Math.floor(Math.random() * Math.min(slots.length, 20))]!;
    const response = await fetch('/trpc/booking.hold', {
      method: 'POST',
      headers,
      body: JSON.stringify({ appointmentTypeId, clinicianId, startsAt: slot.startsAt }),
    });
    const hold = ((await response.json()) as { result: { data: { holdId: string } } }).result.data;
    const app = await mountConsole({
      hash: `#/calendar?view=week&date=${slot.startsAtPractice.slice(0, 10)}`,
    });
    await signIn(app, await newStaff('owner'));
    const r = await row(app, hold.holdId);
    expect(r.dataset['status']).to.equal('held');
    expect(text(r.querySelector('[data-testid="appointment-status"]'))).to.equal('On hold');
    expect(text(r.querySelector('[data-testid="appointment-client"]'))).to.equal('Slot on hold');
    expect(r.querySelector('[data-testid="appointment-approve"]')).to.equal(null);
  });

  it('moves between days and weeks, saying the new range in the live region', async function () {
    this.timeout(30_000);
    const app = await mountConsole({ hash: '#/calendar?view=week&date=2026-03-04' });
    await signIn(app, await newStaff('clinician'));
    await waitUntil(
      () => text(byTestId(app, 'calendar-range')).includes('Mar 2, 2026'),
      'week of Monday 2 March',
    );
    expect(text(byTestId(app, 'calendar-range'))).to.contain('Mar 8, 2026');
    expect(byTestId(app, 'calendar-view-week')!.getAttribute('aria-pressed')).to.equal('true');
    const next = byTestId(app, 'calendar-next')!;
    next.focus();
    next.click();
    await waitUntil(
      () => text(byTestId(app, 'console-status')).includes('Mar 9, 2026'),
      'next week said',
    );
    expect(focused()).to.equal(next); // focus stays on the button pressed
    expect(location.hash).to.equal('#/calendar?view=week&date=2026-03-09');
    byTestId(app, 'calendar-view-day')!.click();
    await waitUntil(
      () => text(byTestId(app, 'calendar-range')).includes('Monday, March 9, 2026'),
      'day',
    );
    byTestId(app, 'calendar-previous')!.click();
    // DST began in New York on 8 March 2026: the day before is still one whole day.
    await waitUntil(
      () => text(byTestId(app, 'calendar-range')).includes('Sunday, March 8, 2026'),
      'day before',
    );
    expect(byTestId(app, 'calendar-day-empty')!.dataset['date']).to.equal('2026-03-08');
  });
});
