// Availability editor in the staff console, against the real test server
// (one file at a time: the staff session is a shared cookie; see console.test.ts).
import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { createConsoleApi } from './api.js';
import type { TcrmConsoleApp } from './console-app.js';
import {
  allByTestId,
  byTestId,
  find,
  focused,
  mountConsole,
  newStaff,
  server,
  signIn,
  text,
  type StaffAccount,
} from './testing/console-harness.js';

/** The server's view, read with this page's staff cookie. */
const api = createConsoleApi({ onUnauthorized: () => undefined });

/** Sets a date/time field as a user's picker would (typing into them differs per locale). */
function setValue(input: HTMLElement | undefined, value: string): void {
  const field = input as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function day(app: TcrmConsoleApp, weekday: number): HTMLElement {
  return allByTestId(app, 'weekday').find((f) => f.dataset['weekday'] === String(weekday))!;
}

/** Signs in as an owner and opens the given clinician's availability. */
async function openFor(clinician: StaffAccount): Promise<TcrmConsoleApp> {
  const app = await mountConsole({ hash: '#/availability' });
  await signIn(app, await newStaff('owner'));
  const select = await find<HTMLSelectElement>(app, 'availability-clinician', 10_000);
  select.value = clinician.userId;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await waitUntil(
    () => byTestId(app, 'weekly-hours')?.dataset['clinicianId'] === clinician.userId,
    "the clinician's hours loaded",
  );
  await find(app, 'override-save');
  return app;
}

describe('staff console: availability', () => {
  before(async function () {
    this.timeout(120_000);
    await server({ op: 'fixture' });
  });

  it('has no axe violations (weekly hours, overrides, time off), in English and Spanish', async function () {
    this.timeout(30_000);
    const app = await openFor(await newStaff('clinician'));
    (await find(app, 'hours-add-1')).click();
    await find(app, 'hours-row');
    expect(await axeViolations(app)).to.deep.equal([]);
    const locale = byTestId<HTMLSelectElement>(app, 'locale-select')!;
    locale.value = 'es';
    locale.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(
      () => text(byTestId(app, 'weekly-hours-save')) === 'Guardar horario semanal',
      'es',
    );
    expect(text(day(app, 1).querySelector('legend'))).to.equal('lunes');
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('adds and removes weekly ranges, shows the server refusing an overlap, then saves', async function () {
    this.timeout(30_000);
    const clinician = await newStaff('clinician');
    const app = await openFor(clinician);
    (await find(app, 'hours-add-1')).click();
    await waitUntil(
      () => day(app, 1).querySelectorAll('[data-testid="hours-row"]').length === 1,
      'row',
    );
    // The new range's start has focus, so a keyboard user types the time at once.
    expect(focused()).to.equal(day(app, 1).querySelector('[data-testid="hours-start"]'));
    setValue(day(app, 1).querySelector<HTMLElement>('[data-testid="hours-start"]')!, '10:00');
    byTestId(app, 'hours-add-1')!.click();
    await waitUntil(
      () => day(app, 1).querySelectorAll('[data-testid="hours-row"]').length === 2,
      'two',
    );
    const [, second] = day(app, 1).querySelectorAll<HTMLElement>('[data-testid="hours-row"]');
    setValue(second!.querySelector<HTMLElement>('[data-testid="hours-start"]')!, '12:00');
    setValue(second!.querySelector<HTMLElement>('[data-testid="hours-end"]')!, '14:00');

    byTestId(app, 'weekly-hours-save')!.click();
    const error = byTestId(app, 'weekly-hours-error')!;
    await waitUntil(
      () => text(error).includes('must not overlap'),
      'overlap refused by the server',
    );
    const rows = () => day(app, 1).querySelectorAll<HTMLElement>('[data-testid="hours-row"]');
    expect(rows()[1]!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(focused()).to.equal(error);
    expect(
      await api.booking.admin.schedule.weeklyHours.query({ clinicianId: clinician.userId }),
    ).to.deep.equal([]);

    setValue(rows()[1]!.querySelector<HTMLElement>('[data-testid="hours-start"]')!, '18:00');
    setValue(rows()[1]!.querySelector<HTMLElement>('[data-testid="hours-end"]')!, '19:30');
    (await find(app, 'hours-add-3')).click();
    byTestId(app, 'weekly-hours-save')!.click();
    await waitUntil(() => text(byTestId(app, 'console-status')) === 'Weekly hours saved.', 'saved');
    expect(text(error)).to.equal('');
    expect(
      await api.booking.admin.schedule.weeklyHours.query({ clinicianId: clinician.userId }),
    ).to.deep.equal([
      { weekday: 1, startMinute: 600, endMinute: 1020 },
      { weekday: 1, startMinute: 1080, endMinute: 1170 },
      { weekday: 3, startMinute: 540, endMinute: 1020 },
    ]);

    // Removing a range returns focus to its day's add button.
    day(app, 3).querySelector<HTMLElement>('[data-testid="hours-remove"]')!.click();
    await waitUntil(() => focused() === byTestId(app, 'hours-add-3'), 'focus kept in the day');
    byTestId(app, 'weekly-hours-save')!.click();
    await waitUntil(
      async () =>
        (await api.booking.admin.schedule.weeklyHours.query({ clinicianId: clinician.userId }))
          .length === 2,
      'Wednesday removed on the server',
    );
  });

  it('saves and clears a date override; the server refusal lands on its field', async function () {
    this.timeout(30_000);
    const clinician = await newStaff('clinician');
    const app = await openFor(clinician);
    const date = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const overrides = () =>
      api.booking.admin.schedule.dateOverrides.query({
        clinicianId: clinician.userId,
        from: date,
        to: date,
      });

    byTestId(app, 'override-save')!.click(); // no date
    await waitUntil(() => text(byTestId(app, 'override-date-error')) !== '', 'date required');
    expect(byTestId(app, 'override-date')!.getAttribute('aria-invalid')).to.equal('true');

    setValue(byTestId(app, 'override-date'), date);
    byTestId<HTMLInputElement>(app, 'override-unavailable')!.click();
    setValue(await find(app, 'override-start'), '15:00');
    setValue(byTestId(app, 'override-end'), '11:00');
    byTestId(app, 'override-save')!.click();
    await waitUntil(() => text(byTestId(app, 'override-hours-error')).includes('before'), 'range');
    expect(await overrides()).to.deep.equal([]);

    setValue(byTestId(app, 'override-end'), '17:00');
    byTestId(app, 'override-save')!.click();
    await waitUntil(
      () => allByTestId(app, 'override-row').some((r) => r.dataset['date'] === date),
      'listed',
    );
    expect(await overrides()).to.deep.equal([
      { date, unavailable: false, hours: [{ startMinute: 900, endMinute: 1020 }] },
    ]);
    const row = allByTestId(app, 'override-row').find((r) => r.dataset['date'] === date)!;
    expect(text(row)).to.contain('15:00–17:00');
    row.querySelector<HTMLElement>('[data-testid="override-clear"]')!.click();
    await waitUntil(() => allByTestId(app, 'override-row').length === 0, 'cleared');
    expect(await overrides()).to.deep.equal([]);
  });

  it('adds time off in practice time and removes it; an end before the start is refused on the end field', async function () {
    this.timeout(30_000);
    const clinician = await newStaff('clinician');
    const app = await openFor(clinician);
    // A January date: New York is UTC−5 then, so 09:00 practice time is 14:00Z.
    const year = new Date().getUTCFullYear() + 1;
    setValue(byTestId(app, 'time-off-start'), `${year}-01-12T09:00`);
    setValue(byTestId(app, 'time-off-end'), `${year}-01-12T08:00`);
    byTestId(app, 'time-off-add')!.click();
    await waitUntil(
      () => text(byTestId(app, 'timeOff-endsAt-error')).includes('end after'),
      'refused',
    );
    expect(byTestId(app, 'time-off-end')!.getAttribute('aria-invalid')).to.equal('true');

    setValue(byTestId(app, 'time-off-end'), `${year}-01-16T18:00`);
    byTestId(app, 'time-off-add')!.click();
    await find(app, 'time-off-row');
    const stored = await api.booking.admin.schedule.timeOff.query({
      clinicianId: clinician.userId,
      from: `${year}-01-01T00:00:00Z`,
      to: `${year}-02-01T00:00:00Z`,
    });
    expect(
      stored.map((r) => [new Date(r.startsAt).toISOString(), new Date(r.endsAt).toISOString()]),
    ).to.deep.equal([[`${year}-01-12T14:00:00.000Z`, `${year}-01-16T23:00:00.000Z`]]);
    expect(text(byTestId(app, 'timeOff-endsAt-error'))).to.equal('');
    byTestId(app, 'time-off-remove')!.click();
    await waitUntil(() => !byTestId(app, 'time-off-row'), 'removed');
    expect(text(byTestId(app, 'console-status'))).to.equal('Time off removed.');
  });

  it('lets front desk pick any clinician (auth.staff.clinicians) and see their hours', async function () {
    this.timeout(20_000);
    const clinician = await newStaff('clinician');
    const app = await mountConsole({ hash: '#/availability' });
    await signIn(app, await newStaff('front_desk'));
    const select = await find<HTMLSelectElement>(app, 'availability-clinician', 10_000);
    expect([...select.options].map((o) => o.value)).to.include(clinician.userId);
    expect(byTestId(app, 'availability-no-clinicians')).to.equal(undefined);
    select.value = clinician.userId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await find(app, 'weekly-hours', 10_000);
  });

  it('lets a clinician edit only their own hours', async function () {
    this.timeout(20_000);
    const me = await newStaff('clinician');
    const app = await mountConsole({ hash: '#/availability' });
    await signIn(app, me);
    const select = await find<HTMLSelectElement>(app, 'availability-clinician', 10_000);
    expect([...select.options].map((o) => o.value)).to.deep.equal([me.userId]);
    expect(text(select.options[0])).to.contain('(you)');
  });
});
