// Master-key rotation with the real CLI (`rotate-keys`, a separate process)
// while app instances keep running on the same PostgreSQL database.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../test/support/fixtures.js';
import { runCli } from '../../test/multi-instance/processes.js';
import { createTestDatabase } from '../../test/support/database.js';

interface KeyFile {
  active: string;
  keys: Record<string, string>;
}

let app: TestApp;
const records: { practiceId: string; token: string; clientId: string; firstName: string }[] = [];

const keyFile = (): KeyFile => JSON.parse(fs.readFileSync(app.config.masterKeyFile, 'utf8')) as KeyFile;
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, {
    DATABASE_URL: app.database!.url,
    MASTER_KEY_FILE: app.config.masterKeyFile,
    DATA_DIR: app.dataDir,
    ...env,
  });
/** Another instance on the same database and key file (a fresh process would do the same). */
const instance = () => startTestApp({ databaseUrl: app.database!.url, dataDir: app.dataDir });

async function expectAllReadable(reader: TestApp) {
  for (const r of records) {
    await expect(reader.caller({ staffSessionToken: r.token }).clients.get({ clientId: r.clientId })).resolves.toMatchObject({
      firstName: r.firstName,
    });
  }
}

beforeAll(async () => {
  app = await startTestApp({ db: 'postgres' });
  for (const label of ['a', 'b']) {
    const practice = await createTestPractice(app, label);
    const staff = await signedInStaff(app, practice.practiceId, 'clinician');
    const caller = app.caller({ staffSessionToken: staff.token });
    for (const n of [1, 2]) {
      const firstName = `Rotated-${label}-${n}`;
      const { id } = await caller.clients.create({ firstName, lastName: 'R', email: `${label}${n}@example.test` });
      records.push({ practiceId: practice.practiceId, token: staff.token, clientId: id, firstName });
    }
  }
  // A second data key for practice a: rotation must re-wrap every version.
  await app.services.cipher.rotateDataKey(records[0]!.practiceId);
});
afterAll(async () => {
  await app.close();
});

describe('rotate-keys', () => {
  it('re-wraps every data key under a new master key; running and new instances read everything', async () => {
    const before = keyFile();
    const oldWraps = await app.services.prisma.dataKey.findMany({ select: { id: true, wrappedKey: true } });
    expect(oldWraps).toHaveLength(3);
    // Started before the rotation and never used: its copy of the key file is stale.
    const idle = await instance();
    try {
      const r = await cli(['rotate-keys']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/re-wrapped 3 data keys/);

      const after = keyFile();
      expect(after.active).not.toBe(before.active);
      expect(Object.keys(after.keys).sort()).toEqual([before.active, after.active].sort());
      const rows = await app.services.prisma.dataKey.findMany({ select: { id: true, masterKeyId: true, wrappedKey: true } });
      expect(rows.every((row) => row.masterKeyId === after.active)).toBe(true);
      for (const row of rows) expect(row.wrappedKey).not.toBe(oldWraps.find((o) => o.id === row.id)!.wrappedKey);

      await expectAllReadable(idle); // running instance, stale key file in memory
      const fresh = await instance();
      try {
        await expectAllReadable(fresh);
      } finally {
        await fresh.close();
      }
    } finally {
      await idle.close();
    }
  });

  it('--retire drops master keys nothing uses any more; reads and new practices still work', async () => {
    const r = await cli(['rotate-keys', '--retire']);
    expect(r.code).toBe(0);
    const after = keyFile();
    expect(Object.keys(after.keys)).toEqual([after.active]);
    expect(r.stdout).toMatch(/Retired master keys: mk_\w+, mk_\w+/);

    const fresh = await instance();
    try {
      await expectAllReadable(fresh);
      // The original instance never restarted; what it wraps now must use the
      // surviving key, or the fresh instance could not read it.
      const late = await createTestPractice(app, 'late');
      const staff = await signedInStaff(app, late.practiceId, 'clinician');
      const { id } = await app.caller({ staffSessionToken: staff.token }).clients.create({ firstName: 'Late', lastName: 'L' });
      const dataKey = await app.services.prisma.dataKey.findFirstOrThrow({ where: { practiceId: late.practiceId } });
      expect(dataKey.masterKeyId).toBe(after.active);
      await expect(fresh.caller({ staffSessionToken: staff.token }).clients.get({ clientId: id })).resolves.toMatchObject({
        firstName: 'Late',
      });
    } finally {
      await fresh.close();
    }
  });

  it('--new-master-key creates the first key file on a new database, and refuses where data keys exist', async () => {
    const fresh = await createTestDatabase();
    try {
      const path = `${app.dataDir}/new-install/master.key`;
      const created = await runCli(['rotate-keys', '--new-master-key'], { DATABASE_URL: fresh.url, MASTER_KEY_FILE: path, DATA_DIR: app.dataDir });
      expect(created.code).toBe(0);
      const file = JSON.parse(fs.readFileSync(path, 'utf8')) as KeyFile;
      expect(created.stdout).toContain(`master key ${file.active}`);
      expect(fs.statSync(path).mode & 0o777).toBe(0o600);
      // Again: the file exists now.
      const again = await runCli(['rotate-keys', '--new-master-key'], { DATABASE_URL: fresh.url, MASTER_KEY_FILE: path, DATA_DIR: app.dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already exists/);
    } finally {
      await fresh.drop();
    }
    // This database has data keys: a new master key could not unwrap them.
    const lostPath = `${app.dataDir}/lost/master.key`;
    const refused = await cli(['rotate-keys', '--new-master-key'], { MASTER_KEY_FILE: lostPath });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds \d+ data keys/);
    expect(fs.existsSync(lostPath)).toBe(false);
  });

  it('refuses to run without the key file (a fresh file could unwrap nothing)', async () => {
    const missing = `${app.dataDir}/no-such-dir/master.key`;
    const r = await cli(['rotate-keys'], { MASTER_KEY_FILE: missing });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ENOENT/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
