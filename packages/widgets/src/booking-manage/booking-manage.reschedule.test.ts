import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, settle } from '../testing/fixtures.js';
import { holdDirectly } from '../booking/booking.fixtures.js';
import type { TcrmAppointmentRescheduledEvent } from './booking-manage.events.js';
import {
  bookAppointment,
  button,
  buttonLabels,
  manageGet,
  mountManage,
  noticeText,
  paragraphs,
  serverOp,
  slotButtons,
  slotsLoaded,
  storedAppointment,
  tabTo,
  text,
  viewIs,
} from './booking-manage.fixtures.js';

const when = (iso: string) =>
  new Intl.DateTimeFormat('en', {
    timeZone: 'America/New_York',
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(Date.parse(iso));

describe('tcrm-booking-manage: reschedule (real server)', function () {
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000);
    await serverOp({ op: 'bookingFixture' });
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('has no axe violations on the week of times and on "Move to …?"', async () => {
    const booking = await bookAppointment({ type: 'consultation' });
    const el = await mountManage(booking, { token: booking.token });
    button(el, 'Reschedule').click();
    await viewIs(el, 'reschedule');
    await slotsLoaded(el);
    expect(slotButtons(el).length).to.be.greaterThan(0);
    expect(await axeViolations(el)).to.deep.equal([]);
    slotButtons(el)[0]!.click();
    await viewIs(el, 'move');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('moves the appointment by keyboard; continues with the new link (fragment too); the old link shows it cancelled', async () => {
    const booking = await bookAppointment({ type: 'consultation' });
    // The e-mailed link: the token rides in the fragment.
    history.replaceState(null, '', `${location.pathname}${location.search}#token=${booking.token}`);
    const events: TcrmAppointmentRescheduledEvent[] = [];
    document.addEventListener('tcrm-appointment-rescheduled', (e) =>
      events.push(e as TcrmAppointmentRescheduledEvent),
    );
    const el = await mountManage(booking);
    expect(el.appointment?.appointmentId).to.equal(booking.appointmentId);
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo((a) => a.textContent?.trim() === 'Reschedule');
    await press('Enter');
    await viewIs(el, 'reschedule');
    await slotsLoaded(el);
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(text(el, '#step-title')).to.equal('Choose a new time');
    expect(text(el, '.current')).to.equal(`Current time: ${when(booking.startsAt)}`);
    // Only other times of the same type and clinician: not the booked one.
    expect(slotButtons(el).map((b) => b.dataset['startsAt'])).not.to.include(booking.startsAt);

    await tabTo((a) => a.getAttribute('part') === 'slot');
    // Next week (outside the free-cancellation window, so it can be changed again).
    const thisWeek = el.weekStart;
    await press('PageDown');
    await waitUntil(() => el.weekStart !== thisWeek && el.slots !== undefined, 'week stayed');
    await waitUntil(() => deepActiveElement()?.getAttribute('data-pos') === '0-0', 'focus lost');
    await press('ArrowRight');
    const chosen = deepActiveElement() as HTMLElement;
    expect(chosen.dataset['pos']).to.equal('0-1');
    const startsAt = chosen.dataset['startsAt']!;
    await press('Enter');
    await viewIs(el, 'move');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(text(el, '#step-title')).to.equal(`Move to ${when(startsAt)}?`);
    expect(text(el, '.from')).to.contain(when(booking.startsAt));
    expect(text(el, '.to')).to.contain(when(startsAt));

    await press('Tab');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Yes, move my appointment');
    await press('Enter');
    await viewIs(el, 'moved');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(text(el, '#step-title')).to.equal('Appointment moved');
    expect(paragraphs(el, '[part="result"]')).to.equal(
      `Your appointment is now on ${when(startsAt)}.`,
    );
    await waitUntil(() => text(el, '[role="status"]') !== '', 'nothing announced');
    expect(text(el, '[role="status"]')).to.equal(`Your appointment is now on ${when(startsAt)}.`);

    // The new appointment, its new link in the property and in the fragment.
    const moved = events.map((e) => e.detail);
    expect(moved).to.have.length(1);
    expect(moved[0]!.previousAppointmentId).to.equal(booking.appointmentId);
    expect(moved[0]!.appointmentId).not.to.equal(booking.appointmentId);
    expect(Object.keys(moved[0]!).sort()).to.deep.equal(['appointmentId', 'previousAppointmentId']);
    const newToken = el.token!;
    expect(newToken).to.match(/^tma_/).and.not.equal(booking.token);
    expect(location.hash).to.equal(`#token=${newToken}`);
    expect(el.appointment?.appointmentId).to.equal(moved[0]!.appointmentId);
    // It carries on: the new appointment can be changed again.
    expect(buttonLabels(el)).to.deep.equal(['Reschedule', 'Cancel appointment']);

    const fresh = await manageGet(booking, newToken);
    expect(fresh.body.result?.data).to.deep.include({
      appointmentId: moved[0]!.appointmentId,
      startsAt,
      status: 'confirmed',
    });
    const old = await manageGet(booking, booking.token);
    expect(old.body.result?.data['status']).to.equal('cancelled');
    const stored = await storedAppointment(booking.appointmentId);
    expect([stored.status, stored.cancelReason]).to.deep.equal(['cancelled', 'rescheduled']);

    // A reload opens the moved appointment (the fragment holds the new link).
    const reloaded = await mountManage(booking);
    expect(reloaded.appointment?.appointmentId).to.equal(moved[0]!.appointmentId);
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
  });

  it('a time taken meanwhile: "That time was just taken", fresh times without it, the booking unchanged', async () => {
    const booking = await bookAppointment({ type: 'consultation' });
    const el = await mountManage(booking, { token: booking.token });
    button(el, 'Reschedule').click();
    await viewIs(el, 'reschedule');
    await slotsLoaded(el);
    const target = slotButtons(el)[0]!;
    const startsAt = target.dataset['startsAt']!;
    target.click();
    await viewIs(el, 'move');

    // Another visitor holds the same time first, through the API itself.
    const other = await holdDirectly(
      { publishableKey: booking.publishableKey } as Parameters<typeof holdDirectly>[0],
      { appointmentTypeId: booking.appointmentTypeId, clinicianId: booking.clinicianId, startsAt },
    );
    expect(other.status).to.equal(200);

    button(el, 'Yes, move my appointment').click();
    await viewIs(el, 'reschedule');
    await slotsLoaded(el);
    await waitUntil(() => noticeText(el) !== '', 'no conflict message');
    expect(noticeText(el)).to.equal('That time was just taken. Please choose another time.');
    expect(slotButtons(el).map((b) => b.dataset['startsAt'])).not.to.include(startsAt);
    await settle(el);
    await waitUntil(
      () => deepActiveElement()?.getAttribute('part') === 'slot',
      'focus not in grid',
    );

    const stored = await storedAppointment(booking.appointmentId);
    expect(stored.status).to.equal('confirmed');
    expect(stored.startsAt).to.equal(booking.startsAt);
    expect(el.token).to.equal(booking.token);
  });

  it('inside the late window there is no reschedule; week navigation stays within today onwards', async () => {
    const late = await bookAppointment({ type: 'consultation', late: true });
    const el = await mountManage(late, { token: late.token });
    expect(buttonLabels(el)).to.deep.equal(['Cancel appointment']);

    const booking = await bookAppointment({ type: 'consultation' });
    const other = await mountManage(booking, { token: booking.token });
    button(other, 'Reschedule').click();
    await viewIs(other, 'reschedule');
    await slotsLoaded(other);
    expect(button(other, '‹ Previous week').disabled).to.equal(true);
    const first = slotButtons(other)[0]!.dataset['startsAt']!;
    button(other, 'Next week ›').click();
    await slotsLoaded(other);
    expect(Date.parse(slotButtons(other)[0]!.dataset['startsAt']!)).to.be.greaterThan(
      Date.parse(first),
    );
    button(other, 'Back to your appointment').click();
    await viewIs(other, 'summary');
    expect(deepActiveElement()?.id).to.equal('step-title');
  });
});
