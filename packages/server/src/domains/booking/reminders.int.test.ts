// Booking e-mails over a real loopback SMTP server, with jobs run by two
// server instances on one PostgreSQL database and one manual clock:
// confirmation with an .ics, reminders at 24 h and 2 h exactly once, change
// and cancellation mails; no client name or address anywhere but To:.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/support/smtp.js';
import { bookingWorld, newBookingClock, person, type BookingWorld } from './booking-test-world.js';
import { issueManageToken } from './manage-link.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const TUE_11 = '2026-03-03T16:00:00.000Z';
const HOUR = 3_600_000;
const START = new Date('2026-03-02T12:00:00Z');

let smtp: TestSmtp;
let app: TestApp;
let second: TestApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  const clock = newBookingClock();
  const env = {
    SMTP_URL: smtp.url,
    REMINDER_LEAD_HOURS: '24,2',
    PUBLIC_URL: 'https://book.example.test',
  };
  app = await startTestApp({ clock, env });
  second = await startTestApp({
    clock,
    env,
    databaseUrl: app.database!.url,
    dataDir: app.dataDir,
    skipMigrations: true,
  });
});
afterAll(async () => {
  await second?.close();
  await app?.close();
  await smtp?.close();
});

/** Both instances poll at once, as two servers would. */
const runBothWorkers = async () => {
  for (;;) {
    const [a, b] = await Promise.all([
      app.services.jobs.runDue(20),
      second.services.jobs.runDue(20),
    ]);
    if (a + b === 0) return;
  }
};

function attachment(mail: ReceivedMail, filename: string): string | null {
  const at =
    mail.raw.indexOf(`filename=${filename}`) >= 0
      ? mail.raw.indexOf(`filename=${filename}`)
      : mail.raw.indexOf(`filename="${filename}"`);
  if (at < 0) return null;
  const partStart = mail.raw.lastIndexOf('\r\n--', at);
  const headerEnd = mail.raw.indexOf('\r\n\r\n', at);
  const headers = mail.raw.slice(partStart, headerEnd);
  const body = mail.raw.slice(headerEnd + 4, mail.raw.indexOf('\r\n--', headerEnd));
  if (/content-transfer-encoding:\s*base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const withoutToHeader = (raw: string) => raw.replace(/^To:.*$/im, '');

function expectNoCanary(mail: ReceivedMail, n: number) {
  const { firstName, lastName, email } = person(n);
  for (const text of [
    mail.subject,
    mail.text,
    withoutToHeader(mail.raw),
    attachment(mail, 'appointment.ics') ?? '',
    attachment(mail, 'cancelled.ics') ?? '',
  ]) {
    expect(text).not.toContain(firstName);
    expect(text).not.toContain(lastName);
    expect(text.toLowerCase()).not.toContain(email.toLowerCase());
    expect(text).not.toContain('Consultation');
  }
}

async function book(w: BookingWorld, n: number, startsAt = TUE_10) {
  const hold = await w
    .widget()
    .booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt });
  await w
    .widget({ idempotencyKey: `reminder-test-${n}` })
    .booking.confirm({ holdToken: hold.holdToken, client: person(n) });
  return hold.holdId;
}

describe('booking e-mails', () => {
  it('confirms with an .ics, then reminds 24 h and 2 h before, each exactly once across two workers', async () => {
    app.clock.set(START);
    const w = await bookingWorld(app);
    const id = await book(w, 31);
    const to = person(31).email;
    await runBothWorkers();
    const confirmation = await smtp.waitFor(
      (m) => m.to.includes(to) && m.subject.includes('is booked'),
    );
    expect(confirmation.subject).toBe(`Your appointment with ${await practiceName(w)} is booked`);
    expect(confirmation.text).toContain(
      'Tuesday, March 3, 2026 at 10:00 AM EST (America/New_York)',
    );
    const slug = await practiceSlug(w);
    expect(confirmation.text).toMatch(
      new RegExp(
        `https://book\\.example\\.test/p/${slug}/booking/manage#token=tma_[\\w-]+\\.[\\w-]{43}`,
      ),
    );
    const ics = attachment(confirmation, 'appointment.ics');
    expect(ics).not.toBeNull();
    expect(ics).toContain('\r\nDTSTART:20260303T150000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20260303T155000Z\r\n');
    expect(ics).toContain(`\r\nUID:${id}@therapycrm\r\n`);
    expect(ics!.replace(/\r\n /g, '')).toContain(
      `SUMMARY:Appointment with ${await practiceName(w)}`,
    );
    expect(confirmation.raw).toMatch(/Content-Type: text\/calendar/i);
    expectNoCanary(confirmation, 31);
    // The manage link in the mail works.
    const token = /#token=(tma_[\w.-]+)/.exec(confirmation.text)![1]!;
    expect((await w.widget().booking.manage.get({ token })).appointmentId).toBe(id);
    // …and its path opens the practice's hosted manage page (the fragment stays in the browser).
    const path = new URL(/https:\/\/book\.example\.test\S+/.exec(confirmation.text)![0]).pathname;
    const page = await fetch(`${await app.listen()}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${await practiceName(w)}</h1>`);
    expect(html).toContain(`<tcrm-booking-manage publishable-key="${w.practice.publishableKey}">`);

    const reminders = () => mailsTo(to).filter((m) => m.subject.startsWith('Reminder'));
    app.clock.set(new Date(Date.parse(TUE_10) - 24 * HOUR - 60_000));
    await runBothWorkers();
    expect(reminders()).toHaveLength(0);
    app.clock.set(new Date(Date.parse(TUE_10) - 24 * HOUR));
    await runBothWorkers();
    await smtp.waitFor((m) => m.to.includes(to) && m.subject.startsWith('Reminder'));
    expect(reminders()).toHaveLength(1);
    app.clock.set(new Date(Date.parse(TUE_10) - 2 * HOUR - 60_000));
    await runBothWorkers();
    expect(reminders()).toHaveLength(1);
    app.clock.set(new Date(Date.parse(TUE_10) - 2 * HOUR));
    await runBothWorkers();
    await smtp.waitFor(
      (m) => m.to.includes(to) && m.subject.startsWith('Reminder') && m !== reminders()[0],
    );
    app.clock.advance(HOUR);
    await runBothWorkers();
    await new Promise((r) => setTimeout(r, 200));
    expect(reminders()).toHaveLength(2);
    for (const m of reminders()) {
      expect(m.text).toContain('10:00 AM EST');
      expectNoCanary(m, 31);
    }
    expect(mailsTo(to).filter((m) => m.subject.includes('is booked'))).toHaveLength(1);
  });

  it('sends change and cancellation mails, and no reminder for a time that moved or was cancelled', async () => {
    app.clock.set(START);
    const w = await bookingWorld(app);
    const id = await book(w, 32);
    const to = person(32).email;
    await runBothWorkers();
    const token = issueManageToken(app.config, id, new Date(TUE_10), app.clock.now());
    const moved = await w.widget().booking.manage.reschedule({ token, startsAt: TUE_11 });
    await runBothWorkers();
    const change = await smtp.waitFor((m) => m.to.includes(to) && m.subject.includes('has moved'));
    expect(change.text).toContain('Tuesday, March 3, 2026 at 11:00 AM EST');
    expect(attachment(change, 'appointment.ics')).toContain('DTSTART:20260303T160000Z');
    expect(attachment(change, 'cancelled.ics')).toContain(`UID:${id}@therapycrm`);
    expectNoCanary(change, 32);

    await w.widget().booking.manage.cancel({ token: moved.manageToken });
    await runBothWorkers();
    const cancellation = await smtp.waitFor(
      (m) => m.to.includes(to) && m.subject.includes('is cancelled'),
    );
    const cancelIcs = attachment(cancellation, 'cancelled.ics')!;
    expect(cancelIcs).toContain('METHOD:CANCEL');
    expect(cancelIcs).toContain(`UID:${moved.appointmentId}@therapycrm`);
    expect(cancellation.text).not.toContain('#token=');
    expectNoCanary(cancellation, 32);

    // The reminders of both the original and the moved time are due now; none is sent.
    app.clock.set(new Date(Date.parse(TUE_11) - 30 * 60_000));
    await runBothWorkers();
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(to).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    const due = await app.services.prisma.job.count({
      where: {
        name: 'appointment.reminder',
        status: 'succeeded',
        payload: { path: ['appointmentId'], equals: id },
      },
    });
    expect(due).toBe(2);
  });
});

async function practiceSlug(w: BookingWorld) {
  return (
    await app.services.prisma.practice.findUniqueOrThrow({
      where: { id: w.practice.practiceId },
      select: { slug: true },
    })
  ).slug;
}

async function practiceName(w: BookingWorld) {
  return (
    await app.services.prisma.practice.findUniqueOrThrow({
      where: { id: w.practice.practiceId },
      select: { name: true },
    })
  ).name;
}
