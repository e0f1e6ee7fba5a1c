// Inputs of the staff payments procedures (console "Payments").
import { z } from 'zod';
import { instant } from '../booking/booking.schema.js';

export const PAYMENT_STATUSES = [
  'pending',
  'paid',
  'expired',
  'refunded',
  'partially_refunded',
  'due',
  'waived',
] as const;

export const listPaymentsInput = z
  .strictObject({
    status: z.enum(PAYMENT_STATUSES).optional(),
    /** Created at or after `from`, before `to` (ISO instants). */
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((v) => !v.from || !v.to || v.to > v.from, {
    message: '"to" must be after "from"',
    path: ['to'],
  });

export const markCollectedInput = z.strictObject({
  paymentId: z.uuid(),
  method: z.enum(['cash', 'card_in_office', 'check', 'other']),
});

export const waiveInput = z.strictObject({
  paymentId: z.uuid(),
  reason: z.string().trim().max(500).optional(),
});
