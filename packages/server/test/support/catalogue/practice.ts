// Catalogue entries for the practice domain (see ../procedure-catalogue.ts).
import { expect } from 'vitest';
import type { ProcedureCase } from './types.js';
import { idOf, owner, practiceOfApiKey, UNKNOWN_ID } from './helpers.js';

export const practiceCatalogue: Record<string, ProcedureCase> = {

  'practice.publicProfile': {
    principal: { kind: 'public' },
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "A's publishable key answers with A's profile",
        check: (r, w) => expect(idOf(r)).toBe(w.a.practice.practiceId),
      },
    ],
  },
  'practice.settings': {
    principal: owner,
    validInput: () => undefined,
    isolation: [
      { kind: 'scoped', name: "A's settings", check: (r, w) => expect(idOf(r)).toBe(w.a.practice.practiceId) },
    ],
  },
  'practice.update': {
    principal: owner,
    validInput: () => ({ name: 'Renamed Practice A' }),
    isolation: [
      {
        kind: 'scoped',
        name: 'renames A only (the tenant comes from the session, not input)',
        input: () => ({ name: 'Renamed Practice A', timezone: 'Europe/Lisbon' }),
        check: (r, w) => expect(idOf(r)).toBe(w.a.practice.practiceId),
      },
    ],
  },
  'practice.apiKeys.list': {
    principal: owner,
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "lists A's keys only",
        check: (r, w) =>
          expect((r as { id: string }[]).map((k) => k.id)).toEqual(
            expect.arrayContaining([w.a.apiKeys.publishableId, w.a.apiKeys.spareSecretId]),
          ),
      },
    ],
  },
  'practice.apiKeys.create': {
    principal: owner,
    validInput: (w) => ({ kind: 'publishable', label: 'Fuzz site', allowedOrigins: [w.a.practice.origin] }),
    isolation: [
      {
        kind: 'scoped',
        name: "creates the key in A even when listing B's origin",
        input: (w) => ({ kind: 'publishable', label: 'Copy of B', allowedOrigins: [w.b.practice.origin] }),
        check: async (r, w, app) => expect(await practiceOfApiKey(app, idOf(r))).toBe(w.a.practice.practiceId),
      },
    ],
  },
  'practice.apiKeys.setAllowedOrigins': {
    principal: owner,
    validInput: (w) => ({ apiKeyId: w.a.apiKeys.extraPublishableId, allowedOrigins: [w.a.practice.origin] }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's publishable key",
        input: (w) => ({ apiKeyId: w.b.apiKeys.publishableId, allowedOrigins: ['https://attacker.test'] }),
        expect: 'NOT_FOUND',
      },
      {
        kind: 'foreign',
        name: "B's secret key",
        input: (w) => ({ apiKeyId: w.b.apiKeys.spareSecretId, allowedOrigins: [] }),
        expect: 'NOT_FOUND',
      },
    ],
  },
  'practice.apiKeys.revoke': {
    principal: owner,
    validInput: () => ({ apiKeyId: UNKNOWN_ID }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      { kind: 'foreign', name: "B's second publishable key", input: (w) => ({ apiKeyId: w.b.apiKeys.extraPublishableId }), expect: 'NOT_FOUND' },
      { kind: 'foreign', name: "B's secret key", input: (w) => ({ apiKeyId: w.b.apiKeys.spareSecretId }), expect: 'NOT_FOUND' },
    ],
  },
};
