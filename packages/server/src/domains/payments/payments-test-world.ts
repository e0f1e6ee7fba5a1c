// Test set-up for payment suites: a real app on real PostgreSQL and real
// HTTP, with the Stripe SDK pointed at the loopback fake. Test-only.
import crypto from 'node:crypto';
import { startTestApp, type TestApp, type TestAppOptions } from '../../../test/support/test-app.js';
import { startStripeFake, type StripeFake } from '../../../test/support/stripe-fake-server.js';
import { TEST_STRIPE_KEYS } from '../../../test/support/stripe-webhooks.js';
import {
  newBookingClock,
  person,
  trpcHttp,
  type BookingWorld,
} from '../booking/booking-test-world.js';

export interface PaymentsHarness {
  app: TestApp;
  fake: StripeFake;
  base: string;
  close(): Promise<void>;
}

export async function startPaymentsApp(options: TestAppOptions = {}): Promise<PaymentsHarness> {
  const fake = await startStripeFake();
  const app = await startTestApp({
    clock: newBookingClock(),
    ...options,
    env: { ...TEST_STRIPE_KEYS, STRIPE_API_BASE: fake.url, ...options.env },
  });
  const base = await app.listen();
  return {
    app,
    fake,
    base,
    async close() {
      await app.close();
      await fake.close();
    },
  };
}

export const widgetHeaders = (w: BookingWorld, idempotencyKey = crypto.randomUUID()) => ({
  'x-tcrm-publishable-key': w.practice.publishableKey,
  origin: w.practice.origin,
  'idempotency-key': idempotencyKey,
});

/** Hold + confirm over real HTTP for a type that takes a payment; returns the pending checkout. */
export async function bookWithCheckout(
  h: PaymentsHarness,
  w: BookingWorld,
  typeId: string,
  startsAt: string,
  n = 1,
  extra: { returnUrl?: string } = {},
) {
  const hold = await w
    .widget()
    .booking.hold({ appointmentTypeId: typeId, clinicianId: w.clinician.userId, startsAt });
  const key = crypto.randomUUID();
  const r = await trpcHttp(
    h.base,
    'booking.confirm',
    { holdToken: hold.holdToken, client: person(n), ...extra },
    widgetHeaders(w, key),
  );
  if (r.status !== 200) throw new Error(`confirm failed: ${r.status} ${JSON.stringify(r.body)}`);
  const pending = r.body.result.data as {
    appointmentId: string;
    status: string;
    checkoutUrl: string;
    paymentExpiresAt: string;
    amountCents: number;
  };
  const sessionId = pending.checkoutUrl.split('/').pop()!;
  return { hold, key, pending, sessionId };
}
