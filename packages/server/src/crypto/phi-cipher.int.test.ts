// PHI encryption through the real procedures on a real database: round trip,
// ciphertext bound to its practice, tampering detected, data-key rotation,
// and a pg_dump of the whole database that holds no plaintext PHI. (The same
// round trip on PGlite is in src/db/pglite.int.test.ts.)
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../test/support/fixtures.js';

const run = promisify(execFile);

async function staffCaller(app: TestApp, practiceId: string) {
  const staff = await signedInStaff(app, practiceId, 'clinician');
  return app.caller({ staffSessionToken: staff.token });
}

/** Flips one bit of the ciphertext part of a `v1.<ver>.<iv>.<tag>.<ct>` token. */
function tamper(token: string): string {
  const parts = token.split('.');
  // Flip decoded bytes, not base64 characters: a character may only hold padding bits.
  const ct = Buffer.from(parts[4]!, 'base64url');
  ct[ct.length - 1] = ct[ct.length - 1]! ^ 0x01;
  parts[4] = ct.toString('base64url');
  return parts.join('.');
}

describe('PHI encryption on PostgreSQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('round-trips through the procedures and stores only ciphertext', async () => {
    const practice = await createTestPractice(app);
    const caller = await staffCaller(app, practice.practiceId);
    const canary = `CANARY-PHI-${crypto.randomBytes(6).toString('hex')}`;
    const { id } = await caller.clients.create({ firstName: canary, lastName: 'Ödön 名前', phone: '+1 555 0100' });
    const raw = await app.services.prisma.client.findUniqueOrThrow({ where: { id } });
    expect(raw.firstNameEnc).toMatch(/^v1\.1\./);
    expect(JSON.stringify(raw)).not.toContain(canary);
    await expect(caller.clients.get({ clientId: id })).resolves.toMatchObject({
      firstName: canary,
      lastName: 'Ödön 名前',
      phone: '+1 555 0100',
    });
  });

  it("refuses ciphertext copied into another practice's row", async () => {
    const a = await createTestPractice(app, 'a');
    const b = await createTestPractice(app, 'b');
    const callerA = await staffCaller(app, a.practiceId);
    const callerB = await staffCaller(app, b.practiceId);
    const fromA = await callerA.clients.create({ firstName: 'Alice', lastName: 'A' });
    const inB = await callerB.clients.create({ firstName: 'Bob', lastName: 'B' });
    const rowA = await app.services.prisma.client.findUniqueOrThrow({ where: { id: fromA.id } });
    await app.services.prisma.client.update({ where: { id: inB.id }, data: { firstNameEnc: rowA.firstNameEnc } });

    const err = await callerB.clients.get({ clientId: inB.id }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(err)).not.toContain('Alice');
    await expect(app.services.cipher.decrypt(b.practiceId, rowA.firstNameEnc)).rejects.toThrow();
    // The same token still opens in its own practice: the failure is the binding, not the token.
    await expect(app.services.cipher.decrypt(a.practiceId, rowA.firstNameEnc)).resolves.toBe('Alice');
  });

  it('detects a tampered ciphertext and a forged key version', async () => {
    const practice = await createTestPractice(app);
    const caller = await staffCaller(app, practice.practiceId);
    const { id } = await caller.clients.create({ firstName: 'Carol', lastName: 'C' });
    const row = await app.services.prisma.client.findUniqueOrThrow({ where: { id } });
    await app.services.prisma.client.update({ where: { id }, data: { lastNameEnc: tamper(row.lastNameEnc) } });
    await expect(caller.clients.get({ clientId: id })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    await expect(app.services.cipher.decrypt(practice.practiceId, tamper(row.firstNameEnc))).rejects.toThrow();
    await app.services.cipher.rotateDataKey(practice.practiceId);
    const forged = row.firstNameEnc.replace(/^v1\.1\./, 'v1.2.');
    await expect(app.services.cipher.decrypt(practice.practiceId, forged)).rejects.toThrow();
  });

  it('data-key rotation: old ciphertext still opens, new writes use the new version, e-mail lookup still works', async () => {
    const practice = await createTestPractice(app);
    const caller = await staffCaller(app, practice.practiceId);
    const before = await caller.clients.create({ firstName: 'Dana', lastName: 'D', email: 'dana@example.test' });
    expect(await app.services.cipher.rotateDataKey(practice.practiceId)).toBe(2);
    const after = await caller.clients.create({ firstName: 'Eve', lastName: 'E' });
    const rows = await app.services.prisma.client.findMany({
      where: { id: { in: [before.id, after.id] } },
      select: { id: true, firstNameEnc: true },
    });
    const version = (id: string) => rows.find((r) => r.id === id)!.firstNameEnc.split('.')[1];
    expect(version(before.id)).toBe('1');
    expect(version(after.id)).toBe('2');
    await expect(caller.clients.get({ clientId: before.id })).resolves.toMatchObject({ firstName: 'Dana' });
    await expect(caller.clients.get({ clientId: after.id })).resolves.toMatchObject({ firstName: 'Eve' });
    // The blind index must not change with the data key, or duplicates slip through.
    await expect(caller.clients.create({ firstName: 'X', lastName: 'Y', email: 'DANA@example.test' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a pg_dump of the database holds no plaintext PHI (and does hold the non-PHI practice name and the client rows)', async () => {
    const practice = await createTestPractice(app, 'dump');
    const caller = await staffCaller(app, practice.practiceId);
    const tag = crypto.randomBytes(6).toString('hex');
    const canaries = {
      firstName: `CANARY-PHI-${tag}`,
      lastName: `CANARY-LAST-${tag}`,
      email: `canary-${tag}@example.test`,
      phone: `+1 555 ${tag.slice(0, 4).replace(/\D/g, '7').padEnd(4, '7')}`,
      dateOfBirth: '1961-02-03',
    };
    const created = await caller.clients.create(canaries);
    await caller.clients.get({ clientId: created.id });
    await caller.clients.update({ clientId: created.id, lastName: `CANARY-UPDATED-${tag}` });

    const url = new URL(app.database!.url);
    const { stdout: dump } = await run(
      'pg_dump',
      ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username, '--no-owner', app.database!.name],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const { name } = await app.services.prisma.practice.findUniqueOrThrow({ where: { id: practice.practiceId } });
    // Positive controls: the dump is real and includes this practice and this client.
    expect(dump).toContain(name);
    expect(dump).toContain(created.id);
    expect(dump).toMatch(/COPY public\."Client"/);
    const lower = dump.toLowerCase();
    for (const value of [...Object.values(canaries), `CANARY-UPDATED-${tag}`]) {
      expect(lower, value).not.toContain(value.toLowerCase());
    }
    expect(lower).not.toContain(tag);
    // The master key lives apart from the data.
    const keyFile = JSON.parse(fs.readFileSync(app.config.masterKeyFile, 'utf8')) as { keys: Record<string, string> };
    for (const key of Object.values(keyFile.keys)) {
      expect(dump).not.toContain(key);
      expect(dump).not.toContain(Buffer.from(key, 'base64').toString('base64url'));
    }
  });
});
