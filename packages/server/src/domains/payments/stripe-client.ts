// The Stripe SDK, built from config once per app instance (never a module
// singleton: two test apps in one process may point at different fakes).
// STRIPE_API_BASE only moves the SDK's host/port/protocol; everything else,
// including form encoding and idempotency headers, is the official client's.
import Stripe from 'stripe';
import { DomainError } from '../../errors.js';
import type { StripeConfig } from '../../config.js';
import type { AppServices } from '../../services.js';

const clients = new WeakMap<AppServices, { stripe: Stripe; config: StripeConfig }>();

export function paymentsConfigured(services: AppServices): boolean {
  return services.config.stripe !== undefined;
}

/** The SDK and its settings; PRECONDITION_FAILED when payments are not set up. */
export function stripeOf(services: AppServices): { stripe: Stripe; config: StripeConfig } {
  const cached = clients.get(services);
  if (cached) return cached;
  const config = services.config.stripe;
  if (!config) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      'Online payment is not available for this practice',
      {
        reason: 'payments_not_configured',
      },
    );
  }
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(config.api
      ? { host: config.api.host, port: config.api.port, protocol: config.api.protocol }
      : {}),
  });
  const entry = { stripe, config };
  clients.set(services, entry);
  return entry;
}
