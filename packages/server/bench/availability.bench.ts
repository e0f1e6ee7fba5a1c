// Availability benchmark (REQUIREMENTS, Performance): one clinician, 60 days,
// 5,000 appointments inside the window; then the same after adding 100,000
// appointments outside it. Figures are p50/p99 over many calls and ratios
// against baselines measured in the same run (SELECT 1 through the same
// Prisma client; GET /healthz over the same HTTP stack).
//
//   npx tsx bench/availability.bench.ts <out.json> [calls=200]
//
// The HTTP figures are what a production instance runs: cross-origin widget
// requests with a publishable key, request logging at info (to /dev/null),
// the per-IP rate limit counting every request (its budget raised so one IP
// is never refused). They are measured twice, on two instances sharing the
// database: the rate limit in PostgreSQL (the default) and in Redis at
// 127.0.0.1:6379 (REDIS_URL, as a multi-instance deployment may choose).
//
// Needs the PostgreSQL of DESIGN.md (127.0.0.1:5432, or TEST_PG_ADMIN_URL);
// creates a fresh database and drops it afterwards.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { provisionPractice } from '../src/domains/practice/provision.js';
import { findAvailability } from '../src/domains/booking/availability/find-availability.js';
import { SCHEDULE_SQL } from '../src/domains/booking/availability/load-schedules.js';
import pino from 'pino';
import { createTestDatabase } from '../test/support/database.js';

const args = process.argv.slice(2);
const outPath = args[0];
const CALLS = Number(args[1] ?? 200);
if (!outPath) {
  console.error('usage: tsx bench/availability.bench.ts <out.json> [calls]');
  process.exit(2);
}

const DAY = 86_400_000;
const QUARTER = 15 * 60_000;
const NOW = new Date('2026-03-02T12:00:00Z');
const WINDOW_DAYS = 60;
const IN_WINDOW = 5_000;
const OUTSIDE = 100_000;
const WARMUP = 30;

interface Stats {
  p50: number;
  p99: number;
  mean: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    n: s.length,
  };
}

async function measure(fn: () => Promise<unknown>, calls = CALLS): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
}

/** Deterministic shuffle so every run books the same quarter-hours. */
function pick<T>(items: T[], n: number, seed = 7): T[] {
  const a = [...items];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const loadAtStart = os.loadavg();
const db = await createTestDatabase('tcrm_bench');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-bench-'));
const env = {
  NODE_ENV: 'test',
  DATABASE_URL: db.url,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'info',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret',
};
const instance = async (extraEnv: Record<string, string>, skipMigrations: boolean) => {
  const app = await createApp(loadConfig({ ...env, ...extraEnv }), {
    clock: new ManualClock(NOW),
    logger: createLogger('info', pino.destination('/dev/null')),
    rateLimitRules: { request: { points: 1_000_000_000, duration: 60 } },
    skipMigrations,
  });
  const server = http.createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { app, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};
const primary = await instance({}, false);
const withRedis = await instance({ REDIS_URL: 'redis://127.0.0.1:6379' }, true);
const { app, base } = primary;

try {
  const { prisma, database } = app.services;
  const practice = await provisionPractice(app.services, {
    name: 'Bench practice',
    slug: 'bench',
    timezone: 'America/New_York',
    owner: {
      email: 'owner@bench.test',
      displayName: 'Owner',
      password: 'Bench-Password-Long-Enough-1',
    },
    allowedOrigins: ['https://bench.test'],
  });
  const practiceId = practice.practiceId;
  const clinicianId = practice.ownerId; // owners are bookable
  await prisma.weeklyHours.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      practiceId,
      clinicianId,
      weekday,
      startMinute: 0,
      endMinute: 1440,
    })),
  });
  const type = await prisma.appointmentType.create({
    data: {
      practiceId,
      name: 'Check-in',
      durationMinutes: 15,
      slotIntervalMinutes: 15,
      modality: 'telehealth',
      minNoticeMinutes: 0,
      maxHorizonDays: 90,
    },
    select: { id: true },
  });

  const windowFrom = Math.ceil(NOW.getTime() / QUARTER) * QUARTER;
  const windowTo = windowFrom + WINDOW_DAYS * DAY;
  const quarters = Array.from(
    { length: (windowTo - windowFrom) / QUARTER },
    (_, i) => windowFrom + i * QUARTER,
  );
  const insert = (starts: number[], forClinician = clinicianId, minutes = 15) =>
    database.sql.query(
      `INSERT INTO "Appointment" (id, "practiceId", "clinicianId", "appointmentTypeId", status, "startsAt", "endsAt", "blockedFrom", "blockedTo", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, $3, 'confirmed', s, s + make_interval(mins => $5), s, s + make_interval(mins => $5), now()
       FROM unnest($4::timestamptz[]) AS s`,
      [practiceId, forClinician, type.id, starts.map((t) => new Date(t).toISOString()), minutes],
    );
  await insert(pick(quarters, IN_WINDOW));
  await database.sql.exec('ANALYZE "Appointment"');

  const query = {
    appointmentTypeId: type.id,
    from: new Date(windowFrom),
    to: new Date(windowTo),
    timeZone: 'Europe/London',
  };
  let benchClinician = clinicianId;
  const callEngine = () =>
    findAvailability(prisma, {
      ...query,
      practiceId,
      clinicianId: benchClinician,
      now: app.services.clock.now(),
    });
  const headers = {
    'x-tcrm-publishable-key': practice.publishableKey,
    origin: 'https://bench.test',
  };
  const callHttpOn = (origin: string) => async () => {
    const input = {
      ...query,
      clinicianId: benchClinician,
      from: query.from.toISOString(),
      to: query.to.toISOString(),
    };
    const res = await fetch(
      `${origin}/trpc/booking.availability?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers },
    );
    if (res.status !== 200) throw new Error(`availability HTTP ${res.status}`);
    return res.arrayBuffer();
  };
  const callHttp = callHttpOn(base);
  const callHttpRedis = callHttpOn(withRedis.base);
  const callHealth = async () => (await fetch(`${base}/healthz`)).arrayBuffer();
  // The floor of any widget procedure: publishable key, per-IP rate limit (a
  // PostgreSQL write here), tRPC, one small query.
  const callCliniciansOn = (origin: string) => async () => {
    const res = await fetch(`${origin}/trpc/booking.clinicians`, { headers });
    if (res.status !== 200) throw new Error(`clinicians HTTP ${res.status}`);
    return res.arrayBuffer();
  };
  const callClinicians = callCliniciansOn(base);
  const callCliniciansRedis = callCliniciansOn(withRedis.base);
  const select1 = () => prisma.$queryRaw`SELECT 1`;

  /** PostgreSQL's own execution time for the schedule query, and whether it used the constraint's index. */
  const plan = async () => {
    const params = [
      practiceId,
      [benchClinician],
      '2026-03-01',
      '2026-05-02',
      new Date(windowFrom - DAY),
      new Date(windowTo + DAY),
      NOW,
      null,
    ];
    const times: number[] = [];
    let text = '';
    for (let i = 0; i < 20; i++) {
      const rows = await database.sql.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${SCHEDULE_SQL}`,
        params,
      );
      text = rows.map((r) => r['QUERY PLAN']).join('\n');
      times.push(Number(/Execution Time: ([\d.]+)/.exec(text)![1]));
    }
    return {
      executionMs: stats(times),
      usesExclusionIndex: text.includes('Appointment_no_overlap'),
      text,
    };
  };

  const phase = async (label: string) => {
    const baseline = await measure(select1);
    const health = await measure(callHealth);
    const publicFloor = await measure(callClinicians);
    const engine = await measure(callEngine);
    const viaHttp = await measure(callHttp);
    const publicFloorRedis = await measure(callCliniciansRedis);
    const viaHttpRedis = await measure(callHttpRedis);
    const rows = (
      await database.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM "Appointment"')
    )[0]!.n;
    const slotsReturned = (await callEngine()).slots.length;
    return {
      label,
      appointmentsInTable: Number(rows),
      slotsReturned,
      baselineSelect1: baseline,
      baselineHealthz: health,
      publicProcedureFloor: publicFloor,
      engine,
      http: viaHttp,
      publicProcedureFloorRedis: publicFloorRedis,
      httpRedis: viaHttpRedis,
      plan: await plan(),
    };
  };

  const small = await phase(`${IN_WINDOW} in window`);
  // 100,000 more, all outside the window: half before it, half after.
  const before = Array.from(
    { length: OUTSIDE / 2 },
    (_, i) => windowFrom - (i + 1) * QUARTER - DAY,
  );
  const after = Array.from({ length: OUTSIDE / 2 }, (_, i) => windowTo + i * QUARTER + DAY);
  await insert(before);
  await insert(after);
  await database.sql.exec('ANALYZE "Appointment"');
  const large = await phase(`${IN_WINDOW} in window + ${OUTSIDE} outside`);

  // Worst case for the busy query: 5,000 ten-minute appointments that never
  // touch (a 15-minute grid), so range_agg cannot merge any of them.
  const second = await prisma.staffUser.create({
    data: {
      email: 'clinician@bench.test',
      displayName: 'Clinician',
      passwordHash: 'x',
      memberships: { create: { practiceId, role: 'clinician' } },
    },
    select: { id: true },
  });
  await prisma.weeklyHours.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      practiceId,
      clinicianId: second.id,
      weekday,
      startMinute: 0,
      endMinute: 1440,
    })),
  });
  await insert(quarters.slice(0, IN_WINDOW), second.id, 10);
  await database.sql.exec('ANALYZE "Appointment"');
  benchClinician = second.id;
  const unmerged = await phase(`${IN_WINDOW} in window, none touching (another clinician)`);

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const report = {
    at: new Date().toISOString(),
    // Other work on the machine inflates every figure; the ratios are what compare.
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    calls: CALLS,
    // `http`/`publicProcedureFloor`: rate limit in PostgreSQL; `…Redis`: in Redis.
    rateLimitStores: ['postgres', 'redis'],
    windowDays: WINDOW_DAYS,
    targetP99Ms: 25,
    phases: [small, large, unmerged].map((p) => ({
      ...p,
      ratios: {
        engineP50VsSelect1: ratio(p.engine.p50, p.baselineSelect1.p50),
        engineP99VsSelect1: ratio(p.engine.p99, p.baselineSelect1.p99),
        httpP50VsHealthz: ratio(p.http.p50, p.baselineHealthz.p50),
        httpP99VsHealthz: ratio(p.http.p99, p.baselineHealthz.p99),
        httpRedisP50VsHealthz: ratio(p.httpRedis.p50, p.baselineHealthz.p50),
        httpRedisP99VsHealthz: ratio(p.httpRedis.p99, p.baselineHealthz.p99),
      },
    })),
    growth: {
      engineP50: ratio(large.engine.p50, small.engine.p50),
      engineP99: ratio(large.engine.p99, small.engine.p99),
      httpP50: ratio(large.http.p50, small.http.p50),
      httpP99: ratio(large.http.p99, small.http.p99),
    },
  };

  const row = (name: string, s: Stats, vs?: Stats) =>
    `${name.padEnd(44)} ${s.p50.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)}` +
    (vs
      ? `   ×${ratio(s.p50, vs.p50).toFixed(1).padStart(5)} ×${ratio(s.p99, vs.p99).toFixed(1).padStart(5)}`
      : '');
  console.log(
    `availability of 1 clinician over ${WINDOW_DAYS} days (24/7 hours, 15-minute type), ${CALLS} calls each, ms; load average ${loadAtStart[0]!.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  console.log(
    `${''.padEnd(44)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}   vs baseline (p50, p99)`,
  );
  for (const p of [small, large, unmerged]) {
    console.log(
      `-- ${p.label}: ${p.appointmentsInTable} rows in table, ${p.slotsReturned} free slots returned`,
    );
    console.log(row('SELECT 1 via Prisma (baseline)', p.baselineSelect1));
    console.log(row('GET /healthz over HTTP (baseline)', p.baselineHealthz));
    console.log(
      row('GET /trpc/booking.clinicians (widget floor)', p.publicProcedureFloor, p.baselineHealthz),
    );
    console.log(
      row('  the same, rate limit in Redis', p.publicProcedureFloorRedis, p.baselineHealthz),
    );
    console.log(row('findAvailability (queries + compute)', p.engine, p.baselineSelect1));
    console.log(row('GET /trpc/booking.availability (HTTP)', p.http, p.baselineHealthz));
    console.log(row('  the same, rate limit in Redis', p.httpRedis, p.baselineHealthz));
    console.log(
      row(`  of which PostgreSQL executes the schedule query`, p.plan.executionMs) +
        (p.plan.usesExclusionIndex ? '  (GiST Appointment_no_overlap)' : '  (NO INDEX)'),
    );
  }
  console.log(
    `growth with 100k rows outside the window: engine p50 ×${report.growth.engineP50}, p99 ×${report.growth.engineP99}; HTTP p50 ×${report.growth.httpP50}, p99 ×${report.growth.httpP99}`,
  );
  console.log(
    `HTTP: rate limit in PostgreSQL (default) unless marked Redis; request logging at info; cross-origin with a publishable key`,
  );
  console.log(
    `target p99 ≤ 25 ms: engine p99 ${large.engine.p99} ms, HTTP p99 ${large.http.p99} ms (Redis ${large.httpRedis.p99} ms) (large table); unmerged HTTP p99 ${unmerged.http.p99} ms`,
  );
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  fs.writeFileSync(outPath, JSON.stringify(report, null, 2));
} finally {
  for (const i of [withRedis, primary]) {
    await new Promise((resolve) => i.server.close(resolve));
    await i.app.close();
  }
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
