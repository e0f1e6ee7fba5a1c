// POST /webhooks/stripe. Mounted before anything parses bodies: the
// signature covers the exact bytes Stripe sent, so the body is read raw and
// verified with the SDK (300 s tolerance, measured on the app's clock).
// Answers carry no detail beyond a code; Stripe only needs the status:
// 2xx = taken (or deliberately ignored), 400 = bad signature (no retry
// will help), 500 = try again later.
import express, { type Router } from 'express';
import type Stripe from 'stripe';
import type { AppServices } from '../../services.js';
import { stripeOf } from './stripe-client.js';
import { takeStripeEvent } from './settle-checkout.js';

/** Stripe's recommended tolerance for the signed timestamp, in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
const MAX_WEBHOOK_BYTES = 512 * 1024;

export function stripeWebhookRouter(services: AppServices): Router {
  const router = express.Router();
  router.post(
    '/',
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    async (req, res) => {
      if (!services.config.stripe) {
        res.status(404).json({ error: { code: 'NOT_FOUND' } });
        return;
      }
      const { stripe, config } = stripeOf(services);
      const signature = req.headers['stripe-signature'];
      let event: Stripe.Event;
      try {
        if (typeof signature !== 'string' || !Buffer.isBuffer(req.body))
          throw new Error('unsigned');
        event = stripe.webhooks.constructEvent(
          req.body,
          signature,
          config.webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
          undefined,
          services.clock.now().getTime(),
        );
      } catch {
        services.logger.warn({ webhook: 'stripe' }, 'webhook signature refused');
        res.status(400).json({ error: { code: 'BAD_SIGNATURE' } });
        return;
      }
      try {
        const outcome = await takeStripeEvent(services, event);
        if (outcome.kind === 'settled') {
          await services.audit.record({
            practiceId: outcome.practiceId,
            actor: { type: 'system', id: 'stripe' },
            action: outcome.action,
            objectType: outcome.action.startsWith('appointment.') ? 'Appointment' : 'Payment',
            objectId: outcome.action.startsWith('appointment.')
              ? outcome.appointmentId
              : outcome.paymentId,
            outcome: 'success',
            detail: {
              eventId: event.id,
              paymentId: outcome.paymentId,
              appointmentId: outcome.appointmentId,
              ...outcome.detail,
            },
          });
        } else if (outcome.kind === 'ignored') {
          services.logger.info(
            { webhook: 'stripe', eventId: event.id, type: event.type, reason: outcome.reason },
            'webhook ignored',
          );
        }
        res.json({ received: true, duplicate: outcome.kind === 'duplicate' });
      } catch (err) {
        services.logger.error(
          { webhook: 'stripe', eventId: event.id, error: (err as Error).name },
          'webhook failed',
        );
        res.status(500).json({ error: { code: 'INTERNAL' } });
      }
    },
  );
  return router;
}
