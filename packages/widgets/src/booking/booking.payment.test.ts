import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import {
  bookingFixture,
  button,
  fillDetails,
  find,
  slotButtons,
  mountBooking,
  noticeText,
  stepIs,
  type BookingFixture,
} from './booking.fixtures.js';

// The payment seam. Return leg: Stripe Checkout sends the client back to
// the page with the outcome in the query. Outbound leg: confirm carries the
// page as `returnUrl`; the test server has no Stripe, so a deposit type is
// refused (`payments_not_configured`) and the widget says so. (A confirm
// answering `awaiting_payment` with a checkoutUrl needs the payments tests'
// Stripe stand-in.)
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

  it('sends this page as returnUrl (without an earlier outcome) and explains when payment is unavailable', async () => {
    visit(`booking=${crypto.randomUUID()}&status=cancel`);
    const el = await mountBooking(fx, { appointmentType: fx.types.intensive });
    slotButtons(el)[0]!.click();
    await stepIs(el, 'details');
    const bodies: { returnUrl?: string }[] = [];
    const realFetch = window.fetch;
    // Observes the request only; the real server answers.
    window.fetch = (input, init) => {
      if (String(input).includes('booking.confirm')) bodies.push(JSON.parse(String(init?.body))[0]);
      return realFetch(input, init);
    };
    try {
      await fillDetails(el, { firstName: 'Pay', lastName: 'Later', email: 'pay@example.test' });
      button(el, 'Book appointment').click();
      await waitUntil(() => noticeText(el) !== '', 'no message', { timeout: 10_000 });
    } finally {
      window.fetch = realFetch;
    }
    expect(bodies).to.have.length(1);
    expect(bodies[0]!.returnUrl).to.equal(new URL(page, location.href).href);
    expect(noticeText(el)).to.equal(
      'Online payment is not available right now. Please contact the practice to book.',
    );
    expect(el.step).to.equal('details');
  });
});
