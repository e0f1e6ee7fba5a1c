import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, signedInStaff, type TestPractice } from '../../../test/support/fixtures.js';
import { hashToken } from './session-token.js';
import { generate } from 'otplib';

const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;
const MINUTE = 60_000;

describe('staff session lifecycle on postgres', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /**
   * A password sign-in whose MFA step is marked done directly in the
   * database (MFA itself is covered in mfa.int.test.ts).
   */
  async function fullSession(email: string, password: string): Promise<string> {
    const r = await app.caller({ ip: uniqueIp() }).auth.signIn({ email, password });
    if (r.status !== 'signed_in' || !r.sessionToken) throw new Error('sign-in failed');
    await app.services.prisma.session.update({ where: { tokenHash: hashToken(r.sessionToken) }, data: { mfaVerified: true } });
    return r.sessionToken;
  }

  it('ends a session idle for more than 15 minutes', async () => {
    const p = await createTestPractice(app);
    const { token } = await signedInStaff(app, p.practiceId, 'clinician');
    const staff = app.caller({ staffSessionToken: token });
    await staff.auth.me();
    app.clock.advance(14 * MINUTE);
    await expect(staff.auth.me()).resolves.toBeTruthy();
    app.clock.advance(15 * MINUTE + 1000);
    await expect(staff.auth.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'SESSION_EXPIRED', details: { reason: 'idle' } },
    });
    // Once expired it stays ended, even if used again at once.
    await expect(staff.auth.me()).rejects.toMatchObject({ cause: { code: 'UNAUTHENTICATED' } });
  });

  it('ends an active session after 12 hours', async () => {
    const p = await createTestPractice(app);
    const { token } = await signedInStaff(app, p.practiceId, 'clinician');
    const staff = app.caller({ staffSessionToken: token });
    let activeFor = 0;
    for (;;) {
      app.clock.advance(10 * MINUTE);
      activeFor += 10 * MINUTE;
      if (activeFor > 12 * 60 * MINUTE) break;
      await staff.auth.me();
    }
    await expect(staff.auth.me()).rejects.toMatchObject({ cause: { code: 'SESSION_EXPIRED', details: { reason: 'absolute' } } });
  });

  it('changing the password enforces the policy and ends every other session', async () => {
    const p: TestPractice = await createTestPractice(app);
    const current = await fullSession(p.ownerEmail, p.ownerPassword);
    const other = await fullSession(p.ownerEmail, p.ownerPassword);
    const me = app.caller({ staffSessionToken: current });
    await expect(me.auth.changePassword({ currentPassword: 'not-my-password!', newPassword: 'a-fine-new-passphrase' })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED', details: { field: 'currentPassword', reason: 'incorrect' } },
    });
    await expect(me.auth.changePassword({ currentPassword: p.ownerPassword, newPassword: 'Password2024!!' })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED', details: { reason: 'common' } },
    });
    await expect(me.auth.changePassword({ currentPassword: p.ownerPassword, newPassword: 'short-pw' })).rejects.toMatchObject({
      cause: { details: { reason: 'too_short' } },
    });
    await expect(app.caller({ staffSessionToken: other }).auth.me()).resolves.toBeTruthy();

    const newPassword = 'violet-harbour-lantern-42';
    await expect(me.auth.changePassword({ currentPassword: p.ownerPassword, newPassword })).resolves.toEqual({ endedSessions: 1 });
    await expect(app.caller({ staffSessionToken: other }).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(me.auth.me()).resolves.toBeTruthy();
    await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: p.ownerPassword })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(app.caller({ ip: uniqueIp() }).auth.signIn({ email: p.ownerEmail, password: newPassword })).resolves.toMatchObject({
      status: 'signed_in',
    });
  });

  it('disabling a staff member ends their sessions and their sign-in; owners stay protected', async () => {
    const p = await createTestPractice(app);
    const owner = app.caller({ staffSessionToken: await fullSession(p.ownerEmail, p.ownerPassword) });
    const clinician = await signedInStaff(app, p.practiceId, 'clinician');
    const clinicianCaller = app.caller({ staffSessionToken: clinician.token });
    await expect(clinicianCaller.auth.staff.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(clinicianCaller.auth.staff.disable({ userId: p.ownerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await expect(owner.auth.staff.disable({ userId: clinician.userId })).resolves.toEqual({ endedSessions: 1 });
    await expect(clinicianCaller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const list = await owner.auth.staff.list();
    expect(list.members.find((m) => m.userId === clinician.userId)).toMatchObject({ disabled: true, role: 'clinician' });
    const disabledEvent = await app.services.prisma.auditEvent.findFirst({
      where: { practiceId: p.practiceId, action: 'staff.disable', objectId: clinician.userId },
    });
    expect(disabledEvent?.actorId).toBe(p.ownerId);

    await expect(owner.auth.staff.disable({ userId: p.ownerId })).rejects.toMatchObject({
      cause: { code: 'PRECONDITION_FAILED', details: { reason: 'self' } },
    });
    await expect(owner.auth.staff.setRole({ userId: p.ownerId, role: 'clinician' })).rejects.toMatchObject({
      cause: { code: 'PRECONDITION_FAILED', details: { reason: 'last_owner' } },
    });
    // Another practice's staff member is not found, not disabled.
    const elsewhere = await createTestPractice(app, 'x');
    await expect(owner.auth.staff.disable({ userId: elsewhere.ownerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(owner.auth.staff.setRole({ userId: elsewhere.ownerId, role: 'auditor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('owners change roles, and the new role applies to the open session at once', async () => {
    const p = await createTestPractice(app);
    const owner = app.caller({ staffSessionToken: await fullSession(p.ownerEmail, p.ownerPassword) });
    const second = await signedInStaff(app, p.practiceId, 'front_desk');
    const secondCaller = app.caller({ staffSessionToken: second.token });
    await expect(secondCaller.auth.staff.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await owner.auth.staff.setRole({ userId: second.userId, role: 'owner' });
    await expect(secondCaller.auth.staff.list()).resolves.toMatchObject({ members: expect.any(Array) });
    // With a second owner, the first may step down.
    await expect(owner.auth.staff.setRole({ userId: p.ownerId, role: 'clinician' })).resolves.toEqual({ role: 'clinician' });
    await expect(owner.auth.staff.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an owner resets a member’s lost authenticator: factors removed, sessions ended', async () => {
    const p = await createTestPractice(app);
    const owner = app.caller({ staffSessionToken: await fullSession(p.ownerEmail, p.ownerPassword) });
    const member = await signedInStaff(app, p.practiceId, 'clinician');
    const memberCaller = app.caller({ staffSessionToken: member.token });
    const { secret } = await memberCaller.auth.mfa.startEnrolment();
    await memberCaller.auth.mfa.confirmEnrolment({ code: await generate({ secret, epoch: Math.floor(app.clock.now().getTime() / 1000) }) });
    await expect(memberCaller.auth.me()).resolves.toMatchObject({ mfa: { enrolled: true } });

    await expect(memberCaller.auth.staff.resetMfa({ userId: p.ownerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(owner.auth.staff.resetMfa({ userId: p.ownerId })).rejects.toMatchObject({ cause: { details: { reason: 'self' } } });
    const elsewhere = await createTestPractice(app, 'r');
    await expect(owner.auth.staff.resetMfa({ userId: elsewhere.ownerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(owner.auth.staff.resetMfa({ userId: member.userId })).resolves.toEqual({ removedFactors: 1, endedSessions: 1 });
    await expect(memberCaller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await app.services.prisma.mfaFactor.count({ where: { staffUserId: member.userId } })).toBe(0);
    const event = await app.services.prisma.auditEvent.findFirst({ where: { action: 'staff.mfa_reset', objectId: member.userId } });
    expect(event).toMatchObject({ practiceId: p.practiceId, actorId: p.ownerId });

    // Someone who also works for another practice cannot be reset from here.
    await app.services.prisma.membership.create({ data: { practiceId: elsewhere.practiceId, staffUserId: member.userId, role: 'biller' } });
    await expect(owner.auth.staff.resetMfa({ userId: member.userId })).rejects.toMatchObject({
      cause: { code: 'PRECONDITION_FAILED', details: { reason: 'shared_account' } },
    });
  });
});
