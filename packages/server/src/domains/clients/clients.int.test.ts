import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../../test/support/fixtures.js';

describe.each(['postgres', 'pglite'] as const)('clients on %s', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db });
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores demographics encrypted, returns them decrypted, and audits the read', async () => {
    const practice = await createTestPractice(app);
    const staff = await signedInStaff(app, practice.practiceId, 'clinician');
    const caller = app.caller({ staffSessionToken: staff.token });
    const { id } = await caller.clients.create({ firstName: 'Canary-Ada', lastName: 'Lovelace', email: 'ada@example.test' });
    const raw = await app.services.prisma.client.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(raw)).not.toContain('Canary-Ada');
    expect(JSON.stringify(raw)).not.toContain('ada@example.test');
    const view = await caller.clients.get({ clientId: id });
    expect(view).toMatchObject({ firstName: 'Canary-Ada', lastName: 'Lovelace', email: 'ada@example.test' });
    const reads = await app.services.prisma.auditEvent.findMany({
      where: { practiceId: practice.practiceId, action: 'client.read', objectId: id },
    });
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actorId).toBe(staff.userId);
  });

  it('requires a guardian for a minor and refuses duplicates by e-mail', async () => {
    const practice = await createTestPractice(app);
    const staff = await signedInStaff(app, practice.practiceId, 'front_desk');
    const caller = app.caller({ staffSessionToken: staff.token });
    const year = app.clock.now().getUTCFullYear();
    await expect(
      caller.clients.create({ firstName: 'Kid', lastName: 'K', dateOfBirth: `${year - 10}-01-01` }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const guardian = await caller.clients.create({ firstName: 'Parent', lastName: 'P', email: 'p@example.test' });
    const kid = await caller.clients.create({
      firstName: 'Kid',
      lastName: 'K',
      dateOfBirth: `${year - 10}-01-01`,
      guardianId: guardian.id,
    });
    expect((await caller.clients.get({ clientId: kid.id })).isMinor).toBe(true);
    await expect(caller.clients.create({ firstName: 'X', lastName: 'Y', email: 'P@example.test' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('keeps auditors out of client records', async () => {
    const practice = await createTestPractice(app);
    const auditor = await signedInStaff(app, practice.practiceId, 'auditor');
    await expect(app.caller({ staffSessionToken: auditor.token }).clients.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
