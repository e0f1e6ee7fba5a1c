// Intake submit benchmark (REQUIREMENTS, Performance): throughput of
// `intake.submit` over real HTTP against PostgreSQL, with a fixed number of
// requests in flight, next to a bare Express JSON endpoint measured in the
// same run on the same machine; target ≥ 0.30 of the baseline.
//
//   npx tsx bench/intake-submit.bench.ts <out.json> [seconds=8] [concurrency=12] [--redis]
//
// Each submit is the demo practice's published "New client intake" (four
// pages, conditions, a Likert matrix, an address and a drawn signature):
// full validation, a new client (identity HMACs, encrypted contact details),
// the answers and the signature PNG encrypted, idempotency record, outbox
// job, and two hash-chained audit events; every request has a new
// Idempotency-Key and a new e-mail address. The server runs in its own
// process (bench/intake-submit-server.ts); this process only generates load
// (keep-alive HTTP, `concurrency` requests in flight). Rounds alternate
// baseline and submit so drifting machine load hits both alike. Durable jobs
// are not worked here (they run after the response, in production too).
//
// --redis keeps the per-IP rate limit in Redis instead of PostgreSQL.
// Needs PostgreSQL at 127.0.0.1:5432 (or TEST_PG_ADMIN_URL); creates a fresh
// database and drops it afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../test/support/database.js';
import { spawnTs, waitForLine, killHard } from '../test/multi-instance/processes.js';
import { signaturePng } from '../src/domains/intake/intake-test-kit.js';

const useRedis = process.argv.includes('--redis');
const args = process.argv.slice(2).filter((a) => a !== '--redis');
const outPath = args[0];
const SECONDS = Number(args[1] ?? 8);
const CONCURRENCY = Number(args[2] ?? 12);
const ROUNDS = 2;
const TARGET_RATIO = 0.3;
if (!outPath) {
  console.error(
    'usage: tsx bench/intake-submit.bench.ts <out.json> [seconds] [concurrency] [--redis]',
  );
  process.exit(2);
}

interface Ready {
  appPort: number;
  echoPort: number;
  publishableKey: string;
  practiceId: string;
  formVersionId: string;
}

interface RunStats {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(
  port: number,
  pathname: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` loops issuing requests back to back for `seconds`. */
async function run(seconds: number, call: (i: number) => Promise<boolean>): Promise<RunStats> {
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await call(issued++);
        latencies.push(performance.now() - t);
        if (!ok) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(
      latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! * 100,
    ) / 100;
  return {
    requests: latencies.length,
    perSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failures,
  };
}

const loadAtStart = os.loadavg();
const db = await createTestDatabase('tcrm_bench');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-bench-'));
// BENCH_CPU_PROF=<dir>: the server process writes a V8 CPU profile there on exit.
const profileDir = process.env.BENCH_CPU_PROF;
const child = spawnTs(
  'bench/intake-submit-server.ts',
  [db.url, dataDir, ...(useRedis ? ['redis://127.0.0.1:6379'] : [])],
  {
    ...(profileDir ? { BENCH_CPU_PROF: profileDir } : {}),
  },
);
let firstFailure = '';
try {
  const ready = JSON.parse((await waitForLine(child, /READY (.+)/, 120_000))[1]!) as Ready;
  const headers = { origin: 'https://bench.test', 'x-tcrm-publishable-key': ready.publishableKey };
  const signature = { dataUrl: `data:image/png;base64,${signaturePng(160).toString('base64')}` };
  const submitBody = (i: number) => {
    const email = `client-${i}-${crypto.randomBytes(4).toString('hex')}@bench.test`;
    return JSON.stringify({
      formVersionId: ready.formVersionId,
      client: {
        firstName: 'Avery',
        lastName: `Client${i}`,
        email,
        phone: '+1 555 010 0199',
        dateOfBirth: '1990-04-12',
      },
      answers: {
        first_name: 'Avery',
        last_name: `Client${i}`,
        pronouns: 'they/them',
        email,
        phone: '+1 555 010 0199',
        date_of_birth: '1990-04-12',
        home_address: {
          line1: '12 Harbor Street',
          city: 'Portland',
          region: 'ME',
          postalCode: '04101',
          country: 'US',
        },
        voicemail_ok: true,
        concerns: ['anxiety', 'other'],
        concerns_other: 'Sleep and work stress',
        seen_before: true,
        previous_therapy: 'Six sessions of CBT in 2021, helpful for panic attacks.',
        goals: 'Sleep through the night and feel less on edge at work.',
        modality: 'telehealth',
        phq2: { interest: 1, down: 2 },
        sleep_hours: 6,
        use_insurance: false,
        signature,
      },
    });
  };
  const submit = async (i: number) => {
    const r = await post(
      ready.appPort,
      '/trpc/intake.submit',
      { ...headers, 'idempotency-key': `bench-${crypto.randomUUID()}` },
      submitBody(i),
    );
    if (r.status !== 200 && !firstFailure)
      firstFailure = `intake.submit HTTP ${r.status}: ${r.body.slice(0, 500)}`;
    return r.status === 200;
  };
  const echoBody = submitBody(0); // same request size as a submit
  const echo = async () => (await post(ready.echoPort, '/echo', headers, echoBody)).status === 200;

  // Fail fast on a broken request before measuring anything.
  if (!(await submit(-1))) throw new Error(firstFailure);
  await run(1, echo);
  await run(1, submit);

  // How often submits wait on a lock (the per-practice audit chain head, the
  // idempotency index): sampled from pg_stat_activity while they run.
  const watcher = new pg.Client({ connectionString: db.url });
  await watcher.connect();
  const lockSamples: number[] = [];
  let submitting = false;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!submitting) continue;
      const r = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      lockSamples.push(r.rows[0]!.n);
    }
  })();

  const baselines: RunStats[] = [];
  const submits: RunStats[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baselines.push(await run(SECONDS, echo));
    submitting = true;
    submits.push(await run(SECONDS, submit));
    submitting = false;
  }
  sampling = false;
  await sampler;

  const stored = (
    await watcher.query<{ submissions: number; audits: number; clients: number }>(
      `SELECT (SELECT count(*)::int FROM "IntakeSubmission") AS submissions,
            (SELECT count(*)::int FROM "AuditEvent" WHERE action = 'intake.submit') AS audits,
            (SELECT count(*)::int FROM "Client") AS clients`,
    )
  ).rows[0]!;
  await watcher.end();

  const sum = (xs: RunStats[], f: (s: RunStats) => number) => xs.reduce((a, s) => a + f(s), 0);
  const rate = (xs: RunStats[]) =>
    Math.round((sum(xs, (s) => s.requests) / (xs.length * SECONDS)) * 10) / 10;
  const baselineRate = rate(baselines);
  const submitRate = rate(submits);
  const ratio = Math.round((submitRate / baselineRate) * 1000) / 1000;
  const waiting = lockSamples.filter((n) => n > 0).length;
  const report = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    rateLimitStore: useRedis ? 'redis' : 'postgres',
    secondsPerRun: SECONDS,
    rounds: ROUNDS,
    concurrency: CONCURRENCY,
    requestBytes: Buffer.byteLength(echoBody),
    baselineEcho: { perSecond: baselineRate, runs: baselines },
    intakeSubmit: { perSecond: submitRate, runs: submits },
    ratio,
    targetRatio: TARGET_RATIO,
    meetsTarget: ratio >= TARGET_RATIO,
    lockWaits: {
      samples: lockSamples.length,
      samplesWithAWaiter: waiting,
      meanWaiting:
        Math.round(
          (lockSamples.reduce((a, n) => a + n, 0) / Math.max(1, lockSamples.length)) * 100,
        ) / 100,
    },
    stored,
    firstFailure: firstFailure || null,
  };

  const row = (name: string, s: RunStats) =>
    `${name.padEnd(40)} ${String(s.perSecond).padStart(8)} ${s.p50Ms.toFixed(2).padStart(8)} ${s.p99Ms.toFixed(2).padStart(8)} ${String(s.failures).padStart(6)}`;
  console.log(
    `intake submit vs bare Express JSON, ${CONCURRENCY} in flight, ${ROUNDS}×${SECONDS} s each, ${report.requestBytes}-byte bodies, rate limit in ${report.rateLimitStore}; load average ${loadAtStart[0]!.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  console.log(
    `${''.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(6)}`,
  );
  baselines.forEach((b, i) => {
    console.log(row(`POST /echo (baseline), round ${i + 1}`, b));
    console.log(row(`POST /trpc/intake.submit, round ${i + 1}`, submits[i]!));
  });
  console.log(
    `throughput: submit ${submitRate}/s vs baseline ${baselineRate}/s → ratio ${ratio} (target ≥ ${TARGET_RATIO}: ${report.meetsTarget ? 'met' : 'MISSED'})`,
  );
  console.log(
    `lock waits while submitting: ${waiting} of ${lockSamples.length} samples had a backend waiting on a lock (mean ${report.lockWaits.meanWaiting} waiting)`,
  );
  console.log(
    `stored: ${stored.submissions} submissions, ${stored.audits} intake.submit audit events, ${stored.clients} clients`,
  );
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  fs.writeFileSync(outPath, JSON.stringify(report, null, 2));
} finally {
  agent.destroy();
  if (profileDir && child.exitCode === null) {
    const gone = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM'); // a clean exit writes the profile
    await gone;
  }
  await killHard(child);
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
