// No PHI in logs (REQUIREMENTS): the app logs at 'trace' into memory while
// client records full of canary values are created, read, listed and
// updated over HTTP, and while bad inputs carrying the canary fail in every
// way we know (validation, malformed JSON, unknown keys, wrong sign-in,
// GET query strings). The captured text must never contain the canary.
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PUBLISHABLE_KEY_HEADER, STAFF_SESSION_COOKIE } from '../../src/trpc/context.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestPractice, signedInStaff, type TestPractice } from '../support/fixtures.js';
import { CANARY_TOKEN } from './support/bad-inputs.js';
import { buildIntakeObjects } from '../support/intake-world.js';
import { buildBookingObjects } from '../support/booking-world.js';

const CANARY = {
  firstName: 'Zelda Zq7Canary',
  lastName: 'Zq7Canary-Lastname',
  email: 'zq7canary.zelda@example.test',
  phone: '+1 555 0199 772',
  dateOfBirth: '1979-02-03',
};
const logLines: string[] = [];
const captured = () => logLines.join('');

let app: TestApp;
let base: string;
let practice: TestPractice;
let cookie: string;
let ownerToken: string;
let clinician: { userId: string; token: string };

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await startTestApp({ logger: createLogger('trace', sink) });
  base = await app.listen();
  practice = await createTestPractice(app, 'logs');
  cookie = `${STAFF_SESSION_COOKIE}=${(await signedInStaff(app, practice.practiceId, 'front_desk')).token}`;
  ownerToken = (await signedInStaff(app, practice.practiceId, 'owner')).token;
  clinician = await signedInStaff(app, practice.practiceId, 'clinician');
});
afterAll(async () => {
  await app?.close();
});

const widget = () => ({ [PUBLISHABLE_KEY_HEADER]: practice.publishableKey, origin: practice.origin, 'idempotency-key': crypto.randomUUID() });
const expectNoCanaryInLogs = (extra: string[] = []) => {
  const text = captured().toLowerCase();
  for (const value of [CANARY_TOKEN, CANARY.email, CANARY.phone, CANARY.dateOfBirth, ...extra]) {
    expect(text.includes(value.toLowerCase()), `logs contain ${value}`).toBe(false);
  }
};

async function post(path: string, body: string, headers: Record<string, string> = { cookie }) {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  return { status: res.status, json: (await res.json()) as { result?: { data: { id: string } } } };
}
async function get(path: string, input: unknown) {
  const res = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  return { status: res.status, text: await res.text() };
}

describe('PHI in logs', () => {
  it('never logs canary values through client create, read, list and update, nor failing inputs', async () => {
    const created = await post('clients.create', JSON.stringify(CANARY));
    expect(created.status).toBe(200);
    const id = created.json.result!.data.id;
    const read = await get('clients.get', { clientId: id });
    expect(read.status).toBe(200);
    expect(read.text).toContain(CANARY.firstName); // the record really holds the canary
    expect((await get('clients.list', { limit: 10 })).status).toBe(200);
    expect((await post('clients.update', JSON.stringify({ clientId: id, lastName: 'Zq7Canary-Renamed', phone: '+1 555 0100 999' }))).status).toBe(200);

    // Failing inputs, each carrying the canary.
    const failures = [
      await post('clients.create', JSON.stringify({ ...CANARY, email: 'Zq7Canary not an email' })),
      await post('clients.create', JSON.stringify({ ...CANARY, 'Zelda Zq7Canary': CANARY.email })),
      await post('clients.create', '{"firstName": Zelda Zq7Canary'),
      await post('clients.create', JSON.stringify({ ...CANARY, lastName: 'Zq7Canary\u0000' })),
      await post('clients.create', JSON.stringify(CANARY)), // duplicate e-mail → CONFLICT
      await post('clients.update', JSON.stringify({ clientId: '00000000-0000-4000-8000-000000000000', firstName: CANARY.firstName })),
      await post('auth.signIn', JSON.stringify({ email: CANARY.email, password: 'Zq7Canary-password' }), {}),
      await post('clientAuth.requestCode', JSON.stringify({ email: 'Zq7Canary@@example' }), {
        [PUBLISHABLE_KEY_HEADER]: practice.publishableKey,
        origin: practice.origin,
      }),
    ];
    expect(failures.map((f) => f.status)).toEqual([400, 400, 400, 400, 409, 404, 401, 400]);
    expect((await get('clients.get', { clientId: 'Zq7Canary Zelda' })).status).toBe(400);
    expect((await get('clients.get', { clientId: id, firstName: CANARY.firstName })).status).toBe(400);

    // Positive control: the requests above were logged (method and path), at trace level.
    const text = captured();
    expect(logLines.length).toBeGreaterThanOrEqual(12);
    for (const path of ['/trpc/clients.create', '/trpc/clients.get', '/trpc/clients.update', '/trpc/auth.signIn']) {
      expect(text).toContain(path);
    }
    expectNoCanaryInLogs(['555 0100 999']);
  });

  it('never logs canary answers or bookers through intake and booking, nor their failures', async () => {
    const intake = await buildIntakeObjects(app, practice, ownerToken, 'LOGS');
    const booking = await buildBookingObjects(app, practice, ownerToken, clinician.userId, 'LOGS');
    const before = logLines.length;
    const client = { firstName: CANARY.firstName, lastName: CANARY.lastName, email: 'zq7canary.intake@example.test' };
    const saved = await post('intake.saveDraft', JSON.stringify({ resumeToken: intake.resumeToken, answers: { concerns: 'Zq7Canary panic at night' } }), widget());
    const submitted = await post(
      'intake.submit',
      JSON.stringify({ formVersionId: intake.versionId, answers: { concerns: 'Zq7Canary panic at night' }, client }),
      widget(),
    );
    const refused = await post(
      'intake.submit',
      JSON.stringify({ formVersionId: intake.versionId, answers: { concerns: 'x', zq7canary_field: 'Zq7Canary' }, client }),
      widget(),
    );
    const badBooker = await post('booking.confirm', JSON.stringify({ holdToken: booking.holdToken, client: { ...client, email: 'Zq7Canary@@' } }), widget());
    const confirmed = await post('booking.confirm', JSON.stringify({ holdToken: booking.holdToken, client: { ...client, email: 'zq7canary.booker@example.test' } }), widget());
    expect([saved.status, submitted.status, refused.status, badBooker.status, confirmed.status]).toEqual([200, 200, 400, 400, 200]);
    const submissionId = (submitted.json.result!.data as unknown as { submissionId: string }).submissionId;
    const read = await fetch(`${base}/trpc/intake.submissions.get?input=${encodeURIComponent(JSON.stringify({ submissionId }))}`, {
      headers: { cookie: `${STAFF_SESSION_COOKIE}=${clinician.token}` },
    });
    expect(await read.text()).toContain('Zq7Canary panic at night'); // the answers really hold the canary
    // Positive control: these requests were logged.
    expect(logLines.length - before).toBeGreaterThanOrEqual(6);
    expect(captured()).toContain('/trpc/intake.submit');
    expectNoCanaryInLogs(['panic at night']);
  });
});
