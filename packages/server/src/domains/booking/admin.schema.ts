// Inputs of the staff booking procedures (appointment types, availability
// editors, calendar).
import { z } from 'zod';
import { isoDate } from '../clients/clients.schema.js';
import { DAY_MS } from './availability/zoned-time.js';
import { instant, rangeMessage, withinRange } from './booking.schema.js';

const minutes = (min: number, max: number) => z.number().int().min(min).max(max);

const typeFields = {
  name: z.string().trim().min(1).max(100),
  durationMinutes: minutes(5, 720),
  modality: z.enum(['in_person', 'telehealth']),
  priceCents: minutes(0, 10_000_000),
  depositCents: minutes(0, 10_000_000),
  clientEligibility: z.enum(['any', 'new_only', 'existing_only']),
  bookingMode: z.enum(['instant', 'request']),
  bufferBeforeMinutes: minutes(0, 240),
  bufferAfterMinutes: minutes(0, 240),
  minNoticeMinutes: minutes(0, 90 * 1440),
  maxHorizonDays: minutes(1, 730),
  slotIntervalMinutes: minutes(5, 720),
  dailyCap: minutes(1, 100).nullable(),
  cancellationWindowHours: minutes(0, 720),
  lateCancelFeeCents: minutes(0, 10_000_000),
  active: z.boolean(),
};

export const createAppointmentTypeInput = z
  .strictObject({
    ...typeFields,
    priceCents: typeFields.priceCents.optional(),
    depositCents: typeFields.depositCents.optional(),
    clientEligibility: typeFields.clientEligibility.optional(),
    bookingMode: typeFields.bookingMode.optional(),
    bufferBeforeMinutes: typeFields.bufferBeforeMinutes.optional(),
    bufferAfterMinutes: typeFields.bufferAfterMinutes.optional(),
    minNoticeMinutes: typeFields.minNoticeMinutes.optional(),
    maxHorizonDays: typeFields.maxHorizonDays.optional(),
    slotIntervalMinutes: typeFields.slotIntervalMinutes.optional(),
    dailyCap: typeFields.dailyCap.optional(),
    cancellationWindowHours: typeFields.cancellationWindowHours.optional(),
    lateCancelFeeCents: typeFields.lateCancelFeeCents.optional(),
    active: typeFields.active.optional(),
  })
  .refine((t) => (t.depositCents ?? 0) <= (t.priceCents ?? 0), {
    message: 'The deposit cannot exceed the price',
    path: ['depositCents'],
  });

export const updateAppointmentTypeInput = z
  .strictObject(typeFields)
  .partial()
  .extend({ appointmentTypeId: z.uuid() });

const minuteRange = z
  .strictObject({ startMinute: minutes(0, 1439), endMinute: minutes(1, 1440) })
  .refine((r) => r.startMinute < r.endMinute, {
    message: 'Start must be before end',
    path: ['endMinute'],
  });

function noOverlaps(ranges: { startMinute: number; endMinute: number }[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.startMinute - b.startMinute);
  return sorted.every((r, i) => i === 0 || sorted[i - 1]!.endMinute <= r.startMinute);
}

export const clinicianInput = z.strictObject({ clinicianId: z.uuid() });

export const setWeeklyHoursInput = z
  .strictObject({
    clinicianId: z.uuid(),
    hours: z
      .array(
        z
          .strictObject({
            weekday: minutes(1, 7),
            startMinute: minutes(0, 1439),
            endMinute: minutes(1, 1440),
          })
          .refine((r) => r.startMinute < r.endMinute, {
            message: 'Start must be before end',
            path: ['endMinute'],
          }),
      )
      .max(70),
  })
  .refine(
    (v) => [1, 2, 3, 4, 5, 6, 7].every((d) => noOverlaps(v.hours.filter((h) => h.weekday === d))),
    {
      message: 'Hours on one weekday must not overlap',
      path: ['hours'],
    },
  );

export const setDateOverrideInput = z.strictObject({
  clinicianId: z.uuid(),
  date: isoDate,
  /** Empty: unavailable all day. Otherwise these hours replace the weekly hours. */
  hours: z.array(minuteRange).max(10).refine(noOverlaps, 'Hours must not overlap'),
});

export const clearDateOverrideInput = z.strictObject({ clinicianId: z.uuid(), date: isoDate });

export const listDateOverridesInput = z
  .strictObject({ clinicianId: z.uuid(), from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to && Date.parse(v.to) - Date.parse(v.from) <= 366 * DAY_MS, {
    message: 'At most a year at a time',
    path: ['to'],
  });

export const addTimeOffInput = z
  .strictObject({ clinicianId: z.uuid(), startsAt: instant, endsAt: instant })
  .refine(
    (v) => v.endsAt > v.startsAt && v.endsAt.getTime() - v.startsAt.getTime() <= 366 * DAY_MS,
    {
      message: 'Time off must end after it starts, within a year',
      path: ['endsAt'],
    },
  );

export const listTimeOffInput = z
  .strictObject({ clinicianId: z.uuid(), from: instant, to: instant })
  .refine((v) => v.to > v.from && v.to.getTime() - v.from.getTime() <= 366 * DAY_MS, {
    message: 'At most a year at a time',
    path: ['to'],
  });

export const timeOffIdInput = z.strictObject({ timeOffId: z.uuid() });

export const appointmentIdInput = z.strictObject({ appointmentId: z.uuid() });

export const listAppointmentsInput = z
  .strictObject({
    from: instant,
    to: instant,
    clinicianId: z.uuid().optional(),
    /** Also list cancelled appointments (with `cancelReason`); the calendar leaves them out. */
    includeCancelled: z.boolean().default(false),
  })
  .refine(withinRange, rangeMessage);

export const cancelAppointmentInput = z.strictObject({
  appointmentId: z.uuid(),
  refund: z.enum(['policy', 'full', 'none']),
  notifyClient: z.boolean(),
});
