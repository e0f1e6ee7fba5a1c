// Inside an interactive transaction Prisma loads sibling relations of one
// query at once, all on the transaction's one connection. With SerialClient
// (serial-client.ts) they run one after another without pg's deprecated
// implicit queueing: no "already executing a query" warning, same results,
// and a failing query still fails only itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';
import { SerialClient } from './serial-client.js';

let testDb: TestDatabase;
let database: Database;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(w.message);

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openDatabase({ kind: 'postgres', url: testDb.url });
  await migrate(database.sql);
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await database.close();
  await testDb.drop();
});

describe('SerialClient on a pooled PostgreSQL connection', () => {
  it('runs a transaction query with sibling relations without overlapping queries on its connection', async () => {
    const prisma = database.prisma;
    const owner = `serial-${Date.now()}@example.test`;
    const practice = await prisma.practice.create({
      data: { name: 'Serial', slug: `serial-${Date.now()}`, timezone: 'UTC' },
      select: { id: true },
    });
    await prisma.staffUser.create({
      data: {
        email: owner,
        displayName: 'Serial Owner',
        passwordHash: 'x',
        memberships: { create: { practiceId: practice.id, role: 'owner' } },
      },
    });
    // Three sibling relations: Prisma's join node runs their queries together
    // (pg warns from the third query waiting on one connection).
    const rows = await prisma.$transaction((tx) =>
      tx.practice.findMany({
        where: { id: practice.id },
        select: {
          name: true,
          memberships: { select: { role: true } },
          apiKeys: { select: { id: true } },
          clients: { select: { id: true } },
        },
      }),
    );
    expect(rows).toEqual([
      { name: 'Serial', memberships: [{ role: 'owner' }], apiKeys: [], clients: [] },
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
  });

  it('keeps order and isolates a failing query from the ones queued behind it', async () => {
    const client = new SerialClient({ connectionString: testDb.url });
    await client.connect();
    try {
      const inner = client as unknown as { _queryQueue: unknown[] };
      const order: number[] = [];
      const pending = [
        client.query('SELECT pg_sleep(0.05), 1 AS n').then((r) => (order.push(1), r)),
        client.query('SELECT * FROM no_such_table').finally(() => order.push(2)),
        client.query('SELECT 3 AS n').then((r) => (order.push(3), r)),
      ];
      // pg's own (deprecated) queue stays empty: the waiting is ours.
      expect(inner._queryQueue).toHaveLength(0);
      const results = await Promise.allSettled(pending);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseFulfilledResult<{ rows: { n: number }[] }>).value.rows).toEqual([
        { n: 3 },
      ]);
      expect(order).toEqual([1, 2, 3]);
    } finally {
      await client.end();
    }
  });
});
