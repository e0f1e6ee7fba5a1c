import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, type } from '../testing/fixtures.js';
import type { TcrmOfferOpenedEvent } from './booking.events.js';
import {
  bookingFixture,
  button,
  fillDetails,
  find,
  mountBooking,
  noticeText,
  slotButtons,
  stepIs,
  waitlistOffer,
  type BookingFixture,
} from './booking.fixtures.js';

const GONE = 'This offer has expired or was already taken. You can still choose a time below.';

describe('tcrm-booking: waitlist offers (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  let fx: BookingFixture;
  const page = location.pathname + location.search;
  before(async function () {
    this.timeout(120_000);
    fx = await bookingFixture();
  });
  afterEach(() => history.replaceState(null, '', page));

  /** `booking.offer` over HTTP, as any page with the practice's key could call it. */
  async function askOffer(holdToken: string) {
    const input = encodeURIComponent(JSON.stringify({ holdToken }));
    const response = await fetch(`/trpc/booking.offer?input=${input}`, {
      headers: { 'x-tcrm-publishable-key': fx.publishableKey },
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        error?: { data?: { appCode?: string; details?: { reason?: string } } };
      },
    };
  }

  it('has no axe violations on an offer at the details step', async () => {
    const offer = await waitlistOffer(fx.types.consultation);
    const el = await mountBooking(fx, { holdToken: offer.holdToken });
    expect(el.step).to.equal('details');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('opens at the details step with the held time and its countdown, books it by keyboard, and the link cannot be used again', async () => {
    const offer = await waitlistOffer(fx.types.consultation);
    const opened: TcrmOfferOpenedEvent[] = [];
    const listen = (e: Event) => opened.push(e as TcrmOfferOpenedEvent);
    document.addEventListener('tcrm-offer-opened', listen);
    let el;
    try {
      el = await mountBooking(fx, { holdToken: offer.holdToken, timeZone: 'America/Los_Angeles' });
    } finally {
      document.removeEventListener('tcrm-offer-opened', listen);
    }
    expect(el.step).to.equal('details');
    expect(el.hold?.holdId).to.equal(offer.holdId);
    expect(find(el, '#step-title').textContent).to.equal('A time opened up for you');
    const inLosAngeles = (iso: string, o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en', { timeZone: 'America/Los_Angeles', ...o }).format(
        Date.parse(iso),
      );
    expect(find(el, '.chosen').textContent!.trim()).to.match(/^Free consultation with \S/);
    expect(find(el, '.when').textContent).to.contain(
      inLosAngeles(offer.startsAt, { dateStyle: 'full', timeStyle: 'short' }),
    );
    expect(find(el, '.hint').textContent).to.contain('at the practice');
    expect(el.shadowRoot!.textContent).to.contain(
      `It is held for you until ${inLosAngeles(offer.expiresAt, { timeStyle: 'short' })}. Enter your details to book it.`,
    );
    // The server's offer lasts two hours (WAITLIST_OFFER_MINUTES): hours in the countdown.
    expect(find(el, '[part="countdown"]').textContent).to.match(
      /holding this time for you: (1:59:\d\d|2:00:00) left/,
    );
    // The event names the hold and the time, never the token (the capability to book it).
    expect(opened.map((e) => Object.keys(e.detail).sort())).to.deep.equal([
      ['endsAt', 'expiresAt', 'holdId', 'startsAt'],
    ]);
    expect(opened[0]!.detail).to.include({ holdId: offer.holdId, startsAt: offer.startsAt });
    expect(JSON.stringify(opened[0]!.detail)).not.to.contain(offer.holdToken);

    // Keyboard only: the fields come first on this step.
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    await type('Wait');
    await press('Tab');
    await type('Listed');
    await press('Tab');
    await type('waitlisted@example.test');
    await press('Enter');
    await stepIs(el, 'done');
    expect(deepActiveElement()?.id).to.equal('step-title');
    expect(find(el, '#step-title').textContent).to.equal('You are booked');
    expect(el.booking?.status).to.equal('confirmed');
    expect(el.booking?.startsAt).to.equal(offer.startsAt);

    // Used: the server no longer knows the token, and a second visit says so.
    const again = await askOffer(offer.holdToken);
    expect(again.status).to.equal(404);
    expect(again.body.error?.data?.details?.reason).to.equal('invalid_offer');
    const second = await mountBooking(fx, { holdToken: offer.holdToken });
    expect(second.step).to.equal('types');
    expect(noticeText(second)).to.equal(GONE);
  });

  it('reads the offer from the page’s #hold= fragment and stores nothing in the browser', async () => {
    const offer = await waitlistOffer(fx.types.consultation);
    history.replaceState(null, '', `${page}#hold=${offer.holdToken}`);
    const el = await mountBooking(fx);
    expect(el.step).to.equal('details');
    expect(el.hold?.holdId).to.equal(offer.holdId);
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    expect(await indexedDB.databases()).to.deep.equal([]);
  });

  it('an expired offer: the notice, then the ordinary choice of type and time', async () => {
    const offer = await waitlistOffer(fx.types.consultation);
    const expired = (await executeServerCommand('tcrm-server', {
      op: 'expireHold',
      holdId: offer.holdId,
    })) as { count: number };
    expect(expired.count).to.equal(1);
    let opened = 0;
    const listen = () => opened++;
    document.addEventListener('tcrm-offer-opened', listen);
    let el;
    try {
      el = await mountBooking(fx, { holdToken: offer.holdToken });
    } finally {
      document.removeEventListener('tcrm-offer-opened', listen);
    }
    expect(opened).to.equal(0);
    expect(el.step).to.equal('types');
    expect(noticeText(el)).to.equal(GONE);
    expect(find(el, '[part="notice"]').parentElement!.getAttribute('role')).to.equal('alert');

    find<HTMLButtonElement>(el, `[data-type-id="${fx.types.consultation}"]`).click();
    await waitUntil(() => el.slots?.length, 'no times', { timeout: 10_000 });
    await stepIs(el, 'time');
    expect(noticeText(el)).to.equal('');
    slotButtons(el)[0]!.click();
    await stepIs(el, 'details');
    expect(find(el, '#step-title').textContent).to.equal('Your details');
    await fillDetails(el, { firstName: 'Late', lastName: 'Again', email: 'late@example.test' });
    button(el, 'Book appointment').click();
    await stepIs(el, 'done');
  });

  it('a forged or malformed offer: the notice, and with a preset type straight to its times', async () => {
    for (const holdToken of [`thd_${'A'.repeat(43)}`, 'not-a-hold-token']) {
      const el = await mountBooking(fx, { holdToken, appointmentType: fx.types.consultation });
      expect(el.step).to.equal('time');
      expect(noticeText(el)).to.equal(GONE);
      expect(slotButtons(el).length).to.be.greaterThan(0);
    }
  });

  it('an offer of a type with a deposit takes the ordinary payment path; the token stays out of returnUrl', async () => {
    const offer = await waitlistOffer(fx.types.intensive);
    history.replaceState(null, '', `${page}#hold=${offer.holdToken}`);
    const el = await mountBooking(fx);
    expect(el.step).to.equal('details');
    const bodies: { holdToken?: string; returnUrl?: string }[] = [];
    const realFetch = window.fetch;
    // Observes the request only; the real server answers.
    window.fetch = (input, init) => {
      if (String(input).includes('booking.confirm')) bodies.push(JSON.parse(String(init?.body))[0]);
      return realFetch(input, init);
    };
    try {
      await fillDetails(el, {
        firstName: 'Pay',
        lastName: 'Deposit',
        email: 'deposit@example.test',
      });
      button(el, 'Book appointment').click();
      await waitUntil(() => noticeText(el) !== '', 'no message', { timeout: 10_000 });
    } finally {
      window.fetch = realFetch;
    }
    expect(bodies).to.have.length(1);
    expect(bodies[0]!.holdToken).to.equal(offer.holdToken);
    expect(bodies[0]!.returnUrl).to.equal(new URL(page, location.href).href);
    // The test server has no Stripe: the same answer as any deposit booking.
    expect(noticeText(el)).to.equal(
      'Online payment is not available right now. Please contact the practice to book.',
    );
  });
});
