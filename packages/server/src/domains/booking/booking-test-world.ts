// Test set-up for booking suites: a practice (America/New_York) with an owner,
// a clinician working Mon–Fri 09:00–17:00 and one appointment type, all built
// through the real procedures. Test-only; imported by *.int.test.ts files.
import { ManualClock } from '../../clock.js';
import { createTestPractice, signedInStaff } from '../../../test/support/fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { RequestInfo } from '../../trpc/context.js';

/** Monday 2026-03-02 07:00 in New York. */
export const BOOKING_TEST_NOW = new Date('2026-03-02T12:00:00Z');

export const newBookingClock = () => new ManualClock(BOOKING_TEST_NOW);

export type TypeOptions = Parameters<
  ReturnType<TestApp['caller']>['booking']['admin']['appointmentTypes']['create']
>[0];

export async function bookingWorld(app: TestApp, label = 'a', typeOptions: Partial<TypeOptions> = {}) {
  const practice = await createTestPractice(app, label);
  const owner = await signedInStaff(app, practice.practiceId, 'owner');
  const clinician = await signedInStaff(app, practice.practiceId, 'clinician');
  const staff = app.caller({ staffSessionToken: owner.token });
  await staff.booking.admin.schedule.setWeeklyHours({
    clinicianId: clinician.userId,
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
  });
  const type = await staff.booking.admin.appointmentTypes.create({
    name: 'Consultation',
    durationMinutes: 50,
    modality: 'telehealth',
    slotIntervalMinutes: 60,
    minNoticeMinutes: 60,
    maxHorizonDays: 30,
    ...typeOptions,
  });
  const widget = (extra: Partial<RequestInfo> = {}) =>
    app.caller({ publishableKey: practice.publishableKey, origin: practice.origin, ...extra });
  const createType = (options: Partial<TypeOptions> = {}) =>
    staff.booking.admin.appointmentTypes.create({
      name: 'Another',
      durationMinutes: 50,
      modality: 'in_person',
      slotIntervalMinutes: 60,
      minNoticeMinutes: 60,
      maxHorizonDays: 30,
      ...options,
    });
  return { practice, owner, clinician, staff, type, widget, createType };
}

export type BookingWorld = Awaited<ReturnType<typeof bookingWorld>>;

export const person = (n = 1) => ({
  firstName: `Canary-First-${n}`,
  lastName: `Canary-Last-${n}`,
  email: `canary-${n}@example.test`,
});

/** Calls a procedure over real HTTP; returns status and parsed body. */
export async function trpcHttp(
  base: string,
  path: string,
  input: unknown,
  headers: Record<string, string>,
  method: 'GET' | 'POST' = 'POST',
): Promise<{ status: number; body: any }> {
  const url =
    method === 'GET'
      ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${base}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  return { status: res.status, body: await res.json() };
}
