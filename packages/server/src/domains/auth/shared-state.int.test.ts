// Auth state that must hold across server instances: sessions, lockout
// counters (PostgreSQL or Redis store) and single-use TOTP steps.
import crypto from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../../test/support/fixtures.js';

const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;
const rules = { authByAccount: { points: 4, duration: 600 } };

async function passwordSession(app: TestApp, p: TestPractice): Promise<string> {
  const r = await app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: p.ownerPassword });
  if (r.status !== 'signed_in' || !r.sessionToken) throw new Error('sign-in failed');
  return r.sessionToken;
}

describe('two server instances on one PostgreSQL database', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp({ rateLimitRules: rules });
    // Same database, same key file, same clock: a second stateless instance.
    two = await startTestApp({ databaseUrl: one.database!.url, dataDir: one.dataDir, clock: one.clock, rateLimitRules: rules, skipMigrations: true });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('a session from one instance works on the other, and sign-out on either ends it', async () => {
    const p = await createTestPractice(one);
    const token = await passwordSession(one, p);
    await expect(two.caller({ staffSessionToken: token }).auth.me()).resolves.toMatchObject({ user: { id: p.ownerId } });
    await two.caller({ staffSessionToken: token }).auth.signOut();
    await expect(one.caller({ staffSessionToken: token }).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('counts failed sign-ins across instances', async () => {
    const p = await createTestPractice(one);
    for (const app of [one, two, one, two]) {
      await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: 'wrong-password-1' })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    for (const app of [one, two]) {
      await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: p.ownerPassword })).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
      });
    }
  });

  it('one TOTP code raced on both instances verifies exactly one session', async () => {
    const p = await createTestPractice(one);
    const first = one.caller({ staffSessionToken: await passwordSession(one, p) });
    const { secret } = await first.auth.mfa.startEnrolment();
    const epoch = () => Math.floor(one.clock.now().getTime() / 1000);
    await first.auth.mfa.confirmEnrolment({ code: await generate({ secret, epoch: epoch() }) });
    one.clock.advance(30_000);
    const code = await generate({ secret, epoch: epoch() });
    const sessions = [await passwordSession(one, p), await passwordSession(two, p)];
    const results = await Promise.allSettled([
      one.caller({ staffSessionToken: sessions[0] }).auth.mfa.verify({ code }),
      two.caller({ staffSessionToken: sessions[1] }).auth.mfa.verify({ code }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});

describe('lockout with the Redis rate-limit store', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { REDIS_URL: 'redis://127.0.0.1:6379' }, rateLimitRules: rules });
  });
  afterAll(async () => {
    await app.close();
  });

  it('blocks known and unknown e-mails alike after repeated failures', async () => {
    const p = await createTestPractice(app);
    const unknown = `redis-ghost-${crypto.randomBytes(6).toString('hex')}@example.test`;
    for (const email of [p.ownerEmail, unknown]) {
      for (let i = 0; i < 4; i++) {
        await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email, password: 'wrong-password-2' })).rejects.toMatchObject({
          code: 'UNAUTHORIZED',
        });
      }
      await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email, password: p.ownerPassword })).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
      });
    }
    // A different practice owner's account is unaffected.
    const other = await createTestPractice(app, 'o');
    await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email: other.ownerEmail, password: other.ownerPassword })).resolves.toMatchObject({
      status: 'signed_in',
    });
  });
});
