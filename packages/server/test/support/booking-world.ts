// A tenant's booking objects for the security suites: a clinician available
// around the clock (so slots exist whatever day the tests run), instant and
// request-only appointment types, a confirmed and a requested appointment,
// a live hold, time off and a date override; all through the real procedures.
import crypto from 'node:crypto';
import type { TestPractice } from './fixtures.js';
import type { TestApp } from './test-app.js';

const DAY = 86_400_000;
export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

export interface BookingObjects {
  clinicianId: string;
  typeId: string;
  requestTypeId: string;
  appointmentId: string;
  requestedAppointmentId: string;
  holdToken: string;
  timeOffId: string;
  /** A window with free slots: { from, to } ISO instants. */
  range: { from: string; to: string };
  /** A free slot start inside `range` (for hold inputs). */
  freeSlot: string;
  overrideDate: string;
  /** A `due` late-cancel fee (an appointment cancelled late by staff under the policy). */
  dueFeePaymentId: string;
}

type Slot = { startsAt: string; clinicianId: string };

export async function buildBookingObjects(
  app: TestApp,
  practice: TestPractice,
  ownerToken: string,
  clinicianId: string,
  tag: string,
): Promise<BookingObjects> {
  const staff = app.caller({ staffSessionToken: ownerToken });
  const widget = () => app.caller({ publishableKey: practice.publishableKey, origin: practice.origin, idempotencyKey: crypto.randomUUID() });
  await staff.booking.admin.schedule.setWeeklyHours({ clinicianId, hours: ALL_WEEK });
  const typeFields = { durationMinutes: 50, modality: 'telehealth', slotIntervalMinutes: 60, minNoticeMinutes: 60, maxHorizonDays: 60 } as const;
  const type = (await staff.booking.admin.appointmentTypes.create({ name: `Session ${tag}`, ...typeFields })) as { id: string };
  const requestType = (await staff.booking.admin.appointmentTypes.create({
    name: `Request ${tag}`,
    ...typeFields,
    bookingMode: 'request',
  })) as { id: string };
  const now = app.clock.now().getTime();
  const range = { from: new Date(now + DAY).toISOString(), to: new Date(now + 8 * DAY).toISOString() };
  const slotsOf = async (typeId: string) =>
    ((await widget().booking.availability({ appointmentTypeId: typeId, ...range, timeZone: 'UTC' })) as { slots: Slot[] }).slots;
  const slots = await slotsOf(type.id);
  const client = (n: string) => ({ firstName: `Bea${tag}`, lastName: n, email: `bea-${n}-${tag.toLowerCase()}@example.test` });
  const book = async (typeId: string, startsAt: string, who: string) => {
    const hold = (await widget().booking.hold({ appointmentTypeId: typeId, clinicianId, startsAt })) as { holdId: string; holdToken: string };
    await widget().booking.confirm({ holdToken: hold.holdToken, client: client(who) });
    return hold.holdId;
  };
  const appointmentId = await book(type.id, slots[0]!.startsAt, 'confirmed');
  const requestedAppointmentId = await book(requestType.id, slots[2]!.startsAt, 'requested');
  const hold = (await widget().booking.hold({ appointmentTypeId: type.id, clinicianId, startsAt: slots[4]!.startsAt })) as { holdToken: string };
  const timeOff = (await staff.booking.admin.schedule.addTimeOff({
    clinicianId,
    startsAt: new Date(now + 20 * DAY).toISOString(),
    endsAt: new Date(now + 20 * DAY + 3_600_000).toISOString(),
  })) as { id: string };
  const overrideDate = new Date(now + 25 * DAY).toISOString().slice(0, 10);
  await staff.booking.admin.schedule.setDateOverride({ clinicianId, date: overrideDate, hours: [] });
  // Late-cancel fee: every slot in `range` is inside this type's 30-day window.
  const lateType = (await staff.booking.admin.appointmentTypes.create({
    name: `Late ${tag}`,
    ...typeFields,
    cancellationWindowHours: 720,
    lateCancelFeeCents: 5_000,
  })) as { id: string };
  const lateId = await book(lateType.id, slots[8]!.startsAt, 'late');
  await staff.booking.appointments.cancel({ appointmentId: lateId, refund: 'policy', notifyClient: false });
  const dueFee = await app.services.prisma.payment.findFirstOrThrow({ where: { appointmentId: lateId, status: 'due' }, select: { id: true } });
  return {
    dueFeePaymentId: dueFee.id,
    clinicianId,
    typeId: type.id,
    requestTypeId: requestType.id,
    appointmentId,
    requestedAppointmentId,
    holdToken: hold.holdToken,
    timeOffId: timeOff.id,
    range,
    freeSlot: slots[6]!.startsAt,
    overrideDate,
  };
}
