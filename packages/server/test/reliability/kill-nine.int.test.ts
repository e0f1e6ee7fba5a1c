// "Nothing acknowledged is lost" (REQUIREMENTS, Reliability): the real CLI
// server on PostgreSQL is killed with SIGKILL at random moments while intake
// submissions and bookings are in flight, restarted on the same database and
// data dir, and driven again. Afterwards every acknowledged submission and
// booking is there, whole, exactly once; retries with the same
// Idempotency-Key return the same ids; the audit chain verifies.
// Replay a failing schedule with KILL_NINE_SEED=<seed from the test name>.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { runCli } from '../multi-instance/processes.js';
import { CrashingServer } from './crashing-server.js';
import { LoadDriver } from './load-driver.js';
import { buildReliabilityWorld, type ReliabilityWorld } from './practice-world.js';
import { chooseSeed, seededRandom } from './replay-seed.js';
import { checkDurableState } from './durability-checks.js';
import { retryEverything } from './client-retries.js';

const seed = chooseSeed();

const KILLS = 5;
const SUBMITTERS = 3;
const BOOKERS = 3;

describe(`kill -9 under load, PostgreSQL (seed ${seed}: replay with KILL_NINE_SEED=${seed})`, () => {
  let setup: TestApp | undefined;
  let server: CrashingServer | undefined;
  let driver: LoadDriver | undefined;
  let world: ReliabilityWorld;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The in-process app creates the database and seeds the practice; it stays
    // open as the reader that checks the crashed server's work afterwards.
    setup = await startTestApp({ db: 'postgres' });
    world = await buildReliabilityWorld(setup);
    env = {
      DATABASE_URL: setup.database!.url,
      DATA_DIR: setup.dataDir,
      APP_SECRET: setup.config.appSecret,
      // Every request comes from its own X-Forwarded-For address: the per-IP
      // rate limits and live-hold cap are not what this test is about.
      TRUST_PROXY: 'loopback',
    };
    server = new CrashingServer(env);
    await server.start();
  });

  afterAll(async () => {
    driver?.stop();
    await server?.dispose();
    await setup?.close();
  });

  it('keeps every acknowledged submission and booking, whole and once, across 5 kills', async () => {
    const random = seededRandom(seed);
    driver = new LoadDriver(server!, world, random);
    const began = Date.now();
    const load = driver.run(SUBMITTERS, BOOKERS);
    const t = (what: string) =>
      process.env.KILL_NINE_TRACE && console.error(`[${Date.now() - began} ms] ${what}`);
    const inFlightAtKill: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      // Kill a server that is serving: after it has acknowledged a few
      // requests (a fresh process is slow at first), then at a random moment
      // with requests on the wire.
      await driver.acknowledgements(4);
      await sleep(300 + Math.floor(random() * 2_000));
      await driver.requestInFlight();
      inFlightAtKill.push(driver.inFlight);
      t(`kill ${k} (${driver.inFlight} in flight, ${driver.ledger.acknowledged.length} acked)`);
      await server!.killNine();
      await server!.start();
      t(`restarted ${k}`);
    }
    await driver.acknowledgements(4);
    driver.stop();
    await load;
    const loadMs = Date.now() - began;
    const ledger = driver.ledger;

    t('load stopped');
    const crashed = await checkDurableState(setup!, world, ledger);
    t('checked');
    const retried = await retryEverything(driver, ledger, crashed.committedByKey);
    t('retried');
    const settled = await checkDurableState(
      setup!,
      world,
      { ...ledger, acknowledged: retried.nowAcknowledged, unacknowledged: [] },
      crashed.committedUnacknowledged.ids,
    );
    t('checked again');
    const audit = await runCli(['verify-audit'], env);
    t('audit verified');

    const count = (kind: string, list: { kind: string }[]) =>
      list.filter((a) => a.kind === kind).length;
    console.info(
      `[kill-nine seed ${seed}] ${KILLS} kills in ${loadMs} ms (in flight at each kill: ${inFlightAtKill.join(', ')}; restarts ${server!.startMs.join(', ')} ms); ` +
        `acknowledged: ${count('submit', ledger.acknowledged)} submissions, ${count('confirm', ledger.acknowledged)} bookings (${ledger.holds} holds); ` +
        `unacknowledged: ${count('submit', ledger.unacknowledged)} submissions, ${count('confirm', ledger.unacknowledged)} confirms ` +
        `(committed anyway: ${crashed.committedUnacknowledged.submissions} / ${crashed.committedUnacknowledged.bookings}); ` +
        `in-flight failures ${ledger.inFlightFailures}, refused connections ${ledger.refusedConnections}; refused answers ${JSON.stringify(ledger.refused)}; ` +
        `without audit event: ${crashed.withoutAuditEvent.submissions.length} submissions, ${crashed.withoutAuditEvent.bookings.length} bookings`,
    );

    expect(crashed.problems, `seed ${seed}`).toEqual([]);
    expect(retried.problems, `seed ${seed}`).toEqual([]);
    expect(settled.problems, `seed ${seed}`).toEqual([]);
    // The run proved something: every kill hit requests on the wire, and both kinds were acknowledged.
    expect(inFlightAtKill).toHaveLength(KILLS);
    expect(count('submit', ledger.acknowledged)).toBeGreaterThan(10);
    expect(count('confirm', ledger.acknowledged)).toBeGreaterThan(2);
    // Exactly once: one submission per key sent, one confirmed appointment per confirm sent.
    expect(settled.submissions).toBe(count('submit', retried.nowAcknowledged));
    expect(settled.confirmed).toBe(count('confirm', retried.nowAcknowledged));
    // Nothing but conflicts was refused (no 5xx from a restarted server).
    for (const bucket of Object.keys(ledger.refused))
      expect(bucket, `seed ${seed}`).toMatch(/^(hold|confirm) 409 CONFLICT$/);
    // Known gap (README.md): only rows committed without an acknowledgement may lack their audit event.
    const unaudited = [
      ...crashed.withoutAuditEvent.submissions,
      ...crashed.withoutAuditEvent.bookings,
    ];
    expect(
      unaudited.filter((id) => !crashed.committedUnacknowledged.ids.has(id)),
      `seed ${seed}`,
    ).toEqual([]);
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toMatch(/: OK/);
  }, 420_000);
});
