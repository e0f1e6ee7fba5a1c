// The waitlist on real PostgreSQL and a real loopback SMTP server: joining
// (encrypted, no duplicate oracle), a cancelled time offered to the oldest
// matching entry with a hold and an expiry, the next entry when the offer
// lapses, and booking the offered hold through the ordinary confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { bookingWorld, newBookingClock, person } from './booking-test-world.js';
import { issueManageToken } from './manage-link.js';

const TUE_10 = '2026-03-03T15:00:00.000Z';
const MIN = 60_000;
const range = { from: '2026-03-03T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' };

let smtp: TestSmtp;
let app: TestApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({
    clock: newBookingClock(),
    env: { SMTP_URL: smtp.url, WAITLIST_OFFER_MINUTES: '120' },
  });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const drain = async () => {
  while ((await app.services.jobs.runDue(50)) > 0);
};
const entries = (practiceId: string) =>
  app.services.prisma.waitlistEntry.findMany({
    where: { practiceId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true, offeredAppointmentId: true, emailEnc: true },
  });

describe('booking.waitlist', () => {
  it('offers a cancelled time to the oldest matching entry, then to the next when the offer lapses; the offered hold books normally', async () => {
    const w = await bookingWorld(app);
    const other = await bookingWorld(app, 'b');
    const first = 'waiting-first@example.test';
    const second = 'waiting-second@example.test';
    const join = (email: string, extra = {}) =>
      w.widget().booking.waitlist.join({ appointmentTypeId: w.type.id, ...range, email, ...extra });
    expect(await join(first)).toEqual({ status: 'waiting', ...range });
    app.clock.advance(1); // createdAt order is the queue order
    await join(second);
    expect(await join(first)).toEqual({ status: 'waiting', ...range }); // same answer, no second row
    await expect(
      join('other-clinician@example.test', { clinicianId: other.clinician.userId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const joined = await entries(w.practice.practiceId);
    expect(joined).toHaveLength(2);
    expect(joined.map((e) => e.emailEnc).join()).not.toContain('waiting-');
    await expect(
      other
        .widget()
        .booking.waitlist.join({ appointmentTypeId: w.type.id, ...range, email: first }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Someone books TUE_10 and cancels it.
    const hold = await w.widget().booking.hold({
      appointmentTypeId: w.type.id,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    await w
      .widget({ idempotencyKey: 'waitlist-booker-1' })
      .booking.confirm({ holdToken: hold.holdToken, client: person(41) });
    await drain();
    await w.widget().booking.manage.cancel({
      token: issueManageToken(app.config, hold.holdId, new Date(TUE_10), app.clock.now()),
    });
    await drain();

    const [e1, e2] = await entries(w.practice.practiceId);
    expect(e1).toMatchObject({ status: 'offered' });
    expect(e2).toMatchObject({ status: 'waiting' });
    const offered = await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id: e1!.offeredAppointmentId! },
    });
    expect(offered).toMatchObject({ status: 'held', startsAt: new Date(TUE_10), clientId: null });
    expect(offered.holdExpiresAt!.getTime()).toBe(app.clock.now().getTime() + 120 * MIN);
    const mail1 = await smtp.waitFor((m) => m.to.includes(first));
    expect(mail1.subject).toBe(
      `A time opened up with ${await practiceName(w.practice.practiceId)}`,
    );
    expect(mail1.text).toContain('Tuesday, March 3, 2026 at 10:00 AM EST');
    const slug = (
      await app.services.prisma.practice.findUniqueOrThrow({
        where: { id: w.practice.practiceId },
        select: { slug: true },
      })
    ).slug;
    expect(mail1.text).toMatch(
      new RegExp(`${app.config.publicUrl}/p/${slug}/booking/waitlist#hold=thd_[\\w-]+`),
    );
    // The link's page is the practice's, and its token describes the offered time.
    const offerLink = new URL(/https?:\/\/\S+#hold=\S+/.exec(mail1.text)![0]);
    const offerPage = await fetch(`${await app.listen()}${offerLink.pathname}`);
    expect(await offerPage.text()).toContain(
      `<h1>${await practiceName(w.practice.practiceId)}</h1>`,
    );
    await expect(
      w.widget().booking.offer({ holdToken: offerLink.hash.slice('#hold='.length) }),
    ).resolves.toMatchObject({ holdId: e1!.offeredAppointmentId, startsAt: TUE_10 });
    expect(mail1.text).not.toContain(first);
    expect(mail1.text).not.toMatch(/Canary|Consultation/);
    // The time is not on offer to anyone else meanwhile.
    await expect(
      w.widget().booking.hold({
        appointmentTypeId: w.type.id,
        clinicianId: w.clinician.userId,
        startsAt: TUE_10,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // The first offer lapses: the second entry gets the time.
    app.clock.advance(120 * MIN);
    await drain();
    const [l1, l2] = await entries(w.practice.practiceId);
    expect(l1!.status).toBe('removed');
    expect(l2!.status).toBe('offered');
    expect(l2!.offeredAppointmentId).not.toBe(e1!.offeredAppointmentId);
    expect(
      (
        await app.services.prisma.appointment.findUniqueOrThrow({
          where: { id: e1!.offeredAppointmentId! },
        })
      ).status,
    ).toBe('expired');
    const mail2 = await smtp.waitFor((m) => m.to.includes(second));
    const holdToken = /#hold=(thd_[\w-]+)/.exec(mail2.text)![1]!;
    // A link from the lapsed offer books nothing.
    const staleToken = /#hold=(thd_[\w-]+)/.exec(mail1.text)![1]!;
    await expect(
      w
        .widget({ idempotencyKey: 'waitlist-stale-1' })
        .booking.confirm({ holdToken: staleToken, client: person(42) }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|PRECONDITION_FAILED/) });

    const booked = await w
      .widget({ idempotencyKey: 'waitlist-second-1' })
      .booking.confirm({ holdToken, client: { ...person(43), email: second } });
    expect(booked).toMatchObject({
      appointmentId: l2!.offeredAppointmentId,
      status: 'confirmed',
      startsAt: TUE_10,
    });
    app.clock.advance(120 * MIN);
    await drain();
    expect((await entries(w.practice.practiceId)).map((e) => e.status)).toEqual([
      'removed',
      'booked',
    ]);
    app.clock.set(new Date('2026-03-02T12:00:00Z'));
  });

  it('offers nothing when no entry matches the freed time', async () => {
    const w = await bookingWorld(app);
    await w.widget().booking.waitlist.join({
      appointmentTypeId: w.type.id,
      from: '2026-03-04T00:00:00Z',
      to: '2026-03-05T00:00:00Z',
      email: 'later@example.test',
    });
    const hold = await w.widget().booking.hold({
      appointmentTypeId: w.type.id,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    await w
      .widget({ idempotencyKey: 'waitlist-nomatch-1' })
      .booking.confirm({ holdToken: hold.holdToken, client: person(44) });
    await w.widget().booking.manage.cancel({
      token: issueManageToken(app.config, hold.holdId, new Date(TUE_10), app.clock.now()),
    });
    await drain();
    expect((await entries(w.practice.practiceId)).map((e) => e.status)).toEqual(['waiting']);
    const again = await w.widget().booking.hold({
      appointmentTypeId: w.type.id,
      clinicianId: w.clinician.userId,
      startsAt: TUE_10,
    });
    expect(again.holdId).toBeTruthy();
  });
});

describe('booking.waitlist after a declined request', () => {
  it('offers the time of a declined request-to-book appointment to the waitlist', async () => {
    const w = await bookingWorld(app);
    const requestType = await w.createType({
      name: 'Intake request',
      bookingMode: 'request',
      durationMinutes: 50,
      modality: 'telehealth',
    });
    await w
      .widget()
      .booking.waitlist.join({
        appointmentTypeId: requestType.id,
        ...range,
        email: 'after-decline@example.test',
      });
    const hold = await w
      .widget()
      .booking.hold({
        appointmentTypeId: requestType.id,
        clinicianId: w.clinician.userId,
        startsAt: TUE_10,
      });
    await w
      .widget({ idempotencyKey: 'waitlist-request-1' })
      .booking.confirm({ holdToken: hold.holdToken, client: person(45) });
    await drain();
    expect((await entries(w.practice.practiceId)).map((e) => e.status)).toEqual(['waiting']);
    await w.staff.booking.appointments.decline({ appointmentId: hold.holdId });
    await drain();
    const [entry] = await entries(w.practice.practiceId);
    expect(entry!.status).toBe('offered');
    const offered = await app.services.prisma.appointment.findUniqueOrThrow({
      where: { id: entry!.offeredAppointmentId! },
    });
    expect(offered).toMatchObject({
      status: 'held',
      startsAt: new Date(TUE_10),
      appointmentTypeId: requestType.id,
    });
    await smtp.waitFor((m) => m.to.includes('after-decline@example.test'));
  });
});

async function practiceName(id: string) {
  return (
    await app.services.prisma.practice.findUniqueOrThrow({ where: { id }, select: { name: true } })
  ).name;
}
