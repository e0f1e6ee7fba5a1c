import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../../test/support/fixtures.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { hashToken } from './session-token.js';

const PUBLIC_URL = 'https://crm.example.test';
const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

function inviteTokenFrom(text: string): string {
  const m = /https:\/\/crm\.example\.test\/console\/#\/accept-invite\?token=(\S+)/.exec(text);
  if (!m) throw new Error('no invite link in the e-mail');
  return decodeURIComponent(m[1]!);
}

describe('staff invitations over real SMTP on postgres', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'therapyCRM <no-reply@crm.example.test>' } });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('invites by e-mail, accepts with a policy-checked password, and the new member can sign in', async () => {
    const p = await createTestPractice(app);
    const owner = await signedInStaff(app, p.practiceId, 'owner');
    const email = `new-clinician-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const { inviteId } = await app.caller({ staffSessionToken: owner.token }).auth.staff.invite({ email, role: 'clinician' });

    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(mail.from).toBe('no-reply@crm.example.test');
    const practice = await app.services.prisma.practice.findUniqueOrThrow({ where: { id: p.practiceId } });
    expect(mail.subject).toContain(practice.name);
    expect(mail.text).not.toContain(email);
    const token = inviteTokenFrom(mail.text);
    const stored = await app.services.prisma.staffInvite.findUniqueOrThrow({ where: { id: inviteId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const anonymous = app.caller({ ip: uniqueIp() });
    await expect(
      anonymous.auth.staff.acceptInvite({ token, displayName: 'Dr. New', password: 'iloveyou2024!' }),
    ).rejects.toMatchObject({ cause: { code: 'VALIDATION_FAILED', details: { reason: 'common' } } });
    await expect(
      anonymous.auth.staff.acceptInvite({ token, displayName: 'Dr. New', password: `${email.split('@')[0]}-x` }),
    ).rejects.toMatchObject({ cause: { details: { reason: 'contains_email' } } });
    const password = 'quiet-meadow-copper-kettle';
    const accepted = await anonymous.auth.staff.acceptInvite({ token, displayName: 'Dr. New', password });
    expect(accepted.practiceId).toBe(p.practiceId);
    // The link works once.
    await expect(anonymous.auth.staff.acceptInvite({ token, displayName: 'Again', password })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const signIn = await anonymous.auth.signIn({ email, password });
    expect(signIn).toMatchObject({ status: 'signed_in', mfa: 'enroll', practice: { id: p.practiceId } });
    const list = await app.caller({ staffSessionToken: owner.token }).auth.staff.list();
    expect(list.members.find((m) => m.userId === accepted.userId)).toMatchObject({ role: 'clinician', displayName: 'Dr. New' });
    expect(list.pendingInvites.find((i) => i.id === inviteId)).toBeUndefined();
    const events = await app.services.prisma.auditEvent.findMany({
      where: { practiceId: p.practiceId, action: { in: ['staff.invite', 'staff.invite_accept'] } },
      select: { action: true, actorId: true, detail: true },
    });
    expect(events.map((e) => e.action).sort()).toEqual(['staff.invite', 'staff.invite_accept']);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it('refuses expired invites, non-owners and inviting an existing member', async () => {
    const p = await createTestPractice(app);
    const owner = app.caller({ staffSessionToken: (await signedInStaff(app, p.practiceId, 'owner')).token });
    const email = `late-${crypto.randomBytes(4).toString('hex')}@example.test`;
    await owner.auth.staff.invite({ email, role: 'front_desk' });
    const token = inviteTokenFrom((await smtp.waitFor((m) => m.to.includes(email))).text);
    expect((await owner.auth.staff.list()).pendingInvites.map((i) => i.email)).toContain(email);
    app.clock.advance(8 * 24 * 3_600_000);
    await expect(
      app.caller().auth.staff.acceptInvite({ token, displayName: 'Late', password: 'quiet-meadow-copper-kettle' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const fresh = app.caller({ staffSessionToken: (await signedInStaff(app, p.practiceId, 'owner')).token });
    const clinician = app.caller({ staffSessionToken: (await signedInStaff(app, p.practiceId, 'clinician')).token });
    await expect(clinician.auth.staff.invite({ email: 'x@example.test', role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(fresh.auth.staff.invite({ email: p.ownerEmail, role: 'biller' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('adds an existing account from another practice only with that account’s password', async () => {
    const home = await createTestPractice(app, 'h');
    const other = await createTestPractice(app, 'o');
    const owner = app.caller({ staffSessionToken: (await signedInStaff(app, other.practiceId, 'owner')).token });
    await owner.auth.staff.invite({ email: home.ownerEmail, role: 'clinician' });
    const token = inviteTokenFrom((await smtp.waitFor((m) => m.to.includes(home.ownerEmail))).text);
    const caller = app.caller({ ip: uniqueIp() });
    await expect(
      caller.auth.staff.acceptInvite({ token, displayName: 'X', password: 'quiet-meadow-copper-kettle' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.auth.staff.acceptInvite({ token, displayName: 'X', password: home.ownerPassword })).resolves.toMatchObject({
      practiceId: other.practiceId,
      userId: home.ownerId,
    });
    const choice = await caller.auth.signIn({ email: home.ownerEmail, password: home.ownerPassword });
    expect(choice.status).toBe('choose_practice');
  });
});

describe('practice sign-up on postgres', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ rateLimitRules: { authByIp: { points: 3, duration: 600 } } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates a practice and owner, refuses weak passwords and foreign accounts, and is limited per IP', async () => {
    const ip = uniqueIp();
    const caller = app.caller({ ip });
    const id = crypto.randomBytes(4).toString('hex');
    const owner = { email: `founder-${id}@example.test`, displayName: 'Founder', password: 'tidal-orchard-velvet-91' };
    const base = { practiceName: 'Calm Waters Counseling', slug: `calm-waters-${id}`, timezone: 'America/Chicago' };
    await expect(caller.auth.signUpPractice({ ...base, owner: { ...owner, password: 'password12345' } })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED', details: { reason: 'common' } },
    });
    const created = await caller.auth.signUpPractice({ ...base, owner });
    expect(created.publishableKey).toMatch(/^pk_/);
    const membership = await app.services.prisma.membership.findFirstOrThrow({
      where: { practiceId: created.practiceId },
      select: { role: true, staffUser: { select: { email: true } } },
    });
    expect(membership).toEqual({ role: 'owner', staffUser: { email: owner.email } });
    // Someone else's e-mail cannot be attached to a new practice without its password.
    await expect(
      caller.auth.signUpPractice({ ...base, slug: `other-${id}`, owner: { ...owner, password: 'another-long-passphrase' } }),
    ).rejects.toMatchObject({ cause: { code: 'CONFLICT', details: { reason: 'account_exists' } } });
    await expect(caller.auth.signUpPractice({ ...base, slug: `third-${id}`, owner })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await expect(app.caller({ ip: uniqueIp() }).auth.signUpPractice({ ...base, slug: `third-${id}`, owner })).resolves.toMatchObject({
      publishableKey: expect.stringMatching(/^pk_/),
    });
  });
});
