// Inputs of the public (widget) booking procedures.
import { z } from 'zod';
import { clientFields } from '../clients/clients.schema.js';
import { DAY_MS, canonicalTimeZone, isValidTimeZone } from './availability/zoned-time.js';

/** Longest availability or calendar range one call may ask for. */
export const MAX_RANGE_DAYS = 62;

export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, 'Unknown timezone').transform(canonicalTimeZone);

export const withinRange = (v: { from: Date; to: Date }) =>
  v.to > v.from && v.to.getTime() - v.from.getTime() <= MAX_RANGE_DAYS * DAY_MS;
export const rangeMessage = { message: `"to" must be after "from" and at most ${MAX_RANGE_DAYS} days later`, path: ['to'] };

export const availabilityInput = z
  .strictObject({
    appointmentTypeId: z.uuid(),
    clinicianId: z.uuid().optional(),
    from: instant,
    to: instant,
    timeZone,
  })
  .refine(withinRange, rangeMessage);

export const holdInput = z.strictObject({
  appointmentTypeId: z.uuid(),
  clinicianId: z.uuid(),
  startsAt: instant,
  /** The client's timezone, kept for reminders in their time. */
  timeZone: timeZone.optional(),
});

export const confirmInput = z.strictObject({
  holdToken: z.string().regex(/^thd_[A-Za-z0-9_-]{20,100}$/, 'Hold token'),
  client: z.strictObject({
    firstName: clientFields.firstName,
    lastName: clientFields.lastName,
    email: z.email().max(254),
    phone: clientFields.phone,
  }),
  /** The page the widget is on: Stripe Checkout returns there (same origin as the request only). */
  returnUrl: z.url().max(2048).optional(),
});

export type ConfirmInput = z.infer<typeof confirmInput>;
