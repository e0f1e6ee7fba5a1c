// Every tRPC procedure, with how to call it as practice A's principal and
// what tenant isolation means for it. The security suites (tenant isolation,
// fuzz) walk the router and FAIL for any procedure without an entry here, so
// a new procedure cannot ship without saying how it stays inside its tenant.
//
// Adding a procedure: add an entry with
//   principal   how to authenticate (staff role from its `.meta({ roles })`,
//               publishable key + origin, client bearer token, or anonymous)
//   validInput  a valid input as A (fuzzing corrupts this shape)
//   isolation   cases calling it as A with B's ids / in A's scope, or, for
//               anonymous procedures, `tenantFree` saying why there is no tenant.
import { expect } from 'vitest';
import type { AnyRouter } from '@trpc/server';
import type { StaffRole } from '../../src/generated/prisma/enums.js';
import type { TestApp } from './test-app.js';
import type { World } from './tenant-world.js';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'public' }
  | { kind: 'client' }
  | { kind: 'staff'; role: StaffRole };

export type IsolationCase =
  /** Called with B's ids: refused with `expect`, and no tenant's rows change. */
  | { kind: 'foreign'; name: string; input: (w: World) => unknown; expect: 'NOT_FOUND' | 'FORBIDDEN' }
  /**
   * No foreign ids: succeeds, answers about A only (no B fingerprint in the
   * result), leaves B's rows untouched; `check` proves it acted on A.
   */
  | {
      kind: 'scoped';
      name: string;
      input?: (w: World) => unknown;
      check: (result: unknown, w: World, app: TestApp) => void | Promise<void>;
    }
  /** B's id must be indistinguishable from an id that exists nowhere (no existence oracle). */
  | { kind: 'like-unknown'; name: string; input: (w: World) => unknown; unknown: (w: World) => unknown };

export interface ProcedureCase {
  principal: Principal;
  /** Anonymous procedures only: why there is no tenant to isolate. */
  tenantFree?: string;
  validInput: (w: World) => unknown;
  isolation: IsolationCase[];
}

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: { roles?: readonly StaffRole[] } | undefined;
}

/** Every procedure path of a router (tRPC v11 keeps a flat `_def.procedures`). */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: { type: ProcedureInfo['type']; meta?: ProcedureInfo['meta'] } }>;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta }))
    .sort((x, y) => x.path.localeCompare(y.path));
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const owner = { kind: 'staff', role: 'owner' } as const;

async function practiceOfApiKey(app: TestApp, id: string) {
  return (await app.services.prisma.apiKey.findUniqueOrThrow({ where: { id }, select: { practiceId: true } })).practiceId;
}
async function practiceOfClient(app: TestApp, id: string) {
  return (await app.services.prisma.client.findUniqueOrThrow({ where: { id }, select: { practiceId: true } })).practiceId;
}
const idOf = (r: unknown) => (r as { id: string }).id;
const lowest = (ids: string[]) => [...ids].sort()[0]!;
/** A uuid that sorts right next to `id` and exists nowhere (last hex digit changed). */
const neighbourOf = (id: string) => id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');

export const PROCEDURE_CATALOGUE: Record<string, ProcedureCase> = {
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
    isolation: [
      { kind: 'foreign', name: "B's second publishable key", input: (w) => ({ apiKeyId: w.b.apiKeys.extraPublishableId }), expect: 'NOT_FOUND' },
      { kind: 'foreign', name: "B's secret key", input: (w) => ({ apiKeyId: w.b.apiKeys.spareSecretId }), expect: 'NOT_FOUND' },
    ],
  },
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
