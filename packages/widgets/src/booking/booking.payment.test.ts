import { expect } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import {
  bookingFixture,
  find,
  mountBooking,
  noticeText,
  stepIs,
  type BookingFixture,
} from './booking.fixtures.js';

// The payment seam's return leg: Stripe Checkout sends the client back to
// the page with the outcome in the query. (The outbound leg, a confirm
// answering `awaiting_payment` with a checkoutUrl, needs the server's
// Stripe stand-in and is left to the payments tests.)
describe('tcrm-booking: back from payment (real server)', function () {
  this.timeout(30_000);
  let fx: BookingFixture;
  const page = location.pathname + location.search;
  before(async function () {
    this.timeout(120_000);
    fx = await bookingFixture();
  });
  // wtr's own query (its session id) stays; ours is added to it.
  const visit = (query: string) =>
    history.replaceState(null, '', `${page}${page.includes('?') ? '&' : '?'}${query}`);
  afterEach(() => history.replaceState(null, '', page));

  it('has no axe violations on the paid confirmation', async () => {
    visit(`booking=${crypto.randomUUID()}&status=success`);
    const el = await mountBooking(fx);
    await stepIs(el, 'done');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows the paid confirmation on ?booking=…&status=success', async () => {
    const id = crypto.randomUUID();
    visit(`booking=${id}&status=success`);
    const el = await mountBooking(fx);
    await stepIs(el, 'done');
    expect(el.booking?.appointmentId).to.equal(id);
    expect(find(el, '#step-title').textContent).to.equal('You are booked');
    expect(find(el, '[part="confirmation"]').textContent!.trim()).to.equal(
      'Payment received. Your appointment is confirmed.',
    );
  });

  it('reads the server’s ?tcrm-checkout=cancelled&appointment=… as not booked', async () => {
    visit(`tcrm-checkout=cancelled&appointment=${crypto.randomUUID()}`);
    const el = await mountBooking(fx);
    expect(el.step).to.equal('types');
    expect(noticeText(el)).to.equal('Payment was cancelled, so the time was not booked.');
  });

  it('ignores unrelated query parameters', async () => {
    visit('status=success&utm_source=newsletter');
    const el = await mountBooking(fx);
    expect(el.step).to.equal('types');
    expect(noticeText(el)).to.equal('');
  });
});
