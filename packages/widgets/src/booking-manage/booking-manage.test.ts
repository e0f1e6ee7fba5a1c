import { expect } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press } from '../testing/fixtures.js';
import type { TcrmAppointmentCancelledEvent } from './booking-manage.events.js';
import {
  bookAppointment,
  button,
  buttonLabels,
  find,
  manageGet,
  mountManage,
  paragraphs,
  serverOp,
  storedAppointment,
  tabTo,
  text,
  viewIs,
} from './booking-manage.fixtures.js';

const when = (iso: string, zone: string, locale = 'en') =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(
    Date.parse(iso),
  );

describe('tcrm-booking-manage: summary, policy, cancel, bad links (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000); // the first test file to ask starts the server
    await serverOp({ op: 'bookingFixture' });
  });

  it('has no axe violations on the summary and on the cancel step', async () => {
    const booking = await bookAppointment({ type: 'session' });
    const el = await mountManage(booking, { token: booking.token });
    expect(el.view).to.equal('summary');
    expect(await axeViolations(el)).to.deep.equal([]);
    button(el, 'Cancel appointment').click();
    await viewIs(el, 'cancel');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows time in the client zone with the practice zone, type, modality, clinician, status and the policy in words', async () => {
    const booking = await bookAppointment({ type: 'session' });
    const el = await mountManage(booking, {
      token: booking.token,
      timeZone: 'America/Los_Angeles',
    });
    const a = el.appointment!;
    expect(a.appointmentId).to.equal(booking.appointmentId);
    expect(text(el, '[part="status"]')).to.equal('Requested: the practice will confirm your time');
    const whenRow = text(el, '.summary > div:nth-child(2) dd');
    expect(whenRow).to.contain(`${when(booking.startsAt, 'America/Los_Angeles')} (Pacific Time)`);
    expect(whenRow).to.contain(
      `${when(booking.startsAt, 'America/New_York')} at the practice (Eastern Time)`,
    );
    expect(text(el, '.summary')).to.contain('Appointment Individual therapy · 50 min');
    expect(text(el, '.summary')).to.contain('Where In person');
    expect(a.clinicianName).to.be.a('string').and.not.equal('');
    expect(text(el, '.summary')).to.contain(`With ${a.clinicianName}`);
    expect(text(el, '.summary')).not.to.contain('Paid');
    const freeUntil = when(
      new Date(Date.parse(booking.startsAt) - 48 * 3_600_000).toISOString(),
      'America/Los_Angeles',
    );
    expect(text(el, '[part="policy"] p')).to.equal(
      `You can cancel or reschedule for free until ${freeUntil}. After that, a late-cancellation fee of $75.00 applies.`,
    );
    expect(buttonLabels(el)).to.deep.equal(['Reschedule', 'Cancel appointment']);

    // Switching the zone re-renders the same instant in the new zone.
    const select = find<HTMLSelectElement>(el, '#time-zone');
    select.value = 'Asia/Tokyo';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el, '.summary > div:nth-child(2) dd')).to.contain(
      when(booking.startsAt, 'Asia/Tokyo'),
    );
  });

  it('cancels for free with the keyboard: consequence first, then the result; the server row is cancelled', async () => {
    const booking = await bookAppointment({ type: 'consultation', paidCents: 5_000 });
    const events: TcrmAppointmentCancelledEvent[] = [];
    document.addEventListener('tcrm-appointment-cancelled', (e) =>
      events.push(e as TcrmAppointmentCancelledEvent),
    );
    const el = await mountManage(booking, { token: booking.token });
    expect(text(el, '.summary')).to.contain('Paid $50.00');
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo((a) => a.textContent?.trim() === 'Cancel appointment');
    await press('Enter');
    await viewIs(el, 'cancel');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(text(el, '#step-title')).to.equal('Cancel this appointment?');
    expect(paragraphs(el, '.consequence')).to.equal(
      'Cancelling now is free. Your payment of $50.00 will be refunded.',
    );
    // Nothing happened yet.
    expect((await storedAppointment(booking.appointmentId)).status).to.equal('confirmed');

    await press('Tab'); // "Yes, cancel appointment"
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Yes, cancel appointment');
    await press('Enter');
    await viewIs(el, 'cancelled');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(text(el, '#step-title')).to.equal('Appointment cancelled');
    expect(paragraphs(el, '[part="result"]')).to.equal(
      `Your appointment on ${when(booking.startsAt, 'America/New_York')} is cancelled. $50.00 will be refunded to your original payment method.`,
    );
    expect(text(el, '[role="status"]')).to.equal('Appointment cancelled');
    expect(events.map((e) => e.detail)).to.deep.equal([{ appointmentId: booking.appointmentId }]);

    const stored = await storedAppointment(booking.appointmentId);
    expect(stored.status).to.equal('cancelled');
    expect(stored.cancelReason).to.equal('client');
    expect(stored.payments.map((p) => p.retainedFeeCents)).to.deep.equal([0]);

    // The link now shows the cancelled appointment without actions.
    const again = await mountManage(booking, { token: booking.token });
    expect(text(again, '[part="status"]')).to.equal('Cancelled');
    expect(buttonLabels(again)).to.deep.equal([]);
    expect(text(again, '.note')).to.contain('This appointment is cancelled.');
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
  });

  it('a late cancel states the fee, what the deposit covers and what is refunded; the result is the server answer', async () => {
    const booking = await bookAppointment({ type: 'session', late: true, paidCents: 10_000 });
    const el = await mountManage(booking, { token: booking.token });
    const freeUntil = when(
      new Date(Date.parse(booking.startsAt) - 48 * 3_600_000).toISOString(),
      'America/New_York',
    );
    expect(text(el, '[part="policy"] p')).to.equal(
      `Free cancellation ended on ${freeUntil}. Cancelling now costs a late-cancellation fee of $75.00.`,
    );
    // Too late to move online: it says whom to contact, and offers no reschedule.
    expect(text(el, '.outside')).to.equal(
      `It is too late to change the time online. To reschedule, please contact ${booking.practiceName}.`,
    );
    expect(buttonLabels(el)).to.deep.equal(['Cancel appointment']);

    button(el, 'Cancel appointment').click();
    await viewIs(el, 'cancel');
    expect(paragraphs(el, '.consequence')).to.equal(
      'This is a late cancellation: a fee of $75.00 applies. $75.00 of your $100.00 payment will be kept for the fee. $25.00 will be refunded.',
    );
    button(el, 'Yes, cancel appointment').click();
    await viewIs(el, 'cancelled');
    expect(el.cancellation).to.deep.include({ late: true, feeCents: 7_500, refundCents: 2_500 });
    expect(paragraphs(el, '[part="result"]')).to.contain(
      'A late-cancellation fee of $75.00 applies. $25.00 will be refunded to your original payment method.',
    );
    const stored = await storedAppointment(booking.appointmentId);
    expect(stored.status).to.equal('cancelled');
    expect(stored.payments.map((p) => [p.kind, p.retainedFeeCents])).to.deep.equal([
      ['deposit', 7_500],
    ]);
  });

  it('a late cancel with a deposit smaller than the fee says what will be due', async () => {
    const booking = await bookAppointment({ type: 'intensive', late: true, paidCents: 10_000 });
    const el = await mountManage(booking, { token: booking.token });
    button(el, 'Cancel appointment').click();
    await viewIs(el, 'cancel');
    expect(paragraphs(el, '.consequence')).to.equal(
      'This is a late cancellation: a fee of $150.00 applies. $100.00 of your $100.00 payment will be kept for the fee. $50.00 will be due; the practice will contact you about paying it.',
    );
    button(el, 'Yes, cancel appointment').click();
    await viewIs(el, 'cancelled');
    expect(paragraphs(el, '[part="result"]')).to.contain(
      'A late-cancellation fee of $150.00 applies. $50.00 is due; the practice will contact you about paying it.',
    );
    const stored = await storedAppointment(booking.appointmentId);
    expect(stored.payments.map((p) => [p.kind, p.status, p.amountCents])).to.deep.equal([
      ['deposit', 'paid', 10_000],
      ['late_cancel_fee', 'due', 5_000],
    ]);
  });

  it('"Keep appointment" goes back without changing anything', async () => {
    const booking = await bookAppointment({ type: 'consultation' });
    const el = await mountManage(booking, { token: booking.token });
    button(el, 'Cancel appointment').click();
    await viewIs(el, 'cancel');
    expect(paragraphs(el, '.consequence')).to.equal('Cancelling now is free.');
    button(el, 'Keep appointment').click();
    await viewIs(el, 'summary');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect((await storedAppointment(booking.appointmentId)).status).to.equal('confirmed');
  });

  it('an appointment that has started shows its summary without actions', async () => {
    const booking = await bookAppointment({ type: 'consultation', past: true });
    const el = await mountManage(booking, { token: booking.token });
    expect(el.view).to.equal('summary');
    expect(text(el, '[part="status"]')).to.equal('Past appointment');
    expect(text(el, '.summary')).to.contain(when(booking.startsAt, 'America/New_York'));
    expect(text(el, '.note')).to.equal(
      `This appointment has already started. For questions, please contact ${booking.practiceName}.`,
    );
    expect(buttonLabels(el)).to.deep.equal([]);
  });

  it('a forged, missing or expired link says so, names the practice, and offers no actions', async () => {
    const booking = await bookAppointment({ type: 'consultation' });
    const last = booking.token.at(-1) === 'A' ? 'B' : 'A';
    const forged = await mountManage(booking, { token: booking.token.slice(0, -1) + last });
    expect(forged.view).to.equal('problem');
    expect(text(forged, '#step-title')).to.equal('This link does not work');
    expect(text(forged, '[part="notice"]')).to.equal(
      `Please use the link in the newest e-mail about your appointment, or contact ${booking.practiceName}.`,
    );
    expect(buttonLabels(forged)).to.deep.equal([]);
    expect(await axeViolations(forged)).to.deep.equal([]);

    history.replaceState(null, '', location.pathname + location.search);
    const missing = await mountManage(booking);
    expect(text(missing, '#step-title')).to.equal('This link does not work');

    const { token } = await serverOp<{ token: string }>({
      op: 'expiredManageToken',
      appointmentId: booking.appointmentId,
      startsAt: booking.startsAt,
    });
    expect((await manageGet(booking, token)).status).to.equal(412);
    const expired = await mountManage(booking, { token });
    expect(text(expired, '#step-title')).to.equal('This link has expired');
    expect(text(expired, '[part="notice"]')).to.equal(
      `To change or cancel this appointment, please contact ${booking.practiceName}.`,
    );
    expect((await storedAppointment(booking.appointmentId)).status).to.equal('confirmed');
  });
});
