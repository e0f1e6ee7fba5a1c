// Hold → confirm through the widget procedures on real PostgreSQL (and the
// core path on PGlite): conflicts, hold expiry, idempotency, eligibility,
// request-to-book, bad input over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createClientSession } from '../auth/client-session.js';
import { bookingWorld, newBookingClock, person, trpcHttp } from './booking-test-world.js';

/** Tuesday 2026-03-03 10:00 New York (EST). */
const TUE_10 = '2026-03-03T15:00:00.000Z';
const TUE_11 = '2026-03-03T16:00:00.000Z';
const MIN = 60_000;

describe.each(['postgres', 'pglite'] as const)('booking flow on %s', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db, clock: newBookingClock() });
  });
  afterAll(async () => {
    await app.close();
  });

  it('holds a free slot once: a second hold of an overlapping time is a CONFLICT, and the slot leaves availability', async () => {
    const w = await bookingWorld(app);
    const range = { appointmentTypeId: w.type.id, from: '2026-03-03T05:00:00Z', to: '2026-03-04T05:00:00Z', timeZone: 'europe/LONDON' };
    const before = await w.widget().booking.availability(range);
    expect(before.practiceTimeZone).toBe('America/New_York');
    expect(before.timeZone).toBe('Europe/London');
    expect(before.slots.map((s) => s.startsAt)).toContain(TUE_10);
    expect(before.slots.find((s) => s.startsAt === TUE_10)).toMatchObject({
      clinicianId: w.clinician.userId,
      startsAtLocal: '2026-03-03T15:00:00+00:00',
      startsAtPractice: '2026-03-03T10:00:00-05:00',
    });

    const hold = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 });
    expect(new Date(hold.expiresAt).getTime() - app.clock.now().getTime()).toBe(10 * MIN);
    await expect(
      w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'That time was just taken' });

    const after = await w.widget().booking.availability(range);
    expect(after.slots.map((s) => s.startsAt)).not.toContain(TUE_10);
    expect(after.slots).toHaveLength(before.slots.length - 1);
    const stored = await app.services.prisma.appointment.findUniqueOrThrow({ where: { id: hold.holdId } });
    expect(stored.holdTokenHash).not.toContain(hold.holdToken.slice(4));
  });

  it('lets an expired hold go: confirm fails with PRECONDITION_FAILED and someone else can hold the slot', async () => {
    const w = await bookingWorld(app);
    const slot = { appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 };
    const first = await w.widget().booking.hold(slot);
    app.clock.advance(10 * MIN);
    try {
      await expect(
        w.widget({ idempotencyKey: 'expired-hold-1' }).booking.confirm({ holdToken: first.holdToken, client: person() }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
      const range = { appointmentTypeId: w.type.id, from: '2026-03-03T14:00:00Z', to: '2026-03-03T17:00:00Z', timeZone: 'UTC' };
      expect((await w.widget().booking.availability(range)).slots.map((s) => s.startsAt)).toContain(TUE_10);
      const second = await w.widget().booking.hold(slot);
      expect(second.holdId).not.toBe(first.holdId);
      const rows = await app.services.prisma.appointment.findMany({
        where: { clinicianId: w.clinician.userId },
        select: { id: true, status: true },
      });
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: first.holdId, status: 'expired' },
          { id: second.holdId, status: 'held' },
        ]),
      );
      expect(await app.services.prisma.client.count({ where: { practiceId: w.practice.practiceId } })).toBe(0);
    } finally {
      app.clock.advance(-10 * MIN);
    }
  });

  it('confirms an instant booking: encrypted client, job with ids only, audit, and a replayed key returns the same booking', async () => {
    const w = await bookingWorld(app);
    const hold = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10, timeZone: 'Europe/Paris' });
    const body = { holdToken: hold.holdToken, client: person(7) };
    const caller = w.widget({ idempotencyKey: 'confirm-key-0001' });
    const booking = await caller.booking.confirm(body);
    expect(booking).toEqual({ appointmentId: hold.holdId, status: 'confirmed', startsAt: TUE_10, endsAt: '2026-03-03T15:50:00.000Z' });
    expect(await caller.booking.confirm(body)).toEqual(booking);
    await expect(caller.booking.confirm({ ...body, client: person(8) })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      cause: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });

    const p = app.services.prisma;
    const appt = await p.appointment.findUniqueOrThrow({ where: { id: hold.holdId } });
    expect(appt).toMatchObject({ status: 'confirmed', holdTokenHash: null, clientTimeZone: 'Europe/Paris' });
    const clients = await p.client.findMany({ where: { practiceId: w.practice.practiceId } });
    expect(clients).toHaveLength(1);
    expect(clients[0]!.id).toBe(appt.clientId);
    expect(JSON.stringify(clients)).not.toContain('Canary');
    const jobs = await p.job.findMany({ where: { dedupeKey: { endsWith: hold.holdId } } });
    expect(jobs.map((j) => [j.name, j.payload])).toEqual([
      ['appointment.booked', { appointmentId: hold.holdId, practiceId: w.practice.practiceId }],
    ]);
    const audits = await p.auditEvent.findMany({ where: { practiceId: w.practice.practiceId, action: { startsWith: 'appointment.' } } });
    expect(audits.map((a) => a.action).sort()).toEqual(['appointment.confirm', 'appointment.hold']);
    const allAudit = await p.auditEvent.findMany({ where: { practiceId: w.practice.practiceId }, select: { action: true, detail: true } });
    expect(JSON.stringify(allAudit)).not.toMatch(/Canary|canary-7/);

    // A second booking with the same e-mail matches the same client.
    const hold2 = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_11 });
    await w.widget({ idempotencyKey: 'confirm-key-0002' }).booking.confirm({ holdToken: hold2.holdToken, client: { ...person(7), email: 'CANARY-7@example.test' } });
    expect(await p.client.count({ where: { practiceId: w.practice.practiceId } })).toBe(1);
    await expect(w.widget().booking.confirm({ holdToken: hold2.holdToken, client: person(7) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('settles two concurrent confirms with one key on one booking, one client, one job', async () => {
    const w = await bookingWorld(app);
    const hold = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 });
    const body = { holdToken: hold.holdToken, client: person(11) };
    const caller = w.widget({ idempotencyKey: 'concurrent-key-1' });
    const [one, two] = await Promise.all([caller.booking.confirm(body), caller.booking.confirm(body)]);
    expect(one).toEqual(two);
    const p = app.services.prisma;
    expect(await p.client.count({ where: { practiceId: w.practice.practiceId } })).toBe(1);
    expect(await p.job.count({ where: { dedupeKey: { endsWith: hold.holdId } } })).toBe(1);
    expect(await p.auditEvent.count({ where: { practiceId: w.practice.practiceId, action: 'appointment.confirm' } })).toBe(1);
  });

  it('request-to-book: confirm leaves the slot requested until staff approve or decline', async () => {
    const w = await bookingWorld(app, 'a', { bookingMode: 'request' });
    const hold = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 });
    const booking = await w.widget({ idempotencyKey: 'request-key-1' }).booking.confirm({ holdToken: hold.holdToken, client: person(3) });
    expect(booking.status).toBe('requested');
    await expect(
      w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const clinicianCaller = app.caller({ staffSessionToken: w.clinician.token });
    await expect(clinicianCaller.booking.appointments.approve({ appointmentId: booking.appointmentId })).resolves.toMatchObject({ status: 'confirmed' });
    await expect(clinicianCaller.booking.appointments.approve({ appointmentId: booking.appointmentId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const names = (await app.services.prisma.job.findMany({ where: { dedupeKey: { endsWith: booking.appointmentId } } })).map((j) => j.name);
    expect(names.sort()).toEqual(['appointment.booked', 'appointment.requested']);

    const hold2 = await w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_11 });
    const req2 = await w.widget({ idempotencyKey: 'request-key-2' }).booking.confirm({ holdToken: hold2.holdToken, client: person(4) });
    await w.staff.booking.appointments.decline({ appointmentId: req2.appointmentId });
    // A declined request frees its slot.
    await expect(w.widget().booking.hold({ appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_11 })).resolves.toBeTruthy();
  });

  it('new-only and existing-only types need a verified e-mail and enforce who may book', async () => {
    const w = await bookingWorld(app);
    const newOnly = await w.createType({ clientEligibility: 'new_only' });
    const existingOnly = await w.createType({ clientEligibility: 'existing_only' });
    const known = person(21);
    await w.staff.clients.create(known);
    const hold = async (typeId: string, startsAt: string) =>
      (await w.widget().booking.hold({ appointmentTypeId: typeId, clinicianId: w.clinician.userId, startsAt })).holdToken;
    const sessionFor = async (email: string) =>
      (await createClientSession(app.services, {
        practiceId: w.practice.practiceId,
        emailHash: await app.services.cipher.blindIndex(w.practice.practiceId, email),
        clientId: null,
      })).token;

    const t1 = await hold(newOnly.id, TUE_10);
    await expect(w.widget({ idempotencyKey: 'elig-0001' }).booking.confirm({ holdToken: t1, client: known })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const knownSession = await sessionFor(known.email);
    await expect(
      w.widget({ idempotencyKey: 'elig-0002', bearerToken: knownSession }).booking.confirm({ holdToken: t1, client: known }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', cause: { details: { reason: 'new_clients_only' } } });
    const stranger = person(22);
    await expect(
      w.widget({ idempotencyKey: 'elig-0003', bearerToken: knownSession }).booking.confirm({ holdToken: t1, client: stranger }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      w.widget({ idempotencyKey: 'elig-0004', bearerToken: await sessionFor(stranger.email) }).booking.confirm({ holdToken: t1, client: stranger }),
    ).resolves.toMatchObject({ status: 'confirmed' });

    const t2 = await hold(existingOnly.id, TUE_11);
    await expect(
      w.widget({ idempotencyKey: 'elig-0005', bearerToken: await sessionFor('nobody@example.test') }).booking.confirm({ holdToken: t2, client: { ...person(23), email: 'nobody@example.test' } }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', cause: { details: { reason: 'existing_clients_only' } } });
    await expect(
      w.widget({ idempotencyKey: 'elig-0006', bearerToken: knownSession }).booking.confirm({ holdToken: t2, client: known }),
    ).resolves.toMatchObject({ status: 'confirmed' });
  });
});

describe('booking over real HTTP', () => {
  let app: TestApp;
  let base: string;
  beforeAll(async () => {
    app = await startTestApp({ clock: newBookingClock() });
    base = await app.listen();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers bad input with a 4xx and writes nothing', async () => {
    const w = await bookingWorld(app);
    const headers = { 'x-tcrm-publishable-key': w.practice.publishableKey, origin: w.practice.origin };
    const good = { appointmentTypeId: w.type.id, clinicianId: w.clinician.userId, startsAt: TUE_10 };
    const counts = async () => ({
      appointments: await app.services.prisma.appointment.count(),
      clients: await app.services.prisma.client.count(),
      keys: await app.services.prisma.idempotencyKey.count(),
    });
    const before = await counts();
    const bad: [string, unknown, number][] = [
      ['booking.hold', { ...good, startsAt: 'tomorrow at ten' }, 400],
      ['booking.hold', { ...good, extra: 1 }, 400],
      ['booking.hold', { ...good, clinicianId: 'not-a-uuid' }, 400],
      ['booking.hold', { ...good, timeZone: 'Mars/Olympus_Mons' }, 400],
      ['booking.hold', { ...good, startsAt: '2026-03-03T15:30:00Z' }, 400], // off the slot grid
      ['booking.hold', { ...good, startsAt: '2026-03-02T13:00:00Z' }, 400], // inside minimum notice
      ['booking.hold', { ...good, startsAt: '2026-03-07T15:00:00Z' }, 400], // Saturday: no hours
      ['booking.hold', { ...good, startsAt: '2026-06-02T14:00:00Z' }, 400], // beyond the horizon
      ['booking.hold', { ...good, appointmentTypeId: '00000000-0000-4000-8000-000000000000' }, 404],
      ['booking.confirm', { holdToken: 'thd_' + 'x'.repeat(43), client: { ...person(), email: 'nope' } }, 400],
      ['booking.confirm', { holdToken: 'thd_' + 'x'.repeat(43), client: person() }, 400], // no Idempotency-Key
    ];
    for (const [path, input, status] of bad) {
      const r = await trpcHttp(base, path, input, headers);
      expect({ path, input, status: r.status }).toEqual({ path, input, status });
      expect(JSON.stringify(r.body)).not.toMatch(/stack|at \/|Canary/);
    }
    const q = await trpcHttp(base, 'booking.availability', { appointmentTypeId: w.type.id, from: '2026-03-03T00:00:00Z', to: '2026-06-03T00:00:00Z', timeZone: 'UTC' }, headers, 'GET');
    expect(q.status).toBe(400);
    expect(await counts()).toEqual(before);

    const ok = await trpcHttp(base, 'booking.hold', good, headers);
    expect(ok.status).toBe(200);
    const again = await trpcHttp(base, 'booking.hold', good, headers);
    expect(again.status).toBe(409);
    expect(again.body.error.data.appCode).toBe('CONFLICT');
  });
});
