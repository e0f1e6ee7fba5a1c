// Catalogue entries for the clients domain (see ../procedure-catalogue.ts).
import { expect } from 'vitest';
import type { ProcedureCase } from './types.js';
import { idOf, lowest, neighbourOf, practiceOfClient } from './helpers.js';

export const clientsCatalogue: Record<string, ProcedureCase> = {
  'clients.create': {
    principal: { kind: 'staff', role: 'front_desk' },
    validInput: () => ({ firstName: 'Fuzz', lastName: 'Client' }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's client as guardian",
        input: (w) => ({ firstName: 'Ward', lastName: 'Of B', guardianId: w.b.clients.guardianId }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'scoped',
        name: "an e-mail B already uses is free in A (no cross-tenant duplicate oracle)",
        input: (w) => ({ firstName: 'Same', lastName: 'Email', email: `adult-B${w.b.practice.practiceId.slice(0, 6)}@example.test` }),
        check: async (r, w, app) => expect(await practiceOfClient(app, idOf(r))).toBe(w.a.practice.practiceId),
      },
    ],
  },
  'clients.get': {
    principal: { kind: 'staff', role: 'clinician' },
    validInput: (w) => ({ clientId: w.a.clients.adultId }),
    isolation: [
      { kind: 'foreign', name: "B's adult client", input: (w) => ({ clientId: w.b.clients.adultId }), expect: 'NOT_FOUND' },
      { kind: 'foreign', name: "B's minor client", input: (w) => ({ clientId: w.b.clients.minorId }), expect: 'NOT_FOUND' },
    ],
  },
  'clients.list': {
    principal: { kind: 'staff', role: 'biller' },
    validInput: () => ({ limit: 10 }),
    isolation: [
      {
        kind: 'scoped',
        name: "lists A's clients only",
        input: () => ({ limit: 100 }),
        check: (r, w) =>
          expect((r as { items: { id: string }[] }).items.map((c) => c.id).sort()).toEqual(
            expect.arrayContaining([w.a.clients.adultId, w.a.clients.minorId]),
          ),
      },
      {
        kind: 'like-unknown',
        name: "B's client id as the page cursor",
        // B's lowest id (so A's ids sort after it) against an id next to it
        // that exists nowhere: with a cursor row looked up outside the tenant,
        // B's id returns A's later clients and the unknown one returns none.
        input: (w) => ({ cursor: lowest(Object.values(w.b.clients)), limit: 100 }),
        unknown: (w) => ({ cursor: neighbourOf(lowest(Object.values(w.b.clients))), limit: 100 }),
      },
    ],
  },
  'clients.update': {
    principal: { kind: 'staff', role: 'front_desk' },
    validInput: (w) => ({ clientId: w.a.clients.spareId, lastName: 'Updated' }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's client",
        input: (w) => ({ clientId: w.b.clients.adultId, firstName: 'Hijacked' }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'foreign',
        name: "A's client pointed at B's guardian",
        input: (w) => ({ clientId: w.a.clients.spareId, guardianId: w.b.clients.guardianId }),
        expect: 'NOT_FOUND',
      },
    ],
  },
};
