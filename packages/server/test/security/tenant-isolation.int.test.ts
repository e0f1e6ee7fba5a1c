// Generated tenant-isolation matrix: every procedure of the router, called as
// practice A's principal with practice B's ids, must answer not-found (or the
// documented FORBIDDEN) and leave every row of both practices as it was;
// procedures without ids must answer about A only. A procedure without a
// catalogue entry fails the first test (REQUIREMENTS: "every procedure checked
// by a generated matrix").
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/router.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { listProcedures, PROCEDURE_CATALOGUE, type IsolationCase, type ProcedureCase } from '../support/procedure-catalogue.js';
import { buildWorld, fingerprintsOf, type Tenant, type World } from '../support/tenant-world.js';
import { BOOKKEEPING_TABLES, lastAuditId, newAuditRowsSince, rowsReferencing, tenantRows } from './support/row-snapshot.js';
import { callPath, requestInfoFor, settle } from './support/principals.js';

const procedures = listProcedures(appRouter);

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp({ rateLimitRules: { request: { points: 100_000, duration: 60 } } });
  w = await buildWorld(app);
});
afterAll(async () => {
  await app?.close();
});

// A fresh Idempotency-Key on every call: procedures that require one (intake.submit) then get past it.
const callAs = (entry: ProcedureCase, tenant: Tenant, path: string, input: unknown) =>
  settle(callPath(app.caller({ ...requestInfoFor(entry.principal, tenant), idempotencyKey: crypto.randomUUID() }), path, input));

const withoutBookkeeping = (rows: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(rows).filter(([t]) => !BOOKKEEPING_TABLES.has(t)));

const idsOf = (t: Tenant) => [
  t.practice.practiceId,
  ...Object.values(t.clients),
  t.apiKeys.publishableId,
  t.apiKeys.spareSecretId,
  t.apiKeys.extraPublishableId,
  ...Object.values(t.staff).map((s) => s.userId),
  t.spareStaff.userId,
  t.intake.formId,
  t.intake.versionId,
  t.intake.ownOnlyFormId,
  t.intake.draftId,
  t.intake.submissionId,
  t.intake.fileId,
  t.booking.typeId,
  t.booking.requestTypeId,
  t.booking.appointmentId,
  t.booking.requestedAppointmentId,
  t.booking.timeOffId,
];

/** Runs `call` and proves it changed nothing of B, and nothing of A beyond what `aMayChange` allows. */
async function expectTenantsIntact(call: () => Promise<void>, aMayChange: boolean) {
  const bBefore = await tenantRows(app, w.b.practice.practiceId);
  const aBefore = withoutBookkeeping(await tenantRows(app, w.a.practice.practiceId));
  const auditMark = await lastAuditId(app);
  await call();
  expect(await tenantRows(app, w.b.practice.practiceId), "B's rows changed").toEqual(bBefore);
  if (!aMayChange) {
    expect(withoutBookkeeping(await tenantRows(app, w.a.practice.practiceId)), "A's rows changed").toEqual(aBefore);
  }
  const audit = await newAuditRowsSince(app, auditMark);
  expect(audit.filter((e) => e.practiceId === w.b.practice.practiceId), "audit rows written to B's chain").toEqual([]);
  expect(await rowsReferencing(app, w.a.practice.practiceId, idsOf(w.b)), "A's rows now reference B's ids").toEqual([]);
}

function expectNoFingerprintOfB(value: unknown) {
  const text = JSON.stringify(value) ?? '';
  const leaked = fingerprintsOf(w.b).filter((f) => text.includes(f));
  expect(leaked, "B's identifiers in A's answer").toEqual([]);
}

describe('tenant isolation matrix', () => {
  it('has a catalogue entry for every procedure (add missing ones to test/support/procedure-catalogue.ts)', () => {
    const missing = procedures.filter((p) => !PROCEDURE_CATALOGUE[p.path]).map((p) => p.path);
    if (missing.length) console.error(`Procedures missing from the security catalogue:\n  ${missing.join('\n  ')}`);
    expect(missing).toEqual([]);
    const stale = Object.keys(PROCEDURE_CATALOGUE).filter((path) => !procedures.some((p) => p.path === path));
    expect(stale, 'catalogue entries for procedures that no longer exist').toEqual([]);
  });

  it('lists a sensible number of procedures (the router walk itself works)', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(27);
    expect(procedures.map((p) => p.path)).toContain('clients.get');
  });

  // Outside tRPC: the staff download route takes its tenant from the session too.
  it("GET /files/:id with B's file id is a 404 exactly like an unknown id, and changes nothing", async () => {
    const base = await app.listen();
    const get = (id: string) => fetch(`${base}/files/${id}`, { headers: { cookie: `tcrm_staff=${w.a.staff.clinician.token}` } });
    const own = await get(w.a.intake.fileId);
    expect(own.status).toBe(200); // positive control: A's clinician can download A's file
    await expectTenantsIntact(async () => {
      const foreign = await get(w.b.intake.fileId);
      const unknown = await get(w.b.intake.fileId.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).toBe(await unknown.text());
    }, false);
  });

  for (const proc of procedures) {
    const entry = PROCEDURE_CATALOGUE[proc.path];
    if (!entry) continue;
    describe(proc.path, () => {
      it('has a well-formed entry', () => {
        if (entry.principal.kind === 'anonymous') {
          expect(entry.tenantFree, 'anonymous procedures must say why they are tenant-free').toMatch(/^.{20,}$/);
        } else {
          expect(entry.tenantFree, 'only anonymous procedures are tenant-free').toBeUndefined();
          expect(entry.isolation.length, 'tenant procedures need at least one isolation case').toBeGreaterThan(0);
        }
        if (entry.principal.kind === 'staff' && proc.meta?.roles) {
          expect(proc.meta.roles, 'the catalogue role must be allowed by .meta({ roles })').toContain(entry.principal.role);
        }
      });

      it('answers its catalogue input as A as documented (positive control for the cases below and for fuzzing)', async () => {
        const r = await callAs(entry, w.a, proc.path, entry.validInput(w));
        // Success, unless the entry documents the refusal its valid input gets by design.
        expect(r.ok ? 'ok' : r.code, JSON.stringify(r)).toBe(entry.validOutcome ?? 'ok');
      });

      if (entry.principal.kind !== 'anonymous') {
        it('refuses a call without credentials', async () => {
          const r = await settle(callPath(app.caller({}), proc.path, entry.validInput(w)));
          expect(r).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
        });
      }
      if (entry.principal.kind === 'public' || entry.principal.kind === 'client') {
        it("refuses A's publishable key from B's origin", async () => {
          const info = { ...requestInfoFor(entry.principal, w.a), origin: w.b.practice.origin };
          const r = await settle(callPath(app.caller(info), proc.path, entry.validInput(w)));
          expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        });
      }
      if (entry.principal.kind === 'client') {
        it("refuses A's client session presented with B's publishable key", async () => {
          const info = { ...requestInfoFor(entry.principal, w.b), bearerToken: w.a.clientSession.token };
          const r = await settle(callPath(app.caller(info), proc.path, entry.validInput(w)));
          expect(r).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
        });
      }

      for (const c of entry.isolation) it(`${c.kind}: ${c.name}`, () => runCase(proc.path, entry, c));
    });
  }
});

async function runCase(path: string, entry: ProcedureCase, c: IsolationCase) {
  if (c.kind === 'foreign') {
    await expectTenantsIntact(async () => {
      const r = await callAs(entry, w.a, path, c.input(w));
      expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code: c.expect });
      expectNoFingerprintOfB(r);
    }, c.aMayChange !== undefined);
  } else if (c.kind === 'own-only') {
    await expectTenantsIntact(async () => {
      const r = await callAs(entry, w.a, path, c.input?.(w));
      expectNoFingerprintOfB(r);
      const allowed = c.outcome === 'ok' ? ['ok'] : ([] as string[]).concat(c.outcome);
      expect(allowed, JSON.stringify(r)).toContain(r.ok ? 'ok' : r.code);
    }, true);
  } else if (c.kind === 'scoped') {
    await expectTenantsIntact(async () => {
      const r = await callAs(entry, w.a, path, c.input?.(w));
      if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`);
      expectNoFingerprintOfB(r.value);
      await c.check(r.value, w, app);
    }, true);
  } else {
    await expectTenantsIntact(async () => {
      const foreign = await callAs(entry, w.a, path, c.input(w));
      const unknown = await callAs(entry, w.a, path, c.unknown(w));
      expectNoFingerprintOfB(foreign);
      expect(foreign, "B's id is distinguishable from an unknown id").toEqual(unknown);
    }, false);
  }
}
