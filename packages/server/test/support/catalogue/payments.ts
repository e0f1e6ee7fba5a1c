// Catalogue entries for the console's payments (payments.*) and the staff
// cancellation (booking.appointments.cancel, cancelPreview); see
// ../procedure-catalogue.ts. Settling or cancelling A's own rows would change
// the world other cases rely on, so those positive inputs name nothing.
import { expect } from 'vitest';
import type { World } from '../tenant-world.js';
import type { ProcedureCase } from './types.js';
import { owner, UNKNOWN_ID } from './helpers.js';

const biller = { kind: 'staff', role: 'biller' } as const;
const frontDesk = { kind: 'staff', role: 'front_desk' } as const;
const contains = (id: (w: World) => string) => (r: unknown, w: World) =>
  expect(JSON.stringify(r)).toContain(id(w));

export const paymentsCatalogue: Record<string, ProcedureCase> = {
  'payments.list': {
    principal: biller,
    validInput: () => ({}),
    isolation: [
      {
        kind: 'scoped',
        name: "A's payments only",
        input: () => ({}),
        check: contains((w) => w.a.booking.dueFeePaymentId),
      },
      {
        kind: 'scoped',
        name: "A's due fees only",
        input: () => ({ status: 'due', limit: 100 }),
        check: contains((w) => w.a.booking.dueFeePaymentId),
      },
    ],
  },
  'payments.markCollected': {
    principal: biller,
    validInput: () => ({ paymentId: UNKNOWN_ID, method: 'cash' }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'foreign',
        name: "B's due fee (stays due)",
        input: (w) => ({ paymentId: w.b.booking.dueFeePaymentId, method: 'cash' }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'like-unknown',
        name: "B's due fee answers like an unknown id",
        input: (w) => ({ paymentId: w.b.booking.dueFeePaymentId, method: 'check' }),
        unknown: () => ({ paymentId: UNKNOWN_ID, method: 'check' }),
      },
    ],
  },
  'payments.waive': {
    principal: owner,
    validInput: () => ({ paymentId: UNKNOWN_ID, reason: 'Goodwill' }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'foreign',
        name: "B's due fee (stays due)",
        input: (w) => ({ paymentId: w.b.booking.dueFeePaymentId }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'like-unknown',
        name: "B's due fee answers like an unknown id",
        input: (w) => ({ paymentId: w.b.booking.dueFeePaymentId, reason: 'x' }),
        unknown: () => ({ paymentId: UNKNOWN_ID, reason: 'x' }),
      },
    ],
  },
  'booking.appointments.cancel': {
    principal: frontDesk,
    validInput: () => ({ appointmentId: UNKNOWN_ID, refund: 'full', notifyClient: true }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'foreign',
        name: "B's confirmed appointment (stays confirmed)",
        input: (w) => ({
          appointmentId: w.b.booking.appointmentId,
          refund: 'full',
          notifyClient: true,
        }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'foreign',
        name: "B's requested appointment",
        input: (w) => ({
          appointmentId: w.b.booking.requestedAppointmentId,
          refund: 'policy',
          notifyClient: false,
        }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'booking.appointments.cancelPreview': {
    principal: frontDesk,
    validInput: (w) => ({ appointmentId: w.a.booking.appointmentId }),
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's appointment answers like an unknown id",
        input: (w) => ({ appointmentId: w.b.booking.appointmentId }),
        unknown: () => ({ appointmentId: UNKNOWN_ID }),
      },
    ],
  },
};
