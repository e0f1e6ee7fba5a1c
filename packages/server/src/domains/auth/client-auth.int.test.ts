import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, signedInStaff, type TestPractice } from '../../../test/support/fixtures.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/support/smtp.js';
import { hashToken } from './session-token.js';

const PUBLIC_URL = 'https://crm.example.test';
/** JSON of rows (audit rows carry a BigInt sequence number). */
const dump = (rows: unknown) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const uniqueIp = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

function codeFrom(mail: ReceivedMail): string {
  const m = /Your code is (\d{6})/.exec(mail.text);
  if (!m) throw new Error('no code in the e-mail');
  return m[1]!;
}

function linkTokenFrom(mail: ReceivedMail): string {
  const m = /https:\/\/crm\.example\.test\/verify#token=(\S+)/.exec(mail.text);
  if (!m) throw new Error('no link in the e-mail');
  return decodeURIComponent(m[1]!);
}

describe('client e-mail verification over real SMTP on postgres', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  let practice: TestPractice;
  let widget: ReturnType<TestApp['caller']>;
  let practiceName: string;
  const clientEmail = `canary-client-${crypto.randomBytes(4).toString('hex')}@example.test`;
  let clientId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({
      env: { SMTP_URL: smtp.url, PUBLIC_URL },
      rateLimitRules: { emailSend: { points: 3, duration: 3600 } },
    });
    practice = await createTestPractice(app);
    practiceName = (await app.services.prisma.practice.findUniqueOrThrow({ where: { id: practice.practiceId } })).name;
    const staff = await signedInStaff(app, practice.practiceId, 'front_desk');
    ({ id: clientId } = await app
      .caller({ staffSessionToken: staff.token })
      .clients.create({ firstName: 'Canary-Zelda', lastName: 'Canary-Fitzgerald', email: clientEmail, phone: '+15555550199' }));
    widget = app.caller({ publishableKey: practice.publishableKey, origin: practice.origin, ip: uniqueIp() });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  /** Requests a code and returns the e-mail that carried it (the newest one to that address). */
  async function requestMail(email: string, caller = widget): Promise<ReceivedMail> {
    const before = smtp.messages.length;
    await caller.clientAuth.requestCode({ email });
    return smtp.waitFor((m) => smtp.messages.indexOf(m) >= before && m.to.includes(email));
  }

  it('e-mails a code with only the practice name, and the code opens a session linked to the client', async () => {
    const mail = await requestMail(clientEmail);
    expect(mail.subject).toBe(`Your ${practiceName} verification code`);
    expect(mail.text).toContain(practiceName);
    for (const phi of ['Canary-Zelda', 'Canary-Fitzgerald', '5555550199']) {
      expect(mail.raw).not.toContain(phi);
    }
    // The address appears only in the envelope and the To header.
    expect(`${mail.subject}\n${mail.text}`).not.toContain(clientEmail);
    const code = codeFrom(mail);
    const rows = await app.services.prisma.emailVerification.findMany({ where: { practiceId: practice.practiceId } });
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(clientEmail);

    const session = await widget.clientAuth.verifyCode({ email: clientEmail.toUpperCase(), code });
    expect(session.token).toMatch(/^tcs_/);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(app.clock.now().getTime());
    const stored = await app.services.prisma.clientSession.findUniqueOrThrow({ where: { tokenHash: hashToken(session.token) } });
    expect(stored).toMatchObject({ practiceId: practice.practiceId, clientId });
    // Single use.
    await expect(widget.clientAuth.verifyCode({ email: clientEmail, code })).rejects.toMatchObject({
      cause: { code: 'NOT_FOUND', details: { reason: 'invalid_code' } },
    });
    const audit = dump(await app.services.prisma.auditEvent.findMany({ where: { practiceId: practice.practiceId } }));
    expect(audit).not.toContain(clientEmail);
    expect(audit).not.toContain(code);
  });

  it('answers the same for an unknown address and gives it a session without a client', async () => {
    const stranger = `stranger-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const known = await widget.clientAuth.requestCode({ email: clientEmail });
    const unknown = await widget.clientAuth.requestCode({ email: stranger });
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(unknown.expiresAt).toEqual(known.expiresAt);
    const mail = await smtp.waitFor((m) => m.to.includes(stranger));
    const session = await widget.clientAuth.verifyCode({ email: stranger, code: codeFrom(mail) });
    const stored = await app.services.prisma.clientSession.findUniqueOrThrow({ where: { tokenHash: hashToken(session.token) } });
    expect(stored.clientId).toBeNull();
  });

  it('burns a verification after five wrong codes: even the right code and the link then fail', async () => {
    const email = `guess-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const mail = await requestMail(email);
    const code = codeFrom(mail);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      await expect(widget.clientAuth.verifyCode({ email, code: wrong })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const row = await app.services.prisma.emailVerification.findFirstOrThrow({
      where: { practiceId: practice.practiceId, linkTokenHash: hashToken(linkTokenFrom(mail)) },
    });
    expect(row.attempts).toBe(5);
    expect(row.consumedAt).not.toBeNull();
    await expect(widget.clientAuth.verifyCode({ email, code })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(widget.clientAuth.verifyLink({ token: linkTokenFrom(mail) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens a session from the magic link once, only for its own practice, and not after 15 minutes', async () => {
    const email = `link-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const other = await createTestPractice(app, 'b');
    const otherWidget = app.caller({ publishableKey: other.publishableKey, origin: other.origin, ip: uniqueIp() });
    const token = linkTokenFrom(await requestMail(email));
    await expect(otherWidget.clientAuth.verifyLink({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const session = await widget.clientAuth.verifyLink({ token });
    expect(session.token).toMatch(/^tcs_/);
    await expect(widget.clientAuth.verifyLink({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const late = await requestMail(email);
    app.clock.advance(15 * 60_000 + 1000);
    await expect(widget.clientAuth.verifyCode({ email, code: codeFrom(late) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(widget.clientAuth.verifyLink({ token: linkTokenFrom(late) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('only the newest code for an address works', async () => {
    const email = `twice-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const first = codeFrom(await requestMail(email));
    const second = codeFrom(await requestMail(email));
    if (first !== second) {
      await expect(widget.clientAuth.verifyCode({ email, code: first })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(widget.clientAuth.verifyCode({ email, code: second })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('limits e-mails per address with the same 429 for known and unknown addresses', async () => {
    const unknown = `flood-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const fresh = await createTestPractice(app, 'f');
    const staff = await signedInStaff(app, fresh.practiceId, 'front_desk');
    const knownEmail = `known-${crypto.randomBytes(4).toString('hex')}@example.test`;
    await app.caller({ staffSessionToken: staff.token }).clients.create({ firstName: 'K', lastName: 'N', email: knownEmail });
    const outcomes: Record<string, unknown> = {};
    for (const email of [knownEmail, unknown]) {
      const caller = app.caller({ publishableKey: fresh.publishableKey, origin: fresh.origin, ip: uniqueIp() });
      for (let i = 0; i < 3; i++) await caller.clientAuth.requestCode({ email });
      const err = await caller.clientAuth.requestCode({ email }).catch((e: { code: string; message: string }) => e);
      outcomes[email] = { code: (err as { code: string }).code, message: (err as { message: string }).message };
    }
    expect(outcomes[knownEmail]).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again later.' });
    expect(outcomes[unknown]).toEqual(outcomes[knownEmail]);
  });

  it('points the magic link at a page on an allowed origin of the key, and nowhere else', async () => {
    const email = `page-${crypto.randomBytes(4).toString('hex')}@example.test`;
    await widget.clientAuth.requestCode({ email, linkUrl: `${practice.origin}/new-client?step=2#old` });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    const m = new RegExp(`${practice.origin.replace(/[.]/g, '\\.')}/new-client\\?step=2#token=(\\S+)`).exec(mail.text);
    expect(m).not.toBeNull();
    await expect(widget.clientAuth.verifyLink({ token: decodeURIComponent(m![1]!) })).resolves.toMatchObject({ token: expect.any(String) });

    await expect(widget.clientAuth.requestCode({ email, linkUrl: 'https://phishing.example/verify' })).rejects.toMatchObject({
      cause: { code: 'VALIDATION_FAILED', details: { field: 'linkUrl', reason: 'origin_not_allowed' } },
    });
    await expect(widget.clientAuth.requestCode({ email, linkUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
