// The payments table against the real test server: late-cancellation fees
// made by cancelling real bookings (the staff cancel procedure, policy
// rule), listed with the client's name, then marked collected or waived
// behind a confirmation, and read back from the server. Roles: front desk
// reads only, clinicians never see it. One file at a time: the staff
// session is a shared cookie.
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
  viewHeading,
} from './testing/console-harness.js';

const api = createConsoleApi({ onUnauthorized: () => undefined });

/**
 * A `due` late-cancellation fee: a request-to-book "Individual therapy"
 * (75.00 fee, 48 h window) booked inside its window, then cancelled under the
 * policy by the signed-in owner. Returns the fee's payment id.
 */
async function dueFee(): Promise<{ paymentId: string; appointmentId: string }> {
  const booked = await server<{ appointmentId: string }>({
    op: 'managedBooking',
    type: 'session',
    late: true,
  });
  await api.booking.appointments.cancel.mutate({
    appointmentId: booked.appointmentId,
    refund: 'policy',
    notifyClient: false,
  });
  const { items } = await api.payments.list.query({ status: 'due', limit: 100 });
  const fee = items.find((p) => p.appointmentId === booked.appointmentId);
  if (!fee) throw new Error('no due fee recorded');
  return { paymentId: fee.id, appointmentId: booked.appointmentId };
}

async function row(app: TcrmConsoleApp, paymentId: string): Promise<HTMLElement> {
  const match = () =>
    allByTestId(app, 'payment-row').find((r) => r.dataset['paymentId'] === paymentId);
  await waitUntil(match, 'payment listed', { timeout: 10_000 });
  return match()!;
}

const part = (r: HTMLElement, id: string) => r.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

async function statusOnServer(paymentId: string): Promise<string | undefined> {
  const { items } = await api.payments.list.query({ limit: 100 });
  return items.find((p) => p.id === paymentId)?.status;
}

describe('staff console: payments', () => {
  before(async function () {
    this.timeout(120_000);
    await server({ op: 'bookingFixture' });
  });

  it('has no axe violations with due fees and an open confirmation, in English and Spanish', async function () {
    this.timeout(60_000);
    const app = await mountConsole({ hash: '#/payments?status=all' });
    await signIn(app, await newStaff('owner'));
    const fee = await dueFee();
    app.navigate('#/payments'); // the "Due" filter loads afresh
    const r = await row(app, fee.paymentId);
    expect(text(viewHeading(app))).to.equal('Payments');
    expect(text(part(r, 'payment-amount'))).to.equal('$75.00');
    expect(text(part(r, 'payment-client'))).to.match(/^Manage Test-\d+$/);
    expect(await axeViolations(app)).to.deep.equal([]);
    part(r, 'fee-collect').click();
    await find(app, 'fee-collect-confirm');
    expect(await axeViolations(app)).to.deep.equal([]);
    const locale = byTestId<HTMLSelectElement>(app, 'locale-select')!;
    locale.value = 'es';
    locale.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => text(viewHeading(app)) === 'Pagos', 'Spanish payments');
    expect(text(part(await row(app, fee.paymentId), 'payment-status'))).to.equal('Pendiente');
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('marks a due fee collected by keyboard (method chosen, confirmed), and waives another after keeping it once', async function () {
    this.timeout(90_000);
    // Fees are made by an owner (a biller cannot cancel appointments), then settled by a biller.
    const owner = await mountConsole();
    await signIn(owner, await newStaff('owner'));
    const [a, b] = [await dueFee(), await dueFee()];
    const app = await mountConsole({ hash: '#/payments' });
    await signIn(app, await newStaff('biller'), 'nav-payments');
    expect(byTestId(app, 'nav-inbox') === undefined).to.equal(true);
    expect(byTestId(app, 'nav-payments')!.getAttribute('aria-current')).to.equal('page');

    // Keyboard only: focus the row's button, Enter, choose "Check" with the arrow keys, Tab to confirm, Enter.
    const first = await row(app, a.paymentId);
    part(first, 'fee-collect').focus();
    await press('Enter');
    const method = await find<HTMLSelectElement>(app, 'fee-collect-first');
    expect(focused() === method, 'focus on the method').to.equal(true);
    await press('ArrowDown', 'ArrowDown');
    expect(method.value).to.equal('check');
    await press('Tab');
    expect((focused() as HTMLElement).dataset['testid']).to.equal('fee-collect-confirm');
    await press('Enter');
    await waitUntil(() => part(first, 'payment-status').dataset['status'] === 'paid', 'row paid');
    expect(text(part(first, 'payment-status'))).to.equal('Paid');
    expect(focused() === part(first, 'payment-status'), 'focus on the status').to.equal(true);
    await waitUntil(
      () => text(byTestId(app, 'console-status')) === 'Fee of $75.00 marked collected.',
    );
    expect(part(first, 'fee-collect') === null).to.equal(true);
    expect(await statusOnServer(a.paymentId)).to.equal('paid');

    // Waive: "Keep as due" first changes nothing and gives focus back; then waive with a reason.
    const second = await row(app, b.paymentId);
    part(second, 'fee-waive').click();
    await find(app, 'fee-waive-first');
    byTestId(app, 'fee-keep')!.click();
    await waitUntil(() => focused() === part(second, 'fee-waive'), 'focus back on Waive');
    expect(await statusOnServer(b.paymentId)).to.equal('due');
    part(second, 'fee-waive').click();
    const reason = await find<HTMLInputElement>(app, 'fee-waive-first');
    reason.value = 'Goodwill';
    reason.dispatchEvent(new Event('input'));
    byTestId(app, 'fee-waive-confirm')!.click();
    await waitUntil(
      () => part(second, 'payment-status').dataset['status'] === 'waived',
      'row waived',
    );
    expect(await statusOnServer(b.paymentId)).to.equal('waived');

    // Filters: "Paid" lists the collected fee and not the waived one.
    byTestId(app, 'payments-filter-paid')!.click();
    await waitUntil(
      () => allByTestId(app, 'payment-row').every((r) => r.dataset['status'] === 'paid'),
      'only paid rows',
    );
    await row(app, a.paymentId);
    expect(
      allByTestId(app, 'payment-row').some((r) => r.dataset['paymentId'] === b.paymentId),
    ).to.equal(false);
  });

  it('a fee settled elsewhere meanwhile is refused and the list refreshed; front desk reads without actions; clinicians have no payments', async function () {
    this.timeout(90_000);
    const owner = await mountConsole({ hash: '#/payments?status=all' });
    await signIn(owner, await newStaff('owner'));
    const fee = await dueFee();
    owner.navigate('#/payments'); // the "Due" filter loads afresh
    const r = await row(owner, fee.paymentId);
    part(r, 'fee-waive').click();
    await find(owner, 'fee-waive-confirm');
    // Another member settles it before this one confirms.
    await api.payments.markCollected.mutate({ paymentId: fee.paymentId, method: 'cash' });
    byTestId(owner, 'fee-waive-confirm')!.click();
    await waitUntil(
      () =>
        text(byTestId(owner, 'console-status')) ===
        'This fee is no longer due; the list is refreshed.',
      'refusal announced',
    );
    await waitUntil(
      () =>
        !allByTestId(owner, 'payment-row').some((x) => x.dataset['paymentId'] === fee.paymentId),
      'the settled fee left the "Due" list',
    );
    expect(await statusOnServer(fee.paymentId)).to.equal('paid');

    const desk = await mountConsole({ hash: '#/payments?status=all' });
    await signIn(desk, await newStaff('front_desk'));
    const seen = await row(desk, fee.paymentId);
    expect(seen.querySelector('button') === null).to.equal(true);
    expect(byTestId(desk, 'fee-collect') === undefined).to.equal(true);

    const clinician = await mountConsole({ hash: '#/payments' });
    await signIn(clinician, await newStaff('clinician'));
    expect(byTestId(clinician, 'nav-payments') === undefined).to.equal(true);
    await waitUntil(() => text(viewHeading(clinician)) === 'Your role does not allow this.');
    expect(byTestId(clinician, 'payments-table') === undefined).to.equal(true);
  });
});
