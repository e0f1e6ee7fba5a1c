// Catalogue entries for the signed-link procedures (booking.manage.*) and the
// waitlist (see ../procedure-catalogue.ts). Links are minted with the test
// apps' APP_SECRET: a link to B's appointment, used with A's publishable key,
// must look exactly like a link to an appointment that exists nowhere.
import { issueManageToken } from '../../../src/domains/booking/manage-link.js';
import type { World } from '../tenant-world.js';
import type { ProcedureCase } from './types.js';
import { UNKNOWN_ID, unique } from './helpers.js';

const widget = { kind: 'public' } as const;
const TEST_APP_SECRET = 'test-secret-test-secret-test-secret-00';
const DAY = 86_400_000;

/** A valid link for `appointmentId` (the far-off start keeps it unexpired whatever the clock says). */
export const manageTokenFor = (appointmentId: string) =>
  issueManageToken(
    { appSecret: TEST_APP_SECRET, manageLinkMs: 400 * DAY },
    appointmentId,
    new Date(Date.now() + 300 * DAY),
    new Date(),
  );

const unknownLink = () => ({ token: manageTokenFor(UNKNOWN_ID) });

export const bookingManageCatalogue: Record<string, ProcedureCase> = {
  'booking.manage.get': {
    principal: widget,
    validInput: (w: World) => ({ token: manageTokenFor(w.a.booking.appointmentId) }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "a link to B's appointment",
        input: (w) => ({ token: manageTokenFor(w.b.booking.appointmentId) }),
        unknown: unknownLink,
      },
    ],
  },
  // Cancelling or moving A's own appointment would change the world other
  // cases rely on, so the positive input is a well-signed link to nothing.
  'booking.manage.cancel': {
    principal: widget,
    validInput: unknownLink,
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'like-unknown',
        name: "a link to B's appointment (B's stays booked)",
        input: (w) => ({ token: manageTokenFor(w.b.booking.appointmentId) }),
        unknown: unknownLink,
      },
    ],
  },
  'booking.manage.reschedule': {
    principal: widget,
    validInput: (w) => ({ ...unknownLink(), startsAt: w.a.booking.freeSlot }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'like-unknown',
        name: "a link to B's appointment, to B's free slot",
        input: (w) => ({
          token: manageTokenFor(w.b.booking.appointmentId),
          startsAt: w.b.booking.freeSlot,
        }),
        unknown: (w) => ({ ...unknownLink(), startsAt: w.b.booking.freeSlot }),
      },
    ],
  },
  'booking.waitlist.join': {
    principal: widget,
    validInput: (w) => ({
      appointmentTypeId: w.a.booking.typeId,
      ...w.a.booking.range,
      email: `${unique('wait')}@example.test`,
    }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's appointment type",
        input: (w) => ({
          appointmentTypeId: w.b.booking.typeId,
          ...w.a.booking.range,
          email: 'same@example.test',
        }),
        unknown: (w) => ({
          appointmentTypeId: UNKNOWN_ID,
          ...w.a.booking.range,
          email: 'same@example.test',
        }),
      },
      {
        kind: 'like-unknown',
        name: "A's type with B's clinician",
        input: (w) => ({
          appointmentTypeId: w.a.booking.typeId,
          clinicianId: w.b.booking.clinicianId,
          ...w.a.booking.range,
          email: 'same@example.test',
        }),
        unknown: (w) => ({
          appointmentTypeId: w.a.booking.typeId,
          clinicianId: UNKNOWN_ID,
          ...w.a.booking.range,
          email: 'same@example.test',
        }),
      },
    ],
  },
};
