// Every procedure, fuzzed over real HTTP with hostile inputs (wrong types,
// huge strings, deep nesting, unknown and prototype keys, malformed JSON,
// unicode oddities), single and batched, with the credentials its catalogue
// entry names. Each answer must be a 4xx or a success, never a 5xx; errors
// carry no stack trace, path or echo of the input's canary; a failed call
// writes no rows; nothing pollutes Object.prototype (REQUIREMENTS: "bad input
// anywhere gets a clear 4xx, never a 5xx, a stack trace or a partial write").
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/router.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { listProcedures, PROCEDURE_CATALOGUE } from '../support/procedure-catalogue.js';
import { buildWorld, type World } from '../support/tenant-world.js';
import { changedCounts, lastAuditId, newAuditRowsSince, tableCounts } from './support/row-snapshot.js';
import { headersFor } from './support/principals.js';
import { badInputFor, CANARY_TOKEN, stringLeafPaths, UNSTORABLE_STRINGS, withLeaf } from './support/bad-inputs.js';
import { callTrpc, internalsIn, itemStatuses, type RawInput } from './support/trpc-http.js';

const procedures = listProcedures(appRouter);
/** Runs per procedure, and a wall-clock budget for all of them (the file must stay under a minute on a busy CI box). */
const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 25);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 25_000);
const PER_PROCEDURE_MS = Math.max(500, Math.floor(BUDGET_MS / procedures.length));
/** Fewer runs than this means the budget is far too small to say anything. */
const MIN_RUNS = Math.min(3, RUNS_PER_PROCEDURE);

let app: TestApp;
let base: string;
let w: World;

beforeAll(async () => {
  const plenty = { points: 1_000_000, duration: 60 };
  // Rate limits would turn the fuzz into a 429 test after a few dozen calls.
  app = await startTestApp({ rateLimitRules: { request: plenty, authByIp: plenty, authByAccount: plenty, emailSend: plenty } });
  base = await app.listen();
  w = await buildWorld(app);
});
afterAll(async () => {
  await app?.close();
});

/** One fuzz call: send, then check status, body and rows. */
async function probe(path: string, type: 'query' | 'mutation', inputs: RawInput[], headers: Record<string, string>) {
  const [countsBefore, auditMark] = await Promise.all([tableCounts(app), lastAuditId(app)]);
  // A fresh Idempotency-Key: procedures that require one (intake.submit, booking.confirm) get past it to the input.
  const answer = await callTrpc(base, path, type, inputs, { ...headers, 'idempotency-key': crypto.randomUUID() });
  const statuses = itemStatuses(answer);
  const context = `${path} ← ${JSON.stringify(inputs).slice(0, 300)}\n→ ${answer.status} ${answer.text.slice(0, 400)}`;

  expect(answer.status, context).toBeLessThan(500);
  for (const s of statuses) expect(s, context).toBeLessThan(500);
  expect(internalsIn(answer.text), context).toEqual([]);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();

  const failed = statuses.every((s) => s >= 400);
  if (failed) {
    expect(answer.text.toLowerCase().includes(CANARY_TOKEN), `error echoes the input's canary\n${context}`).toBe(false);
    expect(changedCounts(countsBefore, await tableCounts(app)), `a failed call wrote rows\n${context}`).toEqual([]);
    const audit = await newAuditRowsSince(app, auditMark);
    expect(audit.filter((e) => e.outcome === 'success'), `a failed call audited a success\n${context}`).toEqual([]);
  }
  return statuses;
}

describe('text the database cannot store', () => {
  it('is refused with a 4xx in every string field of every procedure', async () => {
    // Every call here must fail, so rows are compared once around all of them.
    const countsBefore = await tableCounts(app);
    let probed = 0;
    for (const proc of procedures) {
      const entry = PROCEDURE_CATALOGUE[proc.path];
      if (!entry || proc.type === 'subscription') continue;
      const valid = entry.validInput(w);
      const headers = headersFor(entry.principal, w.a);
      for (const path of stringLeafPaths(valid)) {
        for (const bad of UNSTORABLE_STRINGS) {
          const answer = await callTrpc(base, proc.path, proc.type as 'query' | 'mutation', [{ value: withLeaf(valid, path, bad) }], {
            ...headers,
            'idempotency-key': crypto.randomUUID(),
          });
          const context = `${proc.path} ${path.join('.')} = ${JSON.stringify(bad)} → ${answer.status} ${answer.text.slice(0, 200)}`;
          expect(answer.status, context).toBeGreaterThanOrEqual(400);
          expect(answer.status, context).toBeLessThan(500);
          expect(answer.text.toLowerCase().includes(CANARY_TOKEN), context).toBe(false);
          probed++;
        }
      }
    }
    expect(changedCounts(countsBefore, await tableCounts(app))).toEqual([]);
    // Positive control: the catalogue's valid inputs do contain text fields.
    expect(probed).toBeGreaterThanOrEqual(3 * 10);
  });
});

describe('fuzzing every procedure over HTTP', () => {
  it('fuzzes only procedures it knows how to call (catalogue complete, no subscriptions yet)', () => {
    const missing = procedures.filter((p) => !PROCEDURE_CATALOGUE[p.path]).map((p) => p.path);
    expect(missing, 'add these to test/support/procedure-catalogue.ts').toEqual([]);
    // SSE subscriptions need a streaming client here before they can be fuzzed.
    expect(procedures.filter((p) => p.type === 'subscription').map((p) => p.path)).toEqual([]);
  });

  for (const proc of procedures) {
    const entry = PROCEDURE_CATALOGUE[proc.path];
    if (!entry || proc.type === 'subscription') continue;
    const type = proc.type as 'query' | 'mutation';
    it(`${proc.path} (${type}) answers hostile input with a clean 4xx`, async () => {
      const headers = headersFor(entry.principal, w.a);
      const valid = entry.validInput(w);
      const seen: number[] = [];
      const deadline = Date.now() + PER_PROCEDURE_MS;
      await fc.assert(
        fc.asyncProperty(fc.array(badInputFor(valid), { minLength: 1, maxLength: 3 }), async (inputs) => {
          // Over budget: the remaining runs pass without a call. (fast-check's
          // own time limit would stop waiting for a request still in flight,
          // whose writes would then land in the next procedure's counts.)
          if (Date.now() > deadline && seen.length >= MIN_RUNS) return;
          seen.push(...(await probe(proc.path, type, inputs, headers)));
        }),
        { numRuns: RUNS_PER_PROCEDURE, endOnFailure: true },
      );
      // Positive control: the fuzz reached the procedure (some answers were
      // validation failures, not all authentication or routing refusals).
      expect(seen.length).toBeGreaterThanOrEqual(MIN_RUNS);
      if (proc.type === 'mutation' || valid !== undefined) expect(seen).toContain(400);
    });
  }
});
