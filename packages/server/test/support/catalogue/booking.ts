// Catalogue entries for booking: widget procedures, staff editors and the calendar (see ../procedure-catalogue.ts).
import { expect } from 'vitest';
import { ALL_WEEK } from '../booking-world.js';
import type { World } from '../tenant-world.js';
import type { ProcedureCase } from './types.js';
import { owner, UNKNOWN_ID, unique } from './helpers.js';

const widget = { kind: 'public' } as const;
const clinician = { kind: 'staff', role: 'clinician' } as const;
const frontDesk = { kind: 'staff', role: 'front_desk' } as const;
const contains = (id: (w: World) => string) => (r: unknown, w: World) => expect(JSON.stringify(r)).toContain(id(w));
const guest = () => ({ firstName: 'Gil', lastName: 'Guest', email: `${unique('gil')}@example.test` });
/** A hold token of the right shape that was never issued. */
const unknownHold = 'thd_' + 'A'.repeat(43);

export const bookingCatalogue: Record<string, ProcedureCase> = {
  'booking.appointmentTypes': {
    principal: widget,
    validInput: () => undefined,
    isolation: [{ kind: 'scoped', name: "A's types only", check: contains((w) => w.a.booking.typeId) }],
  },
  'booking.clinicians': {
    principal: widget,
    validInput: () => undefined,
    isolation: [{ kind: 'scoped', name: "A's clinicians only", check: contains((w) => w.a.booking.clinicianId) }],
  },
  'booking.availability': {
    principal: widget,
    validInput: (w) => ({ appointmentTypeId: w.a.booking.typeId, ...w.a.booking.range, timeZone: 'UTC' }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's appointment type",
        input: (w) => ({ appointmentTypeId: w.b.booking.typeId, ...w.a.booking.range, timeZone: 'UTC' }),
        unknown: (w) => ({ appointmentTypeId: UNKNOWN_ID, ...w.a.booking.range, timeZone: 'UTC' }),
      },
      {
        kind: 'like-unknown',
        name: "A's type with B's clinician",
        input: (w) => ({ appointmentTypeId: w.a.booking.typeId, clinicianId: w.b.booking.clinicianId, ...w.a.booking.range, timeZone: 'UTC' }),
        unknown: (w) => ({ appointmentTypeId: w.a.booking.typeId, clinicianId: UNKNOWN_ID, ...w.a.booking.range, timeZone: 'UTC' }),
      },
    ],
  },
  'booking.hold': {
    principal: widget,
    validInput: (w) => ({ appointmentTypeId: w.a.booking.typeId, clinicianId: w.a.booking.clinicianId, startsAt: w.a.booking.freeSlot }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's type and clinician at B's free slot",
        input: (w) => ({ appointmentTypeId: w.b.booking.typeId, clinicianId: w.b.booking.clinicianId, startsAt: w.b.booking.freeSlot }),
        unknown: (w) => ({ appointmentTypeId: UNKNOWN_ID, clinicianId: UNKNOWN_ID, startsAt: w.b.booking.freeSlot }),
      },
      {
        kind: 'like-unknown',
        name: "A's type with B's clinician",
        input: (w) => ({ appointmentTypeId: w.a.booking.typeId, clinicianId: w.b.booking.clinicianId, startsAt: w.b.booking.freeSlot }),
        unknown: (w) => ({ appointmentTypeId: w.a.booking.typeId, clinicianId: UNKNOWN_ID, startsAt: w.b.booking.freeSlot }),
      },
    ],
  },
  'booking.offer': {
    principal: widget,
    validInput: (w) => ({ holdToken: w.a.booking.holdToken }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's live hold token (B's hold stays held, nothing of it shown)",
        input: (w) => ({ holdToken: w.b.booking.holdToken }),
        unknown: () => ({ holdToken: unknownHold }),
      },
    ],
  },
  'booking.confirm': {
    principal: widget,
    validInput: () => ({ holdToken: unknownHold, client: guest() }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's live hold token (B's hold stays held)",
        input: (w) => ({ holdToken: w.b.booking.holdToken, client: guest() }),
        unknown: () => ({ holdToken: unknownHold, client: guest() }),
      },
    ],
  },
  'booking.admin.appointmentTypes.list': {
    principal: clinician,
    validInput: () => undefined,
    isolation: [{ kind: 'scoped', name: "A's types only", check: contains((w) => w.a.booking.requestTypeId) }],
  },
  'booking.admin.appointmentTypes.create': {
    principal: owner,
    validInput: () => ({ name: 'Fuzz type', durationMinutes: 30, modality: 'in_person' }),
    isolation: [
      {
        kind: 'scoped',
        name: 'creates the type in A',
        input: () => ({ name: 'Scoped type', durationMinutes: 30, modality: 'in_person' }),
        check: async (r, w, app) => {
          const row = await app.services.prisma.appointmentType.findUniqueOrThrow({ where: { id: (r as { id: string }).id }, select: { practiceId: true } });
          expect(row.practiceId).toBe(w.a.practice.practiceId);
        },
      },
    ],
  },
  'booking.admin.appointmentTypes.update': {
    principal: owner,
    validInput: (w) => ({ appointmentTypeId: w.a.booking.requestTypeId, name: 'Renamed request' }),
    isolation: [
      { kind: 'foreign', name: "B's type", input: (w) => ({ appointmentTypeId: w.b.booking.typeId, active: false }), expect: 'NOT_FOUND' },
    ],
  },
  'booking.admin.schedule.weeklyHours': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId }),
    isolation: [{ kind: 'foreign', name: "B's clinician", input: (w) => ({ clinicianId: w.b.booking.clinicianId }), expect: 'NOT_FOUND' }],
  },
  'booking.admin.schedule.setWeeklyHours': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, hours: ALL_WEEK }),
    isolation: [
      { kind: 'foreign', name: "B's clinician", input: (w) => ({ clinicianId: w.b.booking.clinicianId, hours: [] }), expect: 'NOT_FOUND' },
      {
        kind: 'scoped',
        name: "a clinician working in both practices: A's hours change, B's stay",
        input: (w) => ({ clinicianId: w.shared.forCalendar.userId, hours: [{ weekday: 1, startMinute: 540, endMinute: 600 }] }),
        check: async (_r, w, app) => {
          const rows = await app.services.prisma.weeklyHours.count({
            where: { clinicianId: w.shared.forCalendar.userId, practiceId: w.a.practice.practiceId },
          });
          expect(rows).toBe(1);
        },
      },
    ],
  },
  'booking.admin.schedule.dateOverrides': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, from: w.a.booking.overrideDate, to: w.a.booking.overrideDate }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's clinician",
        input: (w) => ({ clinicianId: w.b.booking.clinicianId, from: w.b.booking.overrideDate, to: w.b.booking.overrideDate }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'booking.admin.schedule.setDateOverride': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, date: w.a.booking.overrideDate, hours: [] }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's clinician",
        input: (w) => ({ clinicianId: w.b.booking.clinicianId, date: w.b.booking.overrideDate, hours: [{ startMinute: 0, endMinute: 60 }] }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'booking.admin.schedule.clearDateOverride': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, date: '2099-01-01' }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's clinician and override date",
        input: (w) => ({ clinicianId: w.b.booking.clinicianId, date: w.b.booking.overrideDate }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'booking.admin.schedule.timeOff': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, ...w.a.booking.range }),
    isolation: [
      { kind: 'foreign', name: "B's clinician", input: (w) => ({ clinicianId: w.b.booking.clinicianId, ...w.b.booking.range }), expect: 'NOT_FOUND' },
    ],
  },
  'booking.admin.schedule.addTimeOff': {
    principal: frontDesk,
    validInput: (w) => ({ clinicianId: w.a.booking.clinicianId, startsAt: w.a.booking.range.to, endsAt: new Date(Date.parse(w.a.booking.range.to) + 3_600_000).toISOString() }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's clinician",
        input: (w) => ({ clinicianId: w.b.booking.clinicianId, startsAt: w.b.booking.range.from, endsAt: w.b.booking.range.to }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'booking.admin.schedule.removeTimeOff': {
    principal: frontDesk,
    validInput: () => ({ timeOffId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [{ kind: 'foreign', name: "B's time off", input: (w) => ({ timeOffId: w.b.booking.timeOffId }), expect: 'NOT_FOUND' }],
  },
  'booking.appointments.list': {
    principal: frontDesk,
    validInput: (w) => w.a.booking.range,
    isolation: [
      { kind: 'scoped', name: "A's calendar only", input: (w) => w.a.booking.range, check: contains((w) => w.a.booking.appointmentId) },
      {
        kind: 'like-unknown',
        name: "filtered by B's clinician",
        input: (w) => ({ ...w.a.booking.range, clinicianId: w.b.booking.clinicianId }),
        unknown: (w) => ({ ...w.a.booking.range, clinicianId: UNKNOWN_ID }),
      },
    ],
  },
  'booking.appointments.approve': {
    principal: frontDesk,
    validInput: () => ({ appointmentId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      { kind: 'foreign', name: "B's requested appointment", input: (w) => ({ appointmentId: w.b.booking.requestedAppointmentId }), expect: 'NOT_FOUND' },
    ],
  },
  'booking.appointments.decline': {
    principal: frontDesk,
    validInput: () => ({ appointmentId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      { kind: 'foreign', name: "B's requested appointment", input: (w) => ({ appointmentId: w.b.booking.requestedAppointmentId }), expect: 'NOT_FOUND' },
      { kind: 'foreign', name: "B's confirmed appointment", input: (w) => ({ appointmentId: w.b.booking.appointmentId }), expect: 'NOT_FOUND' },
    ],
  },
};
