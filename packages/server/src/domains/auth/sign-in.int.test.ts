import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice } from '../../../test/support/fixtures.js';
import { provisionPractice } from '../practice/provision.js';

/** What a caller can observe of a failure: tRPC code, message, our code and details. */
async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as { code: string; message: string; cause?: { code?: string; details?: unknown } };
    return { code: e.code, message: e.message, appCode: e.cause?.code, details: e.cause?.details };
  }
  throw new Error('expected the call to fail');
}

/** JSON of rows (audit rows carry a BigInt sequence number). */
const dump = (rows: unknown) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

describe.each(['postgres', 'pglite'] as const)('staff sign-in on %s', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db, rateLimitRules: { authByAccount: { points: 4, duration: 600 } } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs in with the right password into a session that still needs MFA', async () => {
    const p = await createTestPractice(app);
    const r = await app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail.toUpperCase(), password: p.ownerPassword });
    expect(r).toMatchObject({ status: 'signed_in', mfa: 'enroll', practice: { id: p.practiceId } });
    if (r.status !== 'signed_in') throw new Error('unreachable');
    expect(r.sessionToken).toMatch(/^tss_/);
    const staff = app.caller({ staffSessionToken: r.sessionToken });
    await expect(staff.auth.me()).resolves.toMatchObject({
      user: { id: p.ownerId, email: p.ownerEmail },
      role: 'owner',
      practice: { id: p.practiceId },
      mfa: { enrolled: false, verified: false },
    });
    await expect(staff.practice.settings()).rejects.toMatchObject({ cause: { code: 'MFA_REQUIRED' } });
    const audit = await app.services.prisma.auditEvent.findFirst({
      where: { practiceId: p.practiceId, action: 'auth.sign_in', outcome: 'success' },
    });
    expect(audit?.actorId).toBe(p.ownerId);
  });

  it('answers unknown e-mail, wrong password and disabled account identically, without the e-mail in the audit', async () => {
    const p = await createTestPractice(app);
    const disabled = await createTestPractice(app, 'd');
    await app.services.prisma.staffUser.update({ where: { id: disabled.ownerId }, data: { disabledAt: new Date() } });
    const caller = app.caller({ ip: uniqueIp() });
    const unknownEmail = `nobody-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const unknown = await failureOf(caller.auth.signIn({ email: unknownEmail, password: p.ownerPassword }));
    const wrong = await failureOf(caller.auth.signIn({ email: p.ownerEmail, password: 'not-the-password-at-all' }));
    const off = await failureOf(caller.auth.signIn({ email: disabled.ownerEmail, password: disabled.ownerPassword }));
    expect(unknown).toEqual({ code: 'UNAUTHORIZED', message: 'Incorrect e-mail or password', appCode: 'UNAUTHENTICATED', details: undefined });
    expect(wrong).toEqual(unknown);
    expect(off).toEqual(unknown);

    const failures = await app.services.prisma.auditEvent.findMany({ where: { action: 'auth.sign_in', outcome: 'failure' } });
    const reasons = failures.map((f) => (f.detail as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown_account', 'bad_password', 'disabled']));
    expect(failures.find((f) => (f.detail as { reason: string }).reason === 'unknown_account')?.practiceId).toBeNull();
    const everything = dump(await app.services.prisma.auditEvent.findMany());
    expect(everything).not.toContain(unknownEmail);
    expect(everything).not.toContain(p.ownerEmail);
  });

  it('blocks an account after repeated failures with the same 429 for known and unknown e-mails', async () => {
    const p = await createTestPractice(app);
    const unknownEmail = `ghost-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const results: Record<string, Awaited<ReturnType<typeof failureOf>>[]> = { known: [], unknown: [] };
    for (const [kind, email] of [['known', p.ownerEmail], ['unknown', unknownEmail]] as const) {
      // A different IP for each attempt: the per-account limit alone must stop it.
      for (let i = 0; i < 5; i++) {
        results[kind]!.push(await failureOf(app.caller({ ip: uniqueIp() }).auth.signIn({ email, password: `wrong-${i}-password` })));
      }
    }
    for (const kind of ['known', 'unknown']) {
      expect(results[kind]!.slice(0, 4).map((r) => r.appCode)).toEqual(Array(4).fill('UNAUTHENTICATED'));
      expect(results[kind]![4]).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
    }
    const strip = (r: Awaited<ReturnType<typeof failureOf>>) => ({ ...r, details: undefined });
    expect(strip(results.known![4]!)).toEqual(strip(results.unknown![4]!));
    // Even the right password is refused while the account is blocked.
    await expect(
      app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: p.ownerPassword }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('lists practices only after the password is right, then signs into the chosen one', async () => {
    const first = await createTestPractice(app, 'm');
    const second = await provisionPractice(app.services, {
      name: 'Second Practice',
      slug: `second-${crypto.randomBytes(4).toString('hex')}`,
      timezone: 'Europe/Madrid',
      owner: { email: first.ownerEmail, displayName: 'Owner', password: 'ignored-for-existing-account' },
      allowedOrigins: [],
    });
    const caller = app.caller({ ip: uniqueIp() });
    await expect(caller.auth.signIn({ email: first.ownerEmail, password: 'wrong-password-here' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const choice = await caller.auth.signIn({ email: first.ownerEmail, password: first.ownerPassword });
    expect(choice.status).toBe('choose_practice');
    if (choice.status !== 'choose_practice') throw new Error('unreachable');
    expect(choice.practices.map((x) => x.id).sort()).toEqual([first.practiceId, second.practiceId].sort());
    expect(await app.services.prisma.session.count({ where: { staffUserId: first.ownerId } })).toBe(0);
    const r = await caller.auth.signIn({ email: first.ownerEmail, password: first.ownerPassword, practiceId: second.practiceId });
    expect(r).toMatchObject({ status: 'signed_in', practice: { id: second.practiceId, name: 'Second Practice' } });
  });

  it('over HTTP sets an HttpOnly SameSite=Strict cookie, keeps the token out of the body, and signs out', async () => {
    const p = await createTestPractice(app);
    const base = await app.listen();
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: p.ownerEmail, password: p.ownerPassword }),
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain('tss_');
    expect(JSON.parse(body).result.data).toMatchObject({ status: 'signed_in', mfa: 'enroll' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tcrm_staff=tss_[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { result: { data: { user: { id: string } } } }).result.data.user.id).toBe(p.ownerId);

    const out = await fetch(`${base}/trpc/auth.signOut`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^tcrm_staff=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
    const after = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect(after.status).toBe(401);
  });
});

describe('sign-in timing on postgres', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ rateLimitRules: { authByAccount: { points: 1000, duration: 600 }, authByIp: { points: 1000, duration: 600 } } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('spends about as long on an unknown e-mail as on a wrong password (argon2 runs either way)', async () => {
    const p = await createTestPractice(app);
    const caller = app.caller();
    const time = async (email: string) => {
      const t = performance.now();
      await caller.auth.signIn({ email, password: 'definitely-wrong-password' }).catch(() => {});
      return performance.now() - t;
    };
    await time(p.ownerEmail); // warm-up (dummy hash, connections)
    await time('warm@example.test');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(p.ownerEmail));
      unknown.push(await time(`nobody-${i}@example.test`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    // Without the dummy verification an unknown e-mail answers ~10x faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('sign-in cookie behind a TLS-terminating proxy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('marks the cookie Secure when the request arrived over HTTPS, and not otherwise', async () => {
    const p = await createTestPractice(app);
    const base = await app.listen();
    const signIn = (headers: Record<string, string>) =>
      fetch(`${base}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: p.ownerEmail, password: p.ownerPassword }),
      });
    const https = await signIn({ 'x-forwarded-proto': 'https' });
    expect(https.status).toBe(200);
    expect(https.headers.get('set-cookie')).toMatch(/^tcrm_staff=tss_[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const plain = await signIn({});
    expect(plain.headers.get('set-cookie')).not.toContain('Secure');
  });
});

describe('per-IP sign-in limit on pglite', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', rateLimitRules: { authByIp: { points: 3, duration: 600 } } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts failures across accounts from one IP (password spraying) but not successes', async () => {
    const p = await createTestPractice(app);
    const office = app.caller({ ip: uniqueIp() });
    // A whole practice signing in from one office IP is not an attack.
    for (let i = 0; i < 5; i++) {
      await expect(office.auth.signIn({ email: p.ownerEmail, password: p.ownerPassword })).resolves.toMatchObject({ status: 'signed_in' });
    }
    const sprayer = app.caller({ ip: uniqueIp() });
    for (let i = 0; i < 3; i++) {
      await expect(sprayer.auth.signIn({ email: `victim-${i}@example.test`, password: 'Winter2026-guess' })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    await expect(sprayer.auth.signIn({ email: p.ownerEmail, password: p.ownerPassword })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await expect(office.auth.signIn({ email: p.ownerEmail, password: p.ownerPassword })).resolves.toMatchObject({ status: 'signed_in' });
  });
});
