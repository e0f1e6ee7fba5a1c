// Appointment types in the staff console, against the real test server
// (one file at a time: the staff session is a shared cookie; see console.test.ts).
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
}

/** The server's view, read with this page's staff cookie (not through the console's own state). */
const api = createConsoleApi({ onUnauthorized: () => undefined });

function choose(app: TcrmConsoleApp, id: string, value: string): void {
  const select = byTestId<HTMLSelectElement>(app, id)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function openTypes(role = 'owner'): Promise<TcrmConsoleApp> {
  const app = await mountConsole({ hash: '#/appointment-types' });
  await signIn(app, await newStaff(role));
  await find(app, 'appointment-types', 10_000);
  return app;
}

async function typeNamed(name: string) {
  const types = await api.booking.admin.appointmentTypes.list.query();
  return types.find((t) => t.name === name);
}

describe('staff console: appointment types', () => {
  let booking: BookingFixture;

  before(async function () {
    this.timeout(120_000);
    booking = await server<BookingFixture>({ op: 'bookingFixture' });
  });

  it('has no axe violations on the list and the form, in English and Spanish', async function () {
    this.timeout(30_000);
    const app = await openTypes();
    expect(text(byTestId(app, 'appointment-types'))).to.contain('Individual therapy');
    (await find(app, 'type-new')).click();
    await find(app, 'appointment-type-form');
    expect(await axeViolations(app)).to.deep.equal([]);
    choose(app, 'locale-select', 'es');
    await waitUntil(() => text(byTestId(app, 'type-save')) === 'Guardar tipo', 'Spanish form');
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('creates a type with every setting and the server stores exactly those', async function () {
    this.timeout(30_000);
    const app = await openTypes('front_desk');
    (await find(app, 'type-new')).click();
    const name = `Couples session ${Date.now().toString(36)}`;
    await fill(await find(app, 'type-name'), name);
    // The form opens with focus on its heading (keyboard users land in it).
    const values: Record<string, string> = {
      durationMinutes: '80',
      priceCents: '200.50',
      depositCents: '50',
      bufferBeforeMinutes: '10',
      bufferAfterMinutes: '15',
      minNoticeMinutes: '120',
      maxHorizonDays: '30',
      slotIntervalMinutes: '60',
      dailyCap: '3',
      cancellationWindowHours: '36',
      lateCancelFeeCents: '40',
    };
    for (const [key, value] of Object.entries(values))
      await fill(byTestId(app, `type-${key}`)!, value);
    choose(app, 'type-modality', 'telehealth');
    choose(app, 'type-clientEligibility', 'new_only');
    choose(app, 'type-bookingMode', 'request');
    byTestId(app, 'type-save')!.click();
    await waitUntil(() => !byTestId(app, 'appointment-type-form'), 'form closed after saving');
    await waitUntil(
      () => text(byTestId(app, 'console-status')) === 'Appointment type created.',
      'announced',
    );
    const row = allByTestId(app, 'appointment-type-row').find((r) => text(r).includes(name))!;
    expect(text(row)).to.contain('80 min').and.contain('Telehealth').and.contain('$200.50');
    expect(await typeNamed(name)).to.include({
      durationMinutes: 80,
      modality: 'telehealth',
      priceCents: 20_050,
      depositCents: 5_000,
      clientEligibility: 'new_only',
      bookingMode: 'request',
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 120,
      maxHorizonDays: 30,
      slotIntervalMinutes: 60,
      dailyCap: 3,
      cancellationWindowHours: 36,
      lateCancelFeeCents: 4_000,
      active: true,
    });
  });

  it('shows the server refusing a value on the field it names, and focuses it', async function () {
    this.timeout(30_000);
    const app = await openTypes();
    (await find(app, 'type-new')).click();
    await fill(await find(app, 'type-name'), `Refused ${Date.now().toString(36)}`);
    await fill(byTestId(app, 'type-durationMinutes')!, '3'); // the server's minimum is 5
    byTestId(app, 'type-save')!.click();
    const durationError = byTestId(app, 'type-durationMinutes-error')!;
    await waitUntil(() => text(durationError) !== '', 'duration error shown');
    const duration = byTestId(app, 'type-durationMinutes')!;
    expect(duration.getAttribute('aria-invalid')).to.equal('true');
    expect(duration.getAttribute('aria-describedby')).to.contain('error-durationMinutes');
    expect(focused()).to.equal(duration);
    expect(text(byTestId(app, 'type-form-error'))).to.contain('Some fields need attention');

    // Deposit above the price: only the server's rule across two fields says so.
    await fill(duration, '50');
    await fill(byTestId(app, 'type-priceCents')!, '10');
    await fill(byTestId(app, 'type-depositCents')!, '20');
    byTestId(app, 'type-save')!.click();
    const depositError = byTestId(app, 'type-depositCents-error')!;
    await waitUntil(() => text(depositError).includes('deposit'), 'deposit error from the server');
    expect(text(durationError)).to.equal('');
    expect(byTestId(app, 'type-depositCents')!.getAttribute('aria-invalid')).to.equal('true');

    // Money this side cannot read never reaches the server.
    await fill(byTestId(app, 'type-priceCents')!, 'ten');
    byTestId(app, 'type-save')!.click();
    await waitUntil(() => text(byTestId(app, 'type-priceCents-error')).includes('150.00'), 'money');
  });

  it('edits a type, deactivates it (gone from the widget) and activates it again', async function () {
    this.timeout(30_000);
    const name = `Edit me ${Date.now().toString(36)}`;
    const app = await openTypes();
    await api.booking.admin.appointmentTypes.create.mutate({
      name,
      durationMinutes: 30,
      modality: 'in_person',
    });
    // Re-open the view so the list holds the type created behind its back.
    location.hash = '#/inbox';
    await find(app, 'inbox-filter-new');
    location.hash = '#/appointment-types';
    const row = async () => {
      await waitUntil(
        () => allByTestId(app, 'appointment-type-row').some((r) => text(r).includes(name)),
        'row listed',
      );
      return allByTestId(app, 'appointment-type-row').find((r) => text(r).includes(name))!;
    };
    (await row()).querySelector<HTMLElement>('[data-testid="appointment-type-edit"]')!.click();
    await fill(await find(app, 'type-lateCancelFeeCents'), '25');
    byTestId(app, 'type-save')!.click();
    await waitUntil(async () => (await typeNamed(name))?.lateCancelFeeCents === 2_500, 'saved');
    // Focus goes back to the row's edit button after the form closes.
    await waitUntil(
      () => focused()?.getAttribute('data-testid') === 'appointment-type-edit',
      'focus',
    );

    const widgetTypes = async () => {
      const response = await fetch('/trpc/booking.appointmentTypes', {
        headers: { 'x-tcrm-publishable-key': booking.publishableKey },
      });
      const body = (await response.json()) as { result: { data: { name: string }[] } };
      return body.result.data.map((t) => t.name);
    };
    expect(await widgetTypes()).to.include(name);
    (await row()).querySelector<HTMLElement>('[data-testid="appointment-type-toggle"]')!.click();
    await waitUntil(async () => (await row()).dataset['active'] === 'false', 'inactive');
    expect((await typeNamed(name))?.active).to.equal(false);
    expect(await widgetTypes()).not.to.include(name);
    expect(text(byTestId(app, 'console-status'))).to.contain('is inactive');
    (await row()).querySelector<HTMLElement>('[data-testid="appointment-type-toggle"]')!.click();
    await waitUntil(async () => (await typeNamed(name))?.active === true, 'active again');
  });

  it('is not offered to clinicians (the server refuses them type changes)', async function () {
    this.timeout(20_000);
    const app = await mountConsole({ hash: '#/appointment-types' });
    await signIn(app, await newStaff('clinician'));
    await find(app, 'nav-calendar');
    expect(byTestId(app, 'nav-appointment-types')).to.equal(undefined);
    expect(text(app.shadowRoot!.querySelector('main h1'))).to.equal(
      'Your role does not allow this.',
    );
  });
});
