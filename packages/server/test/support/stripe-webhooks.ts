// Signed Stripe webhook deliveries for tests, signed by the official SDK's
// own test-header helper, posted over real HTTP to /webhooks/stripe.
import crypto from 'node:crypto';
import Stripe from 'stripe';

export const TEST_STRIPE_KEYS = {
  STRIPE_SECRET_KEY: 'sk_test_fake_key',
  STRIPE_WEBHOOK_SECRET: 'whsec_test_fake_secret',
};

const sdk = new Stripe(TEST_STRIPE_KEYS.STRIPE_SECRET_KEY);

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${crypto.randomBytes(10).toString('hex')}`,
) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: 0,
    livemode: false,
    data: { object },
  };
}

/** What /webhooks/stripe answers. */
export interface WebhookAnswer {
  received?: boolean;
  duplicate?: boolean;
  error?: { code: string };
}

export async function deliverWebhook(
  base: string,
  event: ReturnType<typeof stripeEvent>,
  options: { at: Date; secret?: string; tamper?: (payload: string) => string },
): Promise<{ status: number; body: WebhookAnswer }> {
  const payload = JSON.stringify({ ...event, created: Math.floor(options.at.getTime() / 1000) });
  const header = sdk.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_STRIPE_KEYS.STRIPE_WEBHOOK_SECRET,
    timestamp: Math.floor(options.at.getTime() / 1000),
  });
  const res = await fetch(`${base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: options.tamper ? options.tamper(payload) : payload,
  });
  return { status: res.status, body: (await res.json()) as WebhookAnswer };
}
