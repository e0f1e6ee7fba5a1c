import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, settle, type } from '../testing/fixtures.js';
import type { TcrmBooking } from './booking.js';
import type { TcrmWaitlistJoinedEvent } from './booking.events.js';
import {
  bookingFixture,
  button,
  find,
  mountBooking,
  slotsLoaded,
  tabTo,
  waitlistEntries,
  type BookingFixture,
} from './booking.fixtures.js';
import { addDays, startOfDay } from './zoned-time.js';

// The join tests use the request-to-book type: the offer tests' freed
// consultation times must go to their own entries, not to these.
const DAY = 86_400_000;
const newEmail = () => `wait-${crypto.randomUUID().slice(0, 8)}@example.test`;

const section = (el: TcrmBooking) => find(el, '.waitlist');
const title = (el: TcrmBooking) => find(el, '#waitlist-title').textContent!.trim();
const emailInput = (el: TcrmBooking) =>
  find(el, 'tcrm-booking-field[name="email"]').shadowRoot!.querySelector('input')!;

async function openForm(el: TcrmBooking): Promise<void> {
  find<HTMLButtonElement>(el, '#waitlist-open').click();
  await waitUntil(() => el.shadowRoot!.querySelector('.waitlist form'), 'no waitlist form');
  await settle(el);
}

async function enterEmail(el: TcrmBooking, value: string): Promise<void> {
  const input = emailInput(el);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}

/** Counts (and lets through) the widget's join requests. */
function watchJoins(): { count: () => number; restore: () => void } {
  const realFetch = window.fetch;
  let joins = 0;
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('booking.waitlist.join'))
      joins++;
    return realFetch(input, init);
  };
  return { count: () => joins, restore: () => (window.fetch = realFetch) };
}

describe('tcrm-booking: join the waitlist (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  let fx: BookingFixture;
  before(async function () {
    this.timeout(120_000);
    fx = await bookingFixture();
  });

  it('has no axe violations with the form open, and after joining', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    await openForm(el);
    expect(await axeViolations(el)).to.deep.equal([]);
    await enterEmail(el, newEmail());
    button(el, 'Join the waitlist').click();
    await waitUntil(() => title(el) === 'You are on the waitlist', 'not joined', {
      timeout: 10_000,
    });
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('joins by keyboard only: the week shown through four weeks, any clinician; focus and announcement follow', async () => {
    const joined: TcrmWaitlistJoinedEvent[] = [];
    const listen = (e: Event) => joined.push(e as TcrmWaitlistJoinedEvent);
    document.addEventListener('tcrm-waitlist-joined', listen);
    const email = newEmail();
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      await tabTo('waitlist-open'); // past the type, selects, weeks and the grid
      expect(find(el, '.waitlist-entry').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'None of these times work? Join the waitlist',
      );
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.id === 'waitlist-title', 'focus not on form');
      expect(title(el)).to.equal('Join the waitlist');
      expect(section(el).textContent).to.contain(
        'We will e-mail you if a time for Individual therapy opens up with any available clinician.',
      );
      await press('Tab');
      expect(deepActiveElement()?.id).to.equal('waitlist-until');
      await press('Tab');
      await type(email);
      await press('Enter');
      await waitUntil(() => title(el) === 'You are on the waitlist', 'not joined', {
        timeout: 10_000,
      });
      await settle(el);
    } finally {
      document.removeEventListener('tcrm-waitlist-joined', listen);
    }
    expect(deepActiveElement()?.id).to.equal('waitlist-title');

    const from = startOfDay('America/New_York', el.weekStart);
    const to = startOfDay('America/New_York', addDays(el.weekStart, 28));
    const day = (at: number) =>
      new Intl.DateTimeFormat('en', {
        timeZone: 'America/New_York',
        weekday: 'long',
        month: 'long',
        day: 'numeric',
      }).format(at);
    const body = `We will e-mail you if a time opens up between ${day(from)} and ${day(to - 1)}.`;
    expect(section(el).textContent!.replace(/\s+/g, ' ')).to.contain(body);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal(`You are on the waitlist. ${body}`);

    // The event: what and when, never the address.
    expect(joined).to.have.length(1);
    expect(joined[0]!.detail).to.deep.equal({
      appointmentTypeId: fx.types.session,
      clinicianId: null,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    expect(JSON.stringify(joined[0]!.detail)).not.to.contain('@');

    // And the server has the entry.
    expect(await waitlistEntries(fx.types.session, email)).to.deep.equal([
      {
        status: 'waiting',
        clinicianId: null,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      },
    ]);
    expect([localStorage.length, sessionStorage.length]).to.deep.equal([0, 0]);
  });

  it('refuses a bad or missing e-mail in the browser: the field says why, focus goes there, nothing is sent', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    await openForm(el);
    const joins = watchJoins();
    try {
      const field = find(el, 'tcrm-booking-field[name="email"]');
      const error = () => field.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim();
      button(el, 'Join the waitlist').click();
      await settle(el);
      expect(error()).to.not.equal('');
      await enterEmail(el, 'not-an-address');
      button(el, 'Join the waitlist').click();
      await settle(el);
      expect(error()).to.equal('Enter an e-mail address like name@example.com.');
      expect((deepActiveElement()?.getRootNode() as ShadowRoot).host).to.equal(field);
      expect(title(el)).to.equal('Join the waitlist');
    } finally {
      joins.restore();
    }
    expect(joins.count()).to.equal(0);
    expect(await waitlistEntries(fx.types.session, 'not-an-address')).to.deep.equal([]);
  });

  it('sends once while pending, and a retry after a lost answer is the same request: one entry', async () => {
    const email = newEmail();
    const el = await mountBooking(fx, {
      appointmentType: fx.types.session,
      clinician: fx.clinicianIds[0]!,
    });
    await openForm(el);
    // Two weeks instead of four.
    const until = find<HTMLSelectElement>(el, '#waitlist-until');
    until.value = '2';
    until.dispatchEvent(new Event('change'));
    await enterEmail(el, email);
    const bodies: string[] = [];
    const realFetch = window.fetch;
    let dropFirst = true;
    window.fetch = async (input, init) => {
      if (!String(input).includes('booking.waitlist.join')) return realFetch(input, init);
      bodies.push(String(init?.body));
      const response = await realFetch(input, init);
      // The first answer is lost on the way back, as on a dropped connection.
      if (dropFirst) {
        dropFirst = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    try {
      const submit = button(el, 'Join the waitlist');
      submit.click();
      submit.click(); // pending: ignored
      await settle(el);
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      expect(submit.textContent!.trim()).to.equal('Joining…');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="notice"]'), 'no error shown', {
        timeout: 10_000,
      });
      expect(find(el, '[part="notice"]').textContent!.trim()).to.equal(
        'We could not reach the practice. Check your connection and try again.',
      );
      // One request carrying one call (the second click did not join a batch).
      expect(bodies.map((body) => Object.keys(JSON.parse(body) as object))).to.deep.equal([['0']]);
      button(el, 'Join the waitlist').click();
      await waitUntil(() => title(el) === 'You are on the waitlist', 'not joined', {
        timeout: 10_000,
      });
    } finally {
      window.fetch = realFetch;
    }
    expect(bodies).to.have.length(2);
    expect(bodies[1]).to.equal(bodies[0]);
    const entries = await waitlistEntries(fx.types.session, email);
    expect(entries).to.have.length(1);
    expect(entries[0]!.clinicianId).to.equal(fx.clinicianIds[0]);
    expect(Date.parse(entries[0]!.to) - Date.parse(entries[0]!.from)).to.be.closeTo(
      14 * DAY,
      3_600_000, // a DST change inside the range
    );
  });

  it('is the prominent action when the week shown has no times; Cancel returns focus to it', async () => {
    const el = await mountBooking(fx, { appointmentType: fx.types.session });
    // The types' horizon is 60 days: ten weeks on there is nothing.
    for (let i = 0; i < 10; i++) {
      button(el, 'Next week ›').click();
      await slotsLoaded(el);
    }
    const open = find<HTMLButtonElement>(el, '#waitlist-open');
    expect(open.classList.contains('primary')).to.equal(true);
    expect(find(el, '.waitlist-entry').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'We can e-mail you when a time opens up. Join the waitlist',
    );
    await openForm(el);
    button(el, 'Cancel').click();
    await waitUntil(() => deepActiveElement()?.id === 'waitlist-open', 'focus not returned');
    expect(el.shadowRoot!.querySelector('.waitlist')).to.equal(null);
  });

  it('says clearly when the server refuses: a type retired while the page was open', async () => {
    const { typeId } = (await executeServerCommand('tcrm-server', { op: 'probeType' })) as {
      typeId: string;
    };
    const el = await mountBooking(fx, { appointmentType: typeId });
    const retired = (await executeServerCommand('tcrm-server', {
      op: 'retireType',
      typeId,
    })) as { active: boolean };
    expect(retired.active).to.equal(false);
    const email = newEmail();
    await openForm(el);
    await enterEmail(el, email);
    button(el, 'Join the waitlist').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.waitlist [part="notice"]'), 'no error', {
      timeout: 10_000,
    });
    const notice = find(el, '.waitlist [part="notice"]');
    expect(notice.textContent!.trim()).to.equal(
      'This appointment can no longer be booked online. Please contact the practice.',
    );
    expect(notice.parentElement!.getAttribute('role')).to.equal('alert');
    expect(title(el)).to.equal('Join the waitlist');
    expect(await waitlistEntries(typeId, email)).to.deep.equal([]);
  });

  it('speaks Spanish: the action, the form and the confirmation', async () => {
    const el = await mountBooking(fx, { locale: 'es', appointmentType: fx.types.session });
    await waitUntil(
      () => find(el, '#step-title').textContent === 'Elija un horario',
      'not Spanish',
    );
    expect(find(el, '.waitlist-entry').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '¿Ninguno de estos horarios le sirve? Unirse a la lista de espera',
    );
    await openForm(el);
    expect(title(el)).to.equal('Unirse a la lista de espera');
    expect(find(el, '.waitlist label').textContent).to.contain('Buscar horarios hasta el');
    expect(find(el, 'tcrm-booking-field[name="email"]').getAttribute('label')).to.equal(
      'Correo electrónico',
    );
    await enterEmail(el, newEmail());
    button(el, 'Unirse a la lista de espera').click();
    await waitUntil(() => title(el) === 'Está en la lista de espera', 'not joined', {
      timeout: 10_000,
    });
    expect(section(el).textContent).to.match(
      /Le escribiremos si se libera un horario entre el (lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de \w+ y el /,
    );
  });

  it('lays out right to left in the dark theme without axe violations', async () => {
    const el = await mountBooking(fx, {
      locale: 'ar',
      appearance: '{"theme":"dark"}',
      appointmentType: fx.types.session,
    });
    await openForm(el);
    expect(getComputedStyle(section(el)).direction).to.equal('rtl');
    const text = document.createRange();
    text.selectNodeContents(find(el, '#waitlist-title'));
    const heading = text.getBoundingClientRect();
    const box = section(el).getBoundingClientRect();
    // The heading starts at the inline start: the right.
    expect(box.right - heading.right).to.be.lessThan(heading.left - box.left);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
