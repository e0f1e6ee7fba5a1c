// The embedded default: the real CLI server on PGlite (no DATABASE_URL, data
// under DATA_DIR) is killed with SIGKILL under intake load and restarted on
// the same directory. PGlite does not fsync (DESIGN.md: it survives a process
// crash, not a power loss); a process crash must keep every acknowledged
// submission. PGlite is single-process, so the checks open the directory in
// the test process only while the server is down (after a final kill).
// Replay a failing schedule with KILL_NINE_SEED=<seed from the test name>.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { runCli } from '../multi-instance/processes.js';
import { CrashingServer } from './crashing-server.js';
import { LoadDriver } from './load-driver.js';
import { buildReliabilityWorld, type ReliabilityWorld } from './practice-world.js';
import { chooseSeed, seededRandom } from './replay-seed.js';
import { checkDurableState } from './durability-checks.js';
import { retryEverything } from './client-retries.js';
import { embeddedDataDir, embeddedEnv, openEmbedded } from './embedded-reader.js';

const seed = chooseSeed();
const KILLS = 3;
const SUBMITTERS = 3;

describe(`kill -9 under load, embedded PGlite (seed ${seed}: replay with KILL_NINE_SEED=${seed})`, () => {
  const dataDir = embeddedDataDir();
  let reader: TestApp | undefined;
  let server: CrashingServer | undefined;
  let driver: LoadDriver | undefined;
  let world: ReliabilityWorld;

  beforeAll(async () => {
    reader = await openEmbedded(dataDir);
    world = await buildReliabilityWorld(reader);
    await reader.close();
    reader = undefined;
    server = new CrashingServer(embeddedEnv(dataDir));
    await server.start();
    // Creating a PGlite directory and migrating it takes long on a busy machine.
  }, 180_000);

  afterAll(async () => {
    driver?.stop();
    await server?.dispose();
    await reader?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission across 3 kills of a PGlite server', async () => {
    const random = seededRandom(seed);
    driver = new LoadDriver(server!, world, random);
    const began = Date.now();
    const load = driver.run(SUBMITTERS, 0);
    const inFlightAtKill: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await driver.acknowledgements(4);
      await sleep(300 + Math.floor(random() * 2_000));
      await driver.requestInFlight();
      inFlightAtKill.push(driver.inFlight);
      await server!.killNine();
      await server!.start();
    }
    await driver.acknowledgements(4);
    // The last kill leaves the directory as a crash left it, for the checks.
    await driver.requestInFlight();
    // Stopped first: the loops finish the requests on the wire (cut off by
    // the kill) and start no new ones that would wait for a restart.
    driver.stop();
    await server!.killNine();
    await load;
    const loadMs = Date.now() - began;
    const ledger = driver.ledger;

    reader = await openEmbedded(dataDir);
    const crashed = await checkDurableState(reader, world, ledger);
    await reader.close();
    reader = undefined;

    await server!.start();
    const retried = await retryEverything(driver, ledger, crashed.committedByKey);
    await server!.killNine();

    reader = await openEmbedded(dataDir);
    const settled = await checkDurableState(
      reader,
      world,
      { ...ledger, acknowledged: retried.nowAcknowledged, unacknowledged: [] },
      crashed.committedUnacknowledged.ids,
    );
    await reader.close();
    reader = undefined;
    const audit = await runCli(['verify-audit'], embeddedEnv(dataDir));

    const acked = ledger.acknowledged.length;
    console.info(
      `[kill-nine embedded seed ${seed}] ${KILLS + 2} kills in ${loadMs} ms of load (in flight at each: ${inFlightAtKill.join(', ')}; starts ${server!.startMs.join(', ')} ms); ` +
        `acknowledged ${acked} submissions; unacknowledged ${ledger.unacknowledged.length} (committed anyway: ${crashed.committedUnacknowledged.submissions}); ` +
        `in-flight failures ${ledger.inFlightFailures}; refused answers ${JSON.stringify(ledger.refused)}; without audit event: ${crashed.withoutAuditEvent.submissions.length}`,
    );

    expect(crashed.problems, `seed ${seed}`).toEqual([]);
    expect(retried.problems, `seed ${seed}`).toEqual([]);
    expect(settled.problems, `seed ${seed}`).toEqual([]);
    expect(inFlightAtKill).toHaveLength(KILLS);
    expect(acked).toBeGreaterThan(10);
    expect(settled.submissions).toBe(retried.nowAcknowledged.length);
    expect(ledger.refused).toEqual({});
    const unaudited = crashed.withoutAuditEvent.submissions.filter(
      (id) => !crashed.committedUnacknowledged.ids.has(id),
    );
    expect(unaudited, `seed ${seed}`).toEqual([]);
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toMatch(/: OK/);
  }, 420_000);
});
