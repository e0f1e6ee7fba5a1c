// "Cancel appointment" in the calendar against the real test server:
// bookings made through the server's widget procedures (a paid deposit
// recorded as the Stripe webhook would), the refund choices the role may
// use, the stated consequence for each, the cancellation itself, and the
// stored result. One file at a time: the staff session is a shared cookie.
import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { press } from '../testing/fixtures.js';
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
} from './testing/console-harness.js';

const ZONE = 'America/New_York';
const api = createConsoleApi({ onUnauthorized: () => undefined });

interface Booked {
  appointmentId: string;
  startsAt: string;
}
interface StoredState {
  status: string;
  cancelReason: string | null;
  payments: { kind: string; status: string; amountCents: number; retainedFeeCents: number }[];
}

const practiceDate = (startsAt: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(startsAt));

async function row(app: TcrmConsoleApp, appointmentId: string): Promise<HTMLElement> {
  const match = () =>
    allByTestId(app, 'appointment-row').find((r) => r.dataset['appointmentId'] === appointmentId);
  await waitUntil(match, 'appointment listed in the calendar', { timeout: 10_000 });
  return match()!;
}

const part = <T extends HTMLElement = HTMLElement>(r: HTMLElement, id: string) =>
  byTestId<T>(r, id)!;
const stored = (appointmentId: string) =>
  server<StoredState>({ op: 'appointmentState', appointmentId });

describe('staff console: cancel an appointment from the calendar', () => {
  before(async function () {
    this.timeout(120_000);
    await server({ op: 'bookingFixture' });
  });

  it('owner: full refund proposed, each choice states its consequence, cancels without e-mailing, row and server say cancelled', async function () {
    this.timeout(60_000);
    // "Intensive session": 100.00 deposit paid, 150.00 late fee, booked inside its 72 h window.
    const booked = await server<Booked>({
      op: 'managedBooking',
      type: 'intensive',
      late: true,
      paidCents: 10_000,
    });
    const app = await mountConsole({
      hash: `#/calendar?view=week&date=${practiceDate(booked.startsAt)}`,
    });
    await signIn(app, await newStaff('owner'));
    const r = await row(app, booked.appointmentId);
    part(r, 'appointment-cancel').click();
    const full = await find<HTMLInputElement>(r, 'cancel-refund-full');
    await waitUntil(() => focused() === full, 'focus on the proposed choice');
    expect(full.checked).to.equal(true);
    expect(text(part(r, 'cancel-paid'))).to.equal('Paid so far: $100.00.');
    expect(text(part(r, 'cancel-consequence'))).to.equal('$100.00 will be refunded.');
    expect(allByTestId(r, 'cancel-refund-none')).to.have.length(1);
    expect(part<HTMLInputElement>(r, 'cancel-notify').checked).to.equal(true);
    expect(await axeViolations(app)).to.deep.equal([]);

    // Arrow keys move through the radio group: policy, then none.
    await press('ArrowDown');
    await waitUntil(() => (focused() as HTMLInputElement).value === 'policy', 'policy chosen');
    expect(text(part(r, 'cancel-consequence'))).to.equal(
      'Nothing will be refunded. A late-cancellation fee of $150.00 applies. $50.00 will be recorded as due from the client.',
    );
    await press('ArrowDown');
    await waitUntil(() => text(part(r, 'cancel-consequence')) === 'Nothing will be refunded.');
    await press('ArrowUp', 'ArrowUp');
    await waitUntil(() => text(part(r, 'cancel-consequence')) === '$100.00 will be refunded.');
    part<HTMLInputElement>(r, 'cancel-notify').click();
    part(r, 'cancel-confirm').click();

    await waitUntil(
      () => part(r, 'appointment-status').dataset['status'] === 'cancelled',
      'row cancelled',
    );
    await waitUntil(() => focused() === part(r, 'appointment-status'), 'focus on the status');
    await waitUntil(() =>
      text(byTestId(app, 'console-status')).endsWith('$100.00 will be refunded.'),
    );
    expect(text(byTestId(app, 'console-status'))).to.match(/^Appointment cancelled: /);
    expect(byTestId(r, 'appointment-cancel') === undefined).to.equal(true);
    const state = await stored(booked.appointmentId);
    expect(state.status).to.equal('cancelled');
    expect(state.cancelReason).to.equal('practice');
    expect(state.payments).to.deep.equal([
      { kind: 'deposit', status: 'paid', amountCents: 10_000, retainedFeeCents: 0 },
    ]);
  });

  it('front desk: may refund in full or apply the policy, not withhold; Keep changes nothing; a cancellation made elsewhere is refused in place', async function () {
    this.timeout(60_000);
    const free = await server<Booked>({ op: 'managedBooking', type: 'consultation' });
    const other = await server<Booked>({ op: 'managedBooking', type: 'consultation' });
    const app = await mountConsole({
      hash: `#/calendar?view=week&date=${practiceDate(free.startsAt)}`,
    });
    await signIn(app, await newStaff('front_desk'));
    const r = await row(app, free.appointmentId);
    part(r, 'appointment-cancel').click();
    await find(r, 'cancel-refund-full');
    expect(allByTestId(r, 'cancel-refund-policy')).to.have.length(1);
    expect(allByTestId(r, 'cancel-refund-none')).to.have.length(0);
    expect(text(part(r, 'cancel-paid'))).to.equal('Nothing has been paid for this appointment.');
    part(r, 'cancel-keep').click();
    await waitUntil(() => focused() === part(r, 'appointment-cancel'), 'focus back on the button');
    expect((await stored(free.appointmentId)).status).to.equal('confirmed');

    part(r, 'appointment-cancel').click();
    (await find<HTMLInputElement>(r, 'cancel-refund-policy')).click();
    await waitUntil(() => text(part(r, 'cancel-consequence')) === 'Nothing will be refunded.');
    part(r, 'cancel-confirm').click();
    await waitUntil(
      () => part(r, 'appointment-status').dataset['status'] === 'cancelled',
      'row cancelled',
    );
    expect(await stored(free.appointmentId)).to.include({ status: 'cancelled' });

    // Cancelled by someone else between opening the step and confirming.
    app.navigate(`#/calendar?view=week&date=${practiceDate(other.startsAt)}`);
    const o = await row(app, other.appointmentId);
    part(o, 'appointment-cancel').click();
    await find(o, 'cancel-confirm');
    await api.booking.appointments.cancel.mutate({
      appointmentId: other.appointmentId,
      refund: 'full',
      notifyClient: false,
    });
    part(o, 'cancel-confirm').click();
    await waitUntil(
      () => text(part(o, 'cancel-error')) === 'This appointment can no longer be cancelled.',
      'refusal shown',
    );
    await waitUntil(() => focused() === part(o, 'cancel-error'), 'focus on the refusal');
  });
});
