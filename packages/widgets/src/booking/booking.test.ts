import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, settle, type } from '../testing/fixtures.js';
import type { TcrmBookedEvent, TcrmSlotHeldEvent } from './booking.events.js';
import {
  bookingFixture,
  button,
  fillDetails,
  find,
  grid,
  mountBooking,
  slotButtons,
  slotsLoaded,
  stepIs,
  tabToSlot,
  type BookingFixture,
} from './booking.fixtures.js';

describe('tcrm-booking: types, times and booking (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  let fx: BookingFixture;
  before(async function () {
    this.timeout(120_000); // the first test file to ask starts the server
    fx = await bookingFixture();
  });

  it('has no axe violations on the type list and on the week of times', async () => {
    const el = await mountBooking(fx);
    expect(el.step).to.equal('types');
    expect(await axeViolations(el)).to.deep.equal([]);
    find<HTMLButtonElement>(el, `[data-type-id="${fx.types.session}"]`).click();
    await slotsLoaded(el);
    expect(slotButtons(el).length).to.be.greaterThan(0);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows each type with duration, modality, price, deposit, booking mode and cancellation policy', async () => {
    const el = await mountBooking(fx);
    const text = (id: string) =>
      find(el, `[data-type-id="${id}"]`).textContent!.replace(/\s+/g, ' ').trim();
    expect(text(fx.types.consultation)).to.equal(
      'Free consultation 20 min · Video (telehealth) · Free Booked instantly. Cancel or reschedule for free up to 24 hours before.',
    );
    expect(text(fx.types.session)).to.equal(
      'Individual therapy 50 min · In person · $150.00 Request to book: the practice confirms your time. Cancel or reschedule for free up to 48 hours before. Later cancellations cost $75.00.',
    );
    expect(text(fx.types.intensive)).to.contain('$100.00 deposit when booking');
  });

  it('books from type to confirmation with the keyboard only', async () => {
    const held: TcrmSlotHeldEvent[] = [];
    const booked: TcrmBookedEvent[] = [];
    document.addEventListener('tcrm-slot-held', (e) => held.push(e as TcrmSlotHeldEvent));
    document.addEventListener('tcrm-booked', (e) => booked.push(e as TcrmBookedEvent));
    const el = await mountBooking(fx, { timeZone: 'America/Los_Angeles' });
    (document.activeElement as HTMLElement | null)?.blur();

    await press('Tab'); // the first type: "Free consultation"
    expect(deepActiveElement()?.getAttribute('data-type-id')).to.equal(fx.types.consultation);
    await press('Enter');
    await slotsLoaded(el);
    expect(deepActiveElement()?.id).to.equal('step-title');

    const first = await tabToSlot();
    expect(first.dataset['pos']).to.equal('0-0');
    // The accessible name carries the day and the time, not the time alone.
    expect(first.getAttribute('aria-label')).to.match(/^\w+day, \w+ \d+, \d+:\d\d\s[AP]M$/);
    await press('ArrowRight');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('0-1');
    await press('ArrowDown');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('1-1');
    await press('Home');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('1-0');
    await press('ArrowUp');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('0-0');
    await press('ArrowRight');
    const chosen = deepActiveElement() as HTMLButtonElement;
    expect(chosen.getAttribute('tabindex')).to.equal('0');
    const startsAt = chosen.dataset['startsAt']!;
    await press('Enter');
    await stepIs(el, 'details');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(held.map((e) => Object.keys(e.detail).sort())).to.deep.equal([
      ['endsAt', 'expiresAt', 'holdId', 'startsAt'],
    ]);
    expect(held[0]!.detail.startsAt).to.equal(startsAt);

    await press('Tab');
    await type('Ada');
    await press('Tab');
    await type('Lovelace');
    await press('Tab');
    await type('ada@example.test');
    await press('Enter'); // submits from a field, as a native form does
    await stepIs(el, 'done');

    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(find(el, '#step-title').textContent).to.equal('You are booked');
    expect(booked).to.have.length(1);
    expect(Object.keys(booked[0]!.detail).sort()).to.deep.equal(['appointmentId', 'status']);
    expect(booked[0]!.detail.status).to.equal('confirmed');
    expect(el.booking?.startsAt).to.equal(startsAt);

    // The calendar file: the booked instant and the practice's name, nothing about the client.
    const ics = decodeURIComponent(
      find<HTMLAnchorElement>(el, 'a[download="appointment.ics"]').href.split(',')[1]!,
    );
    expect(ics).to.contain(`DTSTART:${startsAt.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(ics).to.contain(`SUMMARY:Appointment with ${fx.practiceName}`);
    expect(ics).not.to.match(/Ada|Lovelace|example\.test|consultation/i);

    // Nothing the client typed (or anything else) went to browser storage.
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    expect(await indexedDB.databases()).to.deep.equal([]);
  });

  it('switching the timezone changes the times shown, not the instant booked', async () => {
    const el = await mountBooking(fx, {
      appointmentType: fx.types.consultation,
      clinician: fx.clinicianIds[1]!,
    });
    const [first] = slotButtons(el);
    const startsAt = first!.dataset['startsAt']!;
    const inNewYork = first!.getAttribute('aria-label');
    const tokyoTime = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Tokyo',
      hour: 'numeric',
      minute: '2-digit',
    }).format(Date.parse(startsAt));

    const select = find<HTMLSelectElement>(el, '#time-zone');
    expect(select.value).to.equal('America/New_York');
    select.value = 'Asia/Tokyo';
    select.dispatchEvent(new Event('change'));
    await slotsLoaded(el);
    await settle(grid(el));

    const same = slotButtons(el).find((b) => b.dataset['startsAt'] === startsAt);
    if (!same) throw new Error('the same instant is no longer offered');
    expect(same.textContent!.trim()).to.equal(tokyoTime);
    expect(same.getAttribute('aria-label')).not.to.equal(inNewYork);
    expect(find(el, '#practice-zone').textContent).to.contain('Eastern Time (America/New York)');

    same.click();
    await stepIs(el, 'details');
    expect(el.hold?.startsAt).to.equal(startsAt);
    // Shown in Tokyo time, with the practice's time beside it.
    expect(find(el, '.when').textContent).to.contain(tokyoTime);
    expect(find(el, '.hint').textContent).to.contain('at the practice');
    await fillDetails(el, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.test' });
    button(el, 'Book appointment').click();
    await stepIs(el, 'done');
    expect(el.booking?.startsAt).to.equal(startsAt);
  });

  it('moves between weeks; the current week has no previous week', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    const previous = button(el, '‹ Previous week');
    expect(previous.disabled).to.equal(true);
    const firstWeek = slotButtons(el)[0]!.dataset['startsAt']!;
    button(el, 'Next week ›').click();
    await slotsLoaded(el);
    const nextWeek = slotButtons(el)[0]!.dataset['startsAt']!;
    expect(Date.parse(nextWeek) - Date.parse(firstWeek)).to.be.greaterThan(0);
    expect(button(el, '‹ Previous week').disabled).to.equal(false);
  });

  it('PageDown and PageUp in the grid change the week and keep focus in the grid', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    const thisWeek = el.weekStart;
    grid(el).focus();
    await press('PageDown');
    await waitUntil(() => el.weekStart !== thisWeek && el.slots !== undefined, 'week stayed');
    await settle(el);
    await waitUntil(() => deepActiveElement()?.getAttribute('data-pos') === '0-0', 'focus lost');
    expect(el.shadowRoot!.querySelector('#week-title')!.textContent).to.contain(
      String(Number(el.weekStart.slice(8))),
    );
    await press('PageUp');
    await waitUntil(() => el.weekStart === thisWeek && el.slots !== undefined, 'not back');
    await press('PageUp'); // no week before this one
    await settle(el);
    expect(el.weekStart).to.equal(thisWeek);
  });

  it('says so when a week has no times', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    // The types' horizon is 60 days: ten weeks on there is nothing.
    for (let i = 0; i < 10; i++) {
      button(el, 'Next week ›').click();
      await slotsLoaded(el);
    }
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'no empty state');
    expect(find(el, '.empty').textContent!.trim()).to.equal('No times this week.');
    expect(el.shadowRoot!.querySelector('tcrm-slot-grid')).to.equal(null);
  });
});
