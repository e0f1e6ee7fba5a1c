// Publishable keys are remembered per process for a few seconds: revoking a
// key (or changing its origins) in the database takes effect within the TTL,
// in every process, with nothing else to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice } from '../../../test/support/fixtures.js';
import { PUBLISHABLE_KEY_HEADER } from '../../trpc/context.js';
import { PUBLISHABLE_KEY_TTL_MS, PublishableKeyCache } from './publishable-key-cache.js';

let app: TestApp;
let base: string;
beforeAll(async () => {
  app = await startTestApp();
  base = await app.listen();
});
afterAll(async () => {
  await app.close();
});

const revoke = (publicKey: string) =>
  app.services.prisma.apiKey.update({ where: { publicKey }, data: { revokedAt: new Date() } });

describe('PublishableKeyCache', () => {
  it('serves a row for at most ttlMs, then reads the database again', async () => {
    const p = await createTestPractice(app, 'ttl');
    let now = 0;
    const cache = new PublishableKeyCache(app.services.prisma, { ttlMs: 1_000, now: () => now });
    expect(await cache.find(p.publishableKey)).toMatchObject({
      practiceId: p.practiceId,
      revokedAt: null,
    });
    await revoke(p.publishableKey);
    now = 999;
    expect((await cache.find(p.publishableKey))?.revokedAt).toBeNull();
    now = 1_000;
    expect((await cache.find(p.publishableKey))?.revokedAt).toBeInstanceOf(Date);
  });

  it('does not remember unknown keys, and keeps at most maxEntries', async () => {
    const [a, b, c] = [
      await createTestPractice(app, 'm1'),
      await createTestPractice(app, 'm2'),
      await createTestPractice(app, 'm3'),
    ];
    const cache = new PublishableKeyCache(app.services.prisma, { maxEntries: 2, now: () => 0 });
    const later = `pk_test_later${a.practiceId.replaceAll('-', '')}`;
    expect(await cache.find(later)).toBeNull();
    await app.services.prisma.apiKey.create({
      data: {
        practiceId: a.practiceId,
        kind: 'publishable',
        label: 'Later',
        publicKey: later,
        allowedOrigins: [],
      },
    });
    expect(await cache.find(later)).toMatchObject({ practiceId: a.practiceId });
    for (const p of [a, b, c]) await cache.find(p.publishableKey);
    expect(cache.size).toBe(2);
  });
});

describe('revocation over HTTP', () => {
  it(`takes effect within ${PUBLISHABLE_KEY_TTL_MS} ms for a key the process has cached`, async () => {
    const p = await createTestPractice(app, 'rev');
    const call = () =>
      fetch(`${base}/trpc/practice.publicProfile`, {
        headers: { [PUBLISHABLE_KEY_HEADER]: p.publishableKey, origin: p.origin },
      });
    expect((await call()).status).toBe(200); // now cached
    await revoke(p.publishableKey);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < PUBLISHABLE_KEY_TTL_MS + 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await call()).status;
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(PUBLISHABLE_KEY_TTL_MS + 500);
  }, 20_000);
});
