// Staff side of booking on real PostgreSQL: the availability editors feed the
// engine, daily caps and buffers hold at claim time, role rules, and tenant
// isolation (practice A's principals with B's ids get NOT_FOUND, nothing moves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInStaff } from '../../../test/support/fixtures.js';
import { bookingWorld, newBookingClock, person, type BookingWorld } from './booking-test-world.js';

const day = (date: string) => ({ from: `${date}T05:00:00Z`, to: `${date}T23:59:00Z`, timeZone: 'America/New_York' });
const times = (slots: { startsAtPractice: string }[]) => slots.map((s) => s.startsAtPractice.slice(11, 16));
const ALL_DAY = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];

describe('booking administration', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ clock: newBookingClock() });
  });
  afterAll(async () => {
    await app.close();
  });

  const slotsOn = async (w: BookingWorld, date: string, typeId = w.type.id) =>
    times((await w.widget().booking.availability({ appointmentTypeId: typeId, ...day(date) })).slots);

  it('date overrides and time off edited by staff change what the widget offers', async () => {
    const w = await bookingWorld(app);
    const c = w.clinician.userId;
    const sched = w.staff.booking.admin.schedule;
    expect(await slotsOn(w, '2026-03-03')).toEqual(ALL_DAY);
    await sched.setDateOverride({ clinicianId: c, date: '2026-03-03', hours: [] });
    await sched.setDateOverride({ clinicianId: c, date: '2026-03-04', hours: [{ startMinute: 780, endMinute: 900 }] });
    await sched.addTimeOff({ clinicianId: c, startsAt: '2026-03-05T14:00:00Z', endsAt: '2026-03-05T17:00:00Z' });
    expect(await slotsOn(w, '2026-03-03')).toEqual([]);
    expect(await slotsOn(w, '2026-03-04')).toEqual(['13:00', '14:00']);
    expect(await slotsOn(w, '2026-03-05')).toEqual(['12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(await sched.dateOverrides({ clinicianId: c, from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { date: '2026-03-03', unavailable: true, hours: [] },
      { date: '2026-03-04', unavailable: false, hours: [{ startMinute: 780, endMinute: 900 }] },
    ]);
    await sched.clearDateOverride({ clinicianId: c, date: '2026-03-03' });
    const [off] = await sched.timeOff({ clinicianId: c, from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    await sched.removeTimeOff({ timeOffId: off!.id });
    expect(await slotsOn(w, '2026-03-03')).toEqual(ALL_DAY);
    expect(await slotsOn(w, '2026-03-05')).toEqual(ALL_DAY);
    const actions = (
      await app.services.prisma.auditEvent.findMany({ where: { practiceId: w.practice.practiceId }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['availability.weekly_hours.set', 'availability.date_override.set', 'availability.time_off.add', 'availability.time_off.remove']),
    );
  });

  it('offers and holds DST-day slots by wall clock through the database (overrides are practice-local dates)', async () => {
    const w = await bookingWorld(app, 'a', { durationMinutes: 30, slotIntervalMinutes: 30, maxHorizonDays: 365 });
    const sched = w.staff.booking.admin.schedule;
    for (const date of ['2026-03-08', '2026-11-01']) {
      await sched.setDateOverride({ clinicianId: w.clinician.userId, date, hours: [{ startMinute: 60, endMinute: 240 }] });
    }
    const spring = (await w.widget().booking.availability({ appointmentTypeId: w.type.id, ...day('2026-03-08') })).slots;
    expect(spring.map((s) => s.startsAtPractice)).toEqual([
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T01:30:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T03:30:00-04:00',
    ]);
    const fall = (await w.widget().booking.availability({ appointmentTypeId: w.type.id, ...day('2026-11-01'), timeZone: 'UTC' })).slots;
    expect(fall.map((s) => [s.startsAtPractice, s.startsAtLocal])).toEqual([
      ['2026-11-01T01:00:00-04:00', '2026-11-01T05:00:00+00:00'],
      ['2026-11-01T01:30:00-04:00', '2026-11-01T05:30:00+00:00'],
      ['2026-11-01T02:00:00-05:00', '2026-11-01T07:00:00+00:00'],
      ['2026-11-01T02:30:00-05:00', '2026-11-01T07:30:00+00:00'],
      ['2026-11-01T03:00:00-05:00', '2026-11-01T08:00:00+00:00'],
      ['2026-11-01T03:30:00-05:00', '2026-11-01T08:30:00+00:00'],
    ]);
    const hold = (startsAt: string) => w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt });
    // The second 01:30 (EST) is not a slot; the first (EDT) is.
    await expect(hold('2026-11-01T06:30:00Z')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(hold('2026-11-01T05:30:00Z')).resolves.toMatchObject({ endsAt: '2026-11-01T06:00:00.000Z' });
    // 01:30 EST, the last slot before the skipped hour, lasts 30 real minutes: until 03:00 EDT.
    await expect(hold('2026-03-08T06:30:00Z')).resolves.toMatchObject({ endsAt: '2026-03-08T07:00:00.000Z' });
  });

  it('enforces daily caps and buffers when a slot is claimed', async () => {
    const w = await bookingWorld(app, 'a', { dailyCap: 1, bufferAfterMinutes: 10, slotIntervalMinutes: 30 });
    const other = await w.createType({ bufferBeforeMinutes: 15 });
    const hold = (typeId: string, startsAt: string) =>
      w.widget().booking.hold({ appointmentTypeId: typeId, clinicianId: w.clinician.userId, startsAt });
    await hold(w.type.id, '2026-03-03T15:00:00Z'); // 10:00–10:50, blocked until 11:00
    expect(await slotsOn(w, '2026-03-03')).toEqual([]);
    await expect(hold(w.type.id, '2026-03-03T18:00:00Z')).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { details: { reason: 'daily_cap' } },
    });
    expect((await slotsOn(w, '2026-03-04')).length).toBeGreaterThan(0);
    // The other type (15-minute buffer before) cannot start at 11:00: its buffer would reach into 10:45–11:00.
    const otherSlots = await slotsOn(w, '2026-03-03', other.id);
    expect(otherSlots.slice(0, 3)).toEqual(['09:00', '12:00', '13:00']);
    await expect(hold(other.id, '2026-03-03T16:00:00Z')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(hold(other.id, '2026-03-03T17:00:00Z')).resolves.toBeTruthy();
  });

  it('applies role rules: clinicians manage only their own calendar, billers see no calendar', async () => {
    const w = await bookingWorld(app);
    const p = w.practice.practiceId;
    const second = await signedInStaff(app, p, 'clinician');
    const frontDesk = await signedInStaff(app, p, 'front_desk');
    const biller = await signedInStaff(app, p, 'biller');
    const as = (token: string) => app.caller({ staffSessionToken: token });
    const hours = (clinicianId: string) => ({ clinicianId, hours: [{ weekday: 2, startMinute: 600, endMinute: 660 }] });

    await expect(as(second.token).booking.admin.schedule.setWeeklyHours(hours(second.userId))).resolves.toEqual({ ok: true });
    await expect(as(second.token).booking.admin.schedule.setWeeklyHours(hours(w.clinician.userId))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(frontDesk.token).booking.admin.schedule.addTimeOff({ clinicianId: second.userId, startsAt: '2026-03-10T00:00:00Z', endsAt: '2026-03-11T00:00:00Z' })).resolves.toBeTruthy();
    await expect(as(second.token).booking.admin.appointmentTypes.create({ name: 'X', durationMinutes: 30, modality: 'telehealth' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(biller.token).booking.appointments.list({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(frontDesk.token).booking.admin.schedule.setWeeklyHours(hours(biller.userId))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const mine = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: second.userId, startsAt: '2026-03-03T15:00:00Z' });
    const theirs = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: '2026-03-03T15:00:00Z' });
    await w.widget({ idempotencyKey: 'role-test-1' }).booking.confirm({ holdToken: theirs.holdToken, client: person(31) });
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z' };
    const ownView = await as(second.token).booking.appointments.list(range);
    expect(ownView.map((a) => a.id)).toEqual([mine.holdId]);
    const ownerView = await w.staff.booking.appointments.list(range);
    expect(ownerView.map((a) => a.id).sort()).toEqual([mine.holdId, theirs.holdId].sort());
    expect(ownerView.find((a) => a.id === theirs.holdId)!.client).toMatchObject({ firstName: 'Canary-First-31', lastName: 'Canary-Last-31' });
    const listed = await app.services.prisma.auditEvent.findFirstOrThrow({
      where: { practiceId: p, action: 'appointment.list', actorId: w.owner.userId },
      select: { detail: true },
    });
    expect(JSON.stringify(listed.detail)).not.toContain('Canary');
    expect((listed.detail as { clientIds: string[] }).clientIds).toHaveLength(1);
  });

  it("keeps tenants apart: A's key and staff with B's ids get NOT_FOUND and change nothing", async () => {
    const a = await bookingWorld(app, 'a');
    const b = await bookingWorld(app, 'b', { bookingMode: 'request' });
    const bHold = await b.widget().booking.hold({ appointmentTypeId: b.type.id, clinicianId: b.clinician.userId, startsAt: '2026-03-03T15:00:00Z' });
    const bReq = await b.widget({ idempotencyKey: 'tenant-b-1' }).booking.confirm({ holdToken: bHold.holdToken, client: person(41) });
    const bHold2 = await b.widget().booking.hold({ appointmentTypeId: b.type.id, clinicianId: b.clinician.userId, startsAt: '2026-03-03T16:00:00Z' });
    const bOff = await b.staff.booking.admin.schedule.addTimeOff({ clinicianId: b.clinician.userId, startsAt: '2026-03-20T00:00:00Z', endsAt: '2026-03-21T00:00:00Z' });
    const snapshot = async () =>
      JSON.stringify([
        await app.services.prisma.appointment.findMany({ where: { practiceId: b.practice.practiceId }, orderBy: { id: 'asc' } }),
        await app.services.prisma.appointmentType.findMany({ where: { practiceId: b.practice.practiceId }, orderBy: { id: 'asc' } }),
        await app.services.prisma.weeklyHours.count({ where: { clinicianId: b.clinician.userId } }),
        await app.services.prisma.timeOff.count({ where: { clinicianId: b.clinician.userId } }),
      ]);
    const before = await snapshot();
    const notFound = { code: 'NOT_FOUND' };
    const widget = a.widget().booking;
    await expect(widget.availability({ appointmentTypeId: b.type.id, ...day('2026-03-03') })).rejects.toMatchObject(notFound);
    await expect(widget.availability({ appointmentTypeId: a.type.id, clinicianId: b.clinician.userId, ...day('2026-03-03') })).rejects.toMatchObject(notFound);
    await expect(widget.hold({ appointmentTypeId: b.type.id, clinicianId: a.clinician.userId, startsAt: '2026-03-03T17:00:00Z' })).rejects.toMatchObject(notFound);
    await expect(widget.hold({ appointmentTypeId: a.type.id, clinicianId: b.clinician.userId, startsAt: '2026-03-03T17:00:00Z' })).rejects.toMatchObject(notFound);
    await expect(a.widget({ idempotencyKey: 'tenant-a-1' }).booking.confirm({ holdToken: bHold2.holdToken, client: person(42) })).rejects.toMatchObject(notFound);
    expect((await widget.appointmentTypes()).map((t) => t.id)).toEqual([a.type.id]);
    expect((await widget.clinicians()).map((c) => c.id)).toEqual([a.clinician.userId]);

    const admin = a.staff.booking;
    await expect(admin.admin.appointmentTypes.update({ appointmentTypeId: b.type.id, name: 'Hijacked' })).rejects.toMatchObject(notFound);
    await expect(admin.admin.schedule.setWeeklyHours({ clinicianId: b.clinician.userId, hours: [] })).rejects.toMatchObject(notFound);
    await expect(admin.admin.schedule.weeklyHours({ clinicianId: b.clinician.userId })).rejects.toMatchObject(notFound);
    await expect(admin.admin.schedule.addTimeOff({ clinicianId: b.clinician.userId, startsAt: '2026-03-10T00:00:00Z', endsAt: '2026-03-11T00:00:00Z' })).rejects.toMatchObject(notFound);
    await expect(admin.admin.schedule.removeTimeOff({ timeOffId: bOff.id })).rejects.toMatchObject(notFound);
    await expect(admin.appointments.approve({ appointmentId: bReq.appointmentId })).rejects.toMatchObject(notFound);
    await expect(admin.appointments.decline({ appointmentId: bReq.appointmentId })).rejects.toMatchObject(notFound);
    const aView = await admin.appointments.list({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z' });
    expect(aView).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
