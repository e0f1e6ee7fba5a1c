import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, settle } from '../testing/fixtures.js';
import type { TcrmSlotHeldEvent } from './booking.events.js';
import {
  bookingFixture,
  button,
  fillDetails,
  find,
  holdDirectly,
  mountBooking,
  noticeText,
  slotButtons,
  stepIs,
  type BookingFixture,
} from './booking.fixtures.js';

const slotCount = (el: Element) =>
  el.shadowRoot!.querySelector('tcrm-slot-grid')?.shadowRoot?.querySelectorAll('[part="slot"]')
    .length ?? 0;

/** Replaces Date.now for one test (the widget's countdown reads it); restored after each test. */
const realNow = Date.now;
function shiftClock(to: number): void {
  const base = realNow();
  Date.now = () => to + (realNow() - base);
}

describe('tcrm-booking: holds, conflicts and expiry (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  let fx: BookingFixture;
  before(async function () {
    this.timeout(120_000);
    fx = await bookingFixture();
  });
  afterEach(() => {
    Date.now = realNow;
  });

  async function holdFirst(clinician?: string) {
    const el = await mountBooking(fx, {
      appointmentType: fx.types.consultation,
      ...(clinician ? { clinician } : {}),
    });
    const held = new Promise<TcrmSlotHeldEvent>((resolve) =>
      el.addEventListener('tcrm-slot-held', resolve, { once: true }),
    );
    slotButtons(el)[0]!.click();
    await stepIs(el, 'details');
    return { el, event: await held };
  }

  it('has no axe violations on the details step with its countdown', async () => {
    const { el } = await holdFirst();
    expect(find(el, '[part="countdown"]').getAttribute('role')).to.equal('timer');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a time taken by someone else: 409, message, fresh times without it, focus on the grid', async () => {
    const clinicianId = fx.clinicianIds[0]!;
    const el = await mountBooking(fx, {
      appointmentType: fx.types.consultation,
      clinician: clinicianId,
    });
    const target = slotButtons(el)[0]!;
    const startsAt = target.dataset['startsAt']!;
    // Another visitor holds the same time first, through the API itself.
    const other = await holdDirectly(fx, {
      appointmentTypeId: fx.types.consultation,
      clinicianId,
      startsAt,
    });
    expect(other.status).to.equal(200);

    target.click();
    await waitUntil(() => noticeText(el) !== '', 'no conflict message', { timeout: 10_000 });
    await waitUntil(() => el.slots !== undefined);
    await settle(el);
    expect(el.step).to.equal('time');
    expect(noticeText(el)).to.equal('That time was just taken. Please choose another time.');
    // The message sits in an alert region, so it is announced.
    expect(find(el, '[part="notice"]').parentElement!.getAttribute('role')).to.equal('alert');
    const offered = slotButtons(el).map((b) => b.dataset['startsAt']);
    expect(offered).not.to.include(startsAt);
    expect(offered.length).to.be.greaterThan(0);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('slot');

    // And the client can go on to book another time.
    slotButtons(el)[0]!.click();
    await stepIs(el, 'details');
    expect(noticeText(el)).to.equal('');
  });

  it('announces two minutes left and the expiry, not every second, by the server’s expiresAt', async () => {
    const { el, event } = await holdFirst();
    const expiresAt = Date.parse(event.detail.expiresAt);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal('');
    expect(find(el, '[part="countdown"]').textContent).to.match(
      /holding this time for you: (9:5\d|10:00) left/,
    );

    shiftClock(expiresAt - 3 * 60_000);
    await waitUntil(
      () => /2:59|3:00/.test(find(el, '[part="countdown"]').textContent!),
      'no 3:00',
      {
        timeout: 3000,
      },
    );
    expect(status.textContent!.trim()).to.equal('');

    shiftClock(expiresAt - 119_000);
    await waitUntil(() => status.textContent!.trim() !== '', 'no 2-minute announcement', {
      timeout: 3000,
    });
    expect(status.textContent!.trim()).to.equal('2 minutes left to finish booking.');
    expect(find(el, '[part="countdown"]').textContent).to.contain('1:5');

    shiftClock(expiresAt + 1000);
    await waitUntil(() => el.remaining === 0, 'never expired', { timeout: 3000 });
    await settle(el);
    expect(status.textContent!.trim()).to.equal(
      'Your hold on that time has expired. Please choose a time again.',
    );
    expect(noticeText(el)).to.equal(
      'Your hold on that time has expired. Please choose a time again.',
    );
    expect(() => button(el, 'Book appointment')).to.throw();
    button(el, 'Choose another time').click();
    await stepIs(el, 'time');
    await waitUntil(() => slotCount(el) > 0, 'no times', { timeout: 10_000 });
  });

  it('a hold the server expired: confirm gets 412 and returns to fresh times with the message', async () => {
    const { el, event } = await holdFirst();
    const result = (await executeServerCommand('tcrm-server', {
      op: 'expireHold',
      holdId: event.detail.holdId,
    })) as { count: number };
    expect(result.count).to.equal(1);
    await fillDetails(el, { firstName: 'Late', lastName: 'Comer', email: 'late@example.test' });
    button(el, 'Book appointment').click();
    await waitUntil(() => el.step === 'time' && el.slots !== undefined, 'did not go back', {
      timeout: 10_000,
    });
    await settle(el);
    expect(noticeText(el)).to.equal(
      'Your hold on that time has expired. Please choose a time again.',
    );
    expect(el.hold).to.equal(undefined);
  });

  it('keeps the details typed when the client goes back for another time', async () => {
    const { el } = await holdFirst();
    await fillDetails(el, { firstName: 'Keep', lastName: 'Me', email: 'keep@example.test' });
    button(el, 'Choose another time').click();
    await stepIs(el, 'time');
    await waitUntil(() => slotCount(el) > 1, 'no times', { timeout: 10_000 });
    slotButtons(el)[1]!.click();
    await stepIs(el, 'details');
    const value = (name: string) =>
      find<HTMLElement & { value: string }>(el, `tcrm-booking-field[name="${name}"]`).value;
    expect([value('firstName'), value('lastName'), value('email')]).to.deep.equal([
      'Keep',
      'Me',
      'keep@example.test',
    ]);
  });

  it('shows what is wrong with the details and does not call the server', async () => {
    const { el } = await holdFirst();
    const held = el.hold;
    await fillDetails(el, { firstName: 'No', lastName: 'Mail', email: 'not-an-address' });
    button(el, 'Book appointment').click();
    await settle(el);
    expect(el.step).to.equal('details');
    expect(el.hold).to.equal(held);
    const email = find(el, 'tcrm-booking-field[name="email"]');
    expect(email.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()).to.equal(
      'Enter an e-mail address like name@example.com.',
    );
    // Focus goes to the field to fix.
    expect((deepActiveElement()?.getRootNode() as ShadowRoot).host).to.equal(email);
  });

  it('retries a confirm with the same Idempotency-Key and books once', async () => {
    const { el } = await holdFirst();
    const keys: string[] = [];
    const realFetch = window.fetch;
    let failFirst = true;
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('booking.confirm')) {
        keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
        const response = await realFetch(input, init);
        // The first answer is lost on the way back, as on a dropped connection.
        if (failFirst) {
          failFirst = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      }
      return realFetch(input, init);
    };
    try {
      await fillDetails(el, { firstName: 'Once', lastName: 'Only', email: 'once@example.test' });
      button(el, 'Book appointment').click();
      await waitUntil(() => noticeText(el) !== '', 'no failure message', { timeout: 10_000 });
      expect(noticeText(el)).to.contain('not booked yet');
      button(el, 'Book appointment').click();
      await stepIs(el, 'done');
    } finally {
      window.fetch = realFetch;
    }
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[1]).to.equal(keys[0]);
  });
});
