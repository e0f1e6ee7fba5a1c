// Exactly one of 50 concurrent holds of one slot (50 clients, one IP each)
// wins, with the requests split across two server processes on one
// PostgreSQL database: the database's EXCLUDE constraint decides, not any
// process's memory.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestPractice, signedInStaff, type TestPractice } from '../support/fixtures.js';
import { killHard, spawnTs, waitForLine } from './processes.js';

const CONTENDERS = 50;

describe('booking race across two server processes', () => {
  let setup: TestApp;
  let practice: TestPractice;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    // The in-process app only creates the database and the practice; the
    // contenders talk to the two child processes.
    setup = await startTestApp({ db: 'postgres' });
    for (let i = 0; i < 2; i++) {
      const child = spawnTs('test/multi-instance/booking-server.ts', [], {
        DATABASE_URL: setup.database!.url,
        DATA_DIR: setup.dataDir,
        APP_SECRET: 'test-secret-test-secret-test-secret-00',
        // Contenders are 50 different clients (X-Forwarded-For below). From
        // one IP the per-IP hold limits would take over: the bookingHold rule
        // (20 per 10 minutes) would answer most with 429, and the live-hold
        // cap's per-IP lock would queue them one by one, so the EXCLUDE
        // constraint would never see concurrent claims, which is what this
        // test is about.
        TRUST_PROXY: 'loopback',
      });
      servers.push(child);
      const [, port] = await waitForLine(child, /LISTENING (\d+)/, 60_000);
      bases.push(`http://127.0.0.1:${port}`);
    }
  });

  afterAll(async () => {
    for (const child of servers) await killHard(child);
    await setup.close();
  });

  it('lets exactly 1 of 50 concurrent holds win; the other 49 get HTTP 409 CONFLICT', async () => {
    practice = await createTestPractice(setup);
    const clinician = await signedInStaff(setup, practice.practiceId, 'clinician');
    const staff = setup.caller({
      staffSessionToken: (await signedInStaff(setup, practice.practiceId, 'owner')).token,
    });
    await staff.booking.admin.schedule.setWeeklyHours({
      clinicianId: clinician.userId,
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
    });
    const type = await staff.booking.admin.appointmentTypes.create({
      name: 'Race',
      durationMinutes: 50,
      modality: 'telehealth',
      bufferAfterMinutes: 10,
      minNoticeMinutes: 120,
      maxHorizonDays: 14,
    });
    const headers = {
      'content-type': 'application/json',
      'x-tcrm-publishable-key': practice.publishableKey,
      origin: practice.origin,
    };

    // The slot is whatever the server offers (the children run on the real clock).
    const now = Date.now();
    const query = {
      appointmentTypeId: type.id,
      from: new Date(now).toISOString(),
      to: new Date(now + 3 * 86_400_000).toISOString(),
      timeZone: 'UTC',
    };
    const availability = await fetch(
      `${bases[0]}/trpc/booking.availability?input=${encodeURIComponent(JSON.stringify(query))}`,
      { headers },
    );
    expect(availability.status).toBe(200);
    const slot = (
      (await availability.json()) as { result: { data: { slots: { startsAt: string }[] } } }
    ).result.data.slots[0]!;
    expect(slot).toBeTruthy();

    const body = JSON.stringify({
      appointmentTypeId: type.id,
      clinicianId: clinician.userId,
      startsAt: slot.startsAt,
    });
    const results = await Promise.all(
      Array.from({ length: CONTENDERS }, async (_, i) => {
        const base = bases[i % 2]!;
        const res = await fetch(`${base}/trpc/booking.hold`, {
          method: 'POST',
          headers: { ...headers, 'x-forwarded-for': `198.51.100.${i + 1}` },
          body,
        });
        const json = (await res.json()) as {
          result?: unknown;
          error?: { data: { appCode: string } };
        };
        return { server: i % 2, status: res.status, appCode: json.error?.data.appCode ?? null };
      }),
    );

    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(CONTENDERS - 1);
    expect(new Set(losers.map((r) => r.appCode))).toEqual(new Set(['CONFLICT']));
    // Both processes answered, and both turned contenders away.
    expect(new Set(losers.map((r) => r.server))).toEqual(new Set([0, 1]));

    const rows = await setup.services.prisma.appointment.findMany({
      where: { clinicianId: clinician.userId },
      select: { status: true, startsAt: true },
    });
    expect(rows).toEqual([{ status: 'held', startsAt: new Date(slot.startsAt) }]);
  });
});
