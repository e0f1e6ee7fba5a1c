import crypto from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../../test/support/fixtures.js';

const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

describe('staff TOTP MFA on postgres', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ rateLimitRules: { authByAccount: { points: 3, duration: 600 } } });
  });
  afterAll(async () => {
    await app.close();
  });

  /** The code an authenticator app shows at the app clock's current time (plus `offsetSeconds`). */
  const codeAt = (secret: string, offsetSeconds = 0) =>
    generate({ secret, epoch: Math.floor(app.clock.now().getTime() / 1000) + offsetSeconds });

  async function passwordSession(p: TestPractice): Promise<string> {
    const r = await app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: p.ownerPassword });
    if (r.status !== 'signed_in' || !r.sessionToken) throw new Error('sign-in failed');
    return r.sessionToken;
  }

  async function enrol(p: TestPractice): Promise<{ token: string; secret: string }> {
    const token = await passwordSession(p);
    const staff = app.caller({ staffSessionToken: token, ip: uniqueIp() });
    const { secret } = await staff.auth.mfa.startEnrolment();
    await staff.auth.mfa.confirmEnrolment({ code: await codeAt(secret) });
    return { token, secret };
  }

  it('enrols with an otpauth URI, stores the secret encrypted, and upgrades the session', async () => {
    const p = await createTestPractice(app);
    const token = await passwordSession(p);
    const staff = app.caller({ staffSessionToken: token });
    const { otpauthUri, secret } = await staff.auth.mfa.startEnrolment();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/therapyCRM:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const factor = await app.services.prisma.mfaFactor.findFirstOrThrow({ where: { staffUserId: p.ownerId } });
    expect(factor.secretEnc).not.toContain(secret);
    expect(factor.confirmedAt).toBeNull();

    await expect(staff.auth.mfa.confirmEnrolment({ code: '000000' === (await codeAt(secret)) ? '111111' : '000000' })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED', details: { field: 'code', reason: 'invalid_code' } },
    });
    // Nothing to confirm or verify for an account that never started enrolment.
    const fresh = await createTestPractice(app, 'n');
    const freshStaff = app.caller({ staffSessionToken: await passwordSession(fresh) });
    await expect(freshStaff.auth.mfa.confirmEnrolment({ code: '123456' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(freshStaff.auth.mfa.verify({ code: '123456' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(staff.practice.settings()).rejects.toMatchObject({ cause: { code: 'MFA_REQUIRED', details: { enrolled: false } } });
    await staff.auth.mfa.confirmEnrolment({ code: await codeAt(secret) });
    await expect(staff.practice.settings()).resolves.toMatchObject({ id: p.practiceId });
    await expect(staff.auth.me()).resolves.toMatchObject({ mfa: { enrolled: true, verified: true } });
    // A session with only a password behind it cannot replace the factor.
    const other = app.caller({ staffSessionToken: await passwordSession(p) });
    await expect(other.auth.mfa.startEnrolment()).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('verifies a later sign-in with a fresh code and refuses the same code twice', async () => {
    const p = await createTestPractice(app);
    const { secret } = await enrol(p);
    // The enrolment code's time step is used up: it cannot verify a new session.
    const second = app.caller({ staffSessionToken: await passwordSession(p) });
    await expect(second.practice.settings()).rejects.toMatchObject({ cause: { code: 'MFA_REQUIRED', details: { enrolled: true } } });
    await expect(second.auth.mfa.verify({ code: await codeAt(secret) })).rejects.toMatchObject({
      cause: { details: { reason: 'invalid_code' } },
    });

    app.clock.advance(30_000);
    const code = await codeAt(secret);
    await second.auth.mfa.verify({ code });
    await expect(second.practice.settings()).resolves.toMatchObject({ id: p.practiceId });

    const third = app.caller({ staffSessionToken: await passwordSession(p) });
    await expect(third.auth.mfa.verify({ code })).rejects.toMatchObject({ cause: { code: 'VALIDATION_FAILED' } });
    await expect(third.practice.settings()).rejects.toMatchObject({ cause: { code: 'MFA_REQUIRED' } });
    const events = await app.services.prisma.auditEvent.findMany({
      where: { practiceId: p.practiceId, action: 'auth.mfa_verify' },
      select: { outcome: true },
    });
    expect(events.map((e) => e.outcome).sort()).toEqual(['failure', 'failure', 'success']);
  });

  it('accepts a code one step old but not two steps old (±1 step window)', async () => {
    const p = await createTestPractice(app);
    const { secret } = await enrol(p);
    app.clock.advance(5 * 60_000);
    const staff = app.caller({ staffSessionToken: await passwordSession(p) });
    await expect(staff.auth.mfa.verify({ code: await codeAt(secret, -60) })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED' },
    });
    await staff.auth.mfa.verify({ code: await codeAt(secret, -30) });
    await expect(staff.practice.settings()).resolves.toBeTruthy();
  });

  it('rate-limits wrong codes per account (429) even from different IPs', async () => {
    const p = await createTestPractice(app);
    const { secret } = await enrol(p);
    app.clock.advance(60_000);
    const token = await passwordSession(p);
    const right = await codeAt(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 3; i++) {
      await expect(app.caller({ staffSessionToken: token, ip: uniqueIp() }).auth.mfa.verify({ code: wrong })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    await expect(app.caller({ staffSessionToken: token, ip: uniqueIp() }).auth.mfa.verify({ code: right })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { code: 'RATE_LIMITED' },
    });
  });
});
