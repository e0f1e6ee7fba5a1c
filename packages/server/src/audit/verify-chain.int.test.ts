// The audit chain against an attacker with superuser access to the database:
// the append-only trigger stops the application's own connection, and the
// hash chain (checked by verifyAuditChains and the real `verify-audit` CLI)
// catches whatever a superuser does after disabling the trigger.
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice } from '../../test/support/fixtures.js';
import { runCli } from '../../test/multi-instance/processes.js';
import { AuditLog, auditChainKey, GENESIS_HASH, hashAuditEvent } from './audit-log.js';
import { verifyAuditChains } from './verify-chain.js';

let app: TestApp;
let superuser: pg.Client;

beforeAll(async () => {
  app = await startTestApp({ db: 'postgres' });
  superuser = new pg.Client({ connectionString: app.database!.url });
  await superuser.connect();
  // What an attacker with the superuser role does first: switch triggers off.
  await superuser.query('SET session_replication_role = replica');
});
afterAll(async () => {
  await superuser.end();
  await app.close();
});

/** A practice whose chain holds `events` events after practice.create (seq 1). */
async function practiceWithChain(events = 4): Promise<string> {
  const { practiceId } = await createTestPractice(app);
  for (let i = 0; i < events; i++) {
    app.clock.advance(1000);
    await app.services.audit.record({
      practiceId,
      actor: { type: 'staff', id: `staff-${i}` },
      action: 'client.read',
      objectType: 'Client',
      objectId: `client-${i}`,
      outcome: 'success',
      ip: '203.0.113.7',
      detail: { n: i, nested: { b: 2, a: 1 } },
    });
  }
  return practiceId;
}

const chainKey = () => auditChainKey(app.config.appSecret);

async function problemsOf(practiceId: string | null) {
  const report = await verifyAuditChains(app.services.prisma, chainKey(), practiceId);
  return report.problems.map((p) => `${p.seq}:${p.problem}`);
}

function cli(args: string[]) {
  // The server's APP_SECRET: the chain is keyed with it.
  return runCli(args, {
    DATABASE_URL: app.database!.url,
    DATA_DIR: app.dataDir,
    APP_SECRET: app.config.appSecret,
  });
}

describe('audit chain', () => {
  it('an honest chain verifies, with the library and with the CLI (exit 0)', async () => {
    const practiceId = await practiceWithChain();
    const report = await verifyAuditChains(app.services.prisma, chainKey(), practiceId);
    expect(report).toMatchObject({ ok: true, chains: 1, events: 5, problems: [] });
    const anchors = `${app.dataDir}/anchors-honest.json`;
    const r = await cli(['verify-audit', '--anchors', anchors]);
    expect(r.stdout).toMatch(/events: OK/);
    expect(r.code).toBe(0);
    // A successful run saves every chain's head as the next run's anchors.
    expect(JSON.parse(fs.readFileSync(anchors, 'utf8'))).toContainEqual(report.heads[0]);
  });

  it("the trigger refuses UPDATE and DELETE from the application's connection", async () => {
    const practiceId = await practiceWithChain(1);
    const { prisma, database } = app.services;
    const row = await prisma.auditEvent.findFirstOrThrow({
      where: { practiceId },
      orderBy: { seq: 'desc' },
    });
    await expect(
      prisma.auditEvent.update({ where: { id: row.id }, data: { action: 'x' } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.deleteMany({ where: { practiceId } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      database.sql.query('DELETE FROM "AuditEvent" WHERE id = $1', [row.id]),
    ).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count({ where: { practiceId } })).toBe(2);
    expect(await problemsOf(practiceId)).toEqual([]);
  });

  it('editing one row as superuser → hash_mismatch, and `verify-audit` exits 1 naming it', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(
      `UPDATE "AuditEvent" SET "objectId" = 'someone-else' WHERE "practiceId" = $1 AND seq = 3`,
      [practiceId],
    );
    expect(await problemsOf(practiceId)).toEqual(['3:hash_mismatch']);
    const r = await cli(['verify-audit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`chain ${practiceId} seq 3: hash_mismatch`);
  });

  it('editing only the JSON detail or the time is caught too', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(
      `UPDATE "AuditEvent" SET detail = '{"n": 99}' WHERE "practiceId" = $1 AND seq = 2`,
      [practiceId],
    );
    await superuser.query(
      `UPDATE "AuditEvent" SET at = at - interval '1 day' WHERE "practiceId" = $1 AND seq = 4`,
      [practiceId],
    );
    expect(await problemsOf(practiceId)).toEqual(['2:hash_mismatch', '4:hash_mismatch']);
  });

  it('deleting a middle row → failure (gap and broken link)', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1 AND seq = 3`, [
      practiceId,
    ]);
    expect(await problemsOf(practiceId)).toEqual(['4:sequence_gap', '4:broken_link']);
  });

  it('deleting the newest row → head_mismatch', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1 AND seq = 5`, [
      practiceId,
    ]);
    expect(await problemsOf(practiceId)).toEqual(['5:head_mismatch']);
  });

  it('deleting the whole chain → head_mismatch', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1`, [practiceId]);
    expect(await problemsOf(practiceId)).toEqual(['5:head_mismatch']);
  });

  it('swapping the complete contents of two rows (reordering) → reordered', async () => {
    const practiceId = await practiceWithChain();
    const cols = ['seq', 'actorId', 'objectId', 'detail', 'at', 'prevHash', 'hash'];
    const { rows } = await superuser.query<Record<string, unknown>>(
      `SELECT id, ${cols.map((c) => `"${c}"`).join(', ')} FROM "AuditEvent" WHERE "practiceId" = $1 AND seq IN (2, 3) ORDER BY seq`,
      [practiceId],
    );
    const [second, third] = rows as [Record<string, unknown>, Record<string, unknown>];
    // Every column but the id moves, so each row stays internally consistent;
    // seq goes through a free value first because (practiceId, seq) is unique.
    const write = (id: unknown, from: Record<string, unknown>) =>
      superuser.query(
        `UPDATE "AuditEvent" SET ${cols.map((c, i) => `"${c}" = $${i + 2}`).join(', ')} WHERE id = $1`,
        [id, ...cols.map((c) => (c === 'detail' ? JSON.stringify(from[c]) : from[c]))],
      );
    await superuser.query('UPDATE "AuditEvent" SET seq = -1 WHERE id = $1', [second.id]);
    await write(third.id, second);
    await write(second.id, third);
    expect(await problemsOf(practiceId)).toEqual(['3:reordered']);
  });

  it('swapping the action of two rows → hash_mismatch on both', async () => {
    const practiceId = await practiceWithChain();
    await superuser.query(
      `UPDATE "AuditEvent" SET action = 'practice.create' WHERE "practiceId" = $1 AND seq = 2`,
      [practiceId],
    );
    await superuser.query(
      `UPDATE "AuditEvent" SET action = 'client.read' WHERE "practiceId" = $1 AND seq = 1`,
      [practiceId],
    );
    expect(await problemsOf(practiceId)).toEqual(['1:hash_mismatch', '2:hash_mismatch']);
  });

  it('an edit with the whole chain and head recomputed is caught without APP_SECRET, not with it', async () => {
    const practiceId = await practiceWithChain();
    /** What an attacker with only database access does: edit row 2, re-link everything after it. */
    async function rewriteFrom2(key: Buffer) {
      const rows = (
        await app.services.prisma.auditEvent.findMany({
          where: { practiceId },
          orderBy: { seq: 'asc' },
        })
      ).map((r) => ({ ...r, actorType: String(r.actorType) }));
      rows[1]!.objectId = 'covered-up';
      for (let i = 1; i < rows.length; i++) {
        rows[i]!.prevHash = rows[i - 1]!.hash;
        rows[i]!.hash = hashAuditEvent(rows[i]!, key);
        await superuser.query(
          `UPDATE "AuditEvent" SET "objectId" = $2, "prevHash" = $3, hash = $4 WHERE id = $1`,
          [rows[i]!.id, rows[i]!.objectId, rows[i]!.prevHash, rows[i]!.hash],
        );
      }
      await superuser.query(`UPDATE "AuditChainHead" SET hash = $2 WHERE "chainId" = $1`, [
        practiceId,
        rows.at(-1)!.hash,
      ]);
    }
    await rewriteFrom2(crypto.randomBytes(32)); // a guessed key (or plain SHA-256): every rewritten row fails
    expect(await problemsOf(practiceId)).toEqual([
      '2:hash_mismatch',
      '3:hash_mismatch',
      '4:hash_mismatch',
      '5:hash_mismatch',
    ]);
    // Control: with the real key the same rewrite is undetectable, so the key is what protects the chain.
    await rewriteFrom2(chainKey());
    expect(await problemsOf(practiceId)).toEqual([]);
  });

  it('removing the newest events and rewinding the head is caught by anchors saved outside the database', async () => {
    const practiceId = await practiceWithChain();
    const honest = await verifyAuditChains(app.services.prisma, chainKey(), practiceId);
    const saved = honest.heads; // what `verify-audit --anchors FILE` keeps
    expect(saved).toEqual([{ chainId: practiceId, seq: 5, hash: expect.any(String) }]);
    // Delete seq 5 and point the head at seq 4: a consistent, shorter chain.
    await superuser.query(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1 AND seq = 5`, [
      practiceId,
    ]);
    await superuser.query(
      `UPDATE "AuditChainHead" h SET seq = e.seq, hash = e.hash, at = e.at
       FROM "AuditEvent" e WHERE h."chainId" = $1 AND e."practiceId" = $1::uuid AND e.seq = 4`,
      [practiceId],
    );
    expect(await problemsOf(practiceId)).toEqual([]); // the chain alone cannot tell
    const anchored = await verifyAuditChains(app.services.prisma, chainKey(), practiceId, saved);
    expect(anchored.problems).toEqual([
      { chainId: practiceId, seq: 5, problem: 'anchor_mismatch' },
    ]);
  });

  it('verify-audit --anchors saves heads on success and fails (exit 1) when an anchored link is gone', async () => {
    const practiceId = await practiceWithChain(2);
    const file = `${app.dataDir}/audit-anchors.json`;
    // Only this chain's anchor: other tests in this file left broken chains behind.
    const { heads } = await verifyAuditChains(app.services.prisma, chainKey(), practiceId);
    fs.writeFileSync(file, JSON.stringify(heads));
    await superuser.query(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1 AND seq = 3`, [
      practiceId,
    ]);
    await superuser.query(
      `UPDATE "AuditChainHead" h SET seq = e.seq, hash = e.hash, at = e.at
       FROM "AuditEvent" e WHERE h."chainId" = $1 AND e."practiceId" = $1::uuid AND e.seq = 2`,
      [practiceId],
    );
    const r = await cli(['verify-audit', '--anchors', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`chain ${practiceId} seq 3: anchor_mismatch`);
    // A failed run keeps the old anchors.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(heads);
  });

  it('a forged chain without a head, or a deleted head row → head_mismatch', async () => {
    // A practice with no audit events of its own yet (created behind the app's back).
    const { rows } = await superuser.query<{ id: string }>(
      `INSERT INTO "Practice" (id, slug, name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Forged', now()) RETURNING id`,
      [`forged-${Date.now()}`],
    );
    const forgedPractice = rows[0]!.id;
    const at = new Date('2026-01-01T00:00:00Z');
    const fields = {
      practiceId: forgedPractice,
      seq: 1,
      actorType: 'system',
      actorId: null,
      action: 'client.read',
      objectType: null,
      objectId: null,
      outcome: 'success',
      ip: null,
      detail: {},
      at,
      prevHash: GENESIS_HASH,
    };
    // Internally consistent, even with the right key (an insider who has APP_SECRET).
    await superuser.query(
      `INSERT INTO "AuditEvent" ("practiceId", seq, "actorType", action, outcome, detail, at, "prevHash", hash)
       VALUES ($1, 1, 'system', 'client.read', 'success', '{}', $2, $3, $4)`,
      [forgedPractice, at, GENESIS_HASH, hashAuditEvent(fields, chainKey())],
    );
    expect(await problemsOf(forgedPractice)).toEqual(['null:head_mismatch']);

    const honest = await practiceWithChain(1);
    await superuser.query(`DELETE FROM "AuditChainHead" WHERE "chainId" = $1`, [honest]);
    expect(await problemsOf(honest)).toEqual(['null:head_mismatch']);
  });

  it('an event the database refuses fails alone, not the events batched with it', async () => {
    const { practiceId } = await createTestPractice(app);
    const event = (detail: Record<string, unknown>) =>
      app.services.audit.record({
        practiceId,
        actor: { type: 'system' },
        action: 'test.batch',
        outcome: 'success',
        detail,
      });
    // jsonb cannot store U+0000.
    const results = await Promise.allSettled([
      event({ n: 1 }),
      event({ n: 2 }),
      event({ bad: 'a\u0000b' }),
      event({ n: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(
      await app.services.prisma.auditEvent.count({ where: { practiceId, action: 'test.batch' } }),
    ).toBe(3);
    expect(await problemsOf(practiceId)).toEqual([]);
  });

  it('concurrent record() from two app instances on one database makes one unbroken chain', async () => {
    const second = await startTestApp({ databaseUrl: app.database!.url, dataDir: app.dataDir });
    try {
      const { practiceId } = await createTestPractice(app);
      const writes = (target: TestApp, label: string, chain: string | null) =>
        Array.from({ length: 100 }, (_, i) =>
          target.services.audit.record({
            practiceId: chain,
            actor: { type: 'system' },
            action: `test.${label}`,
            objectId: String(i),
            outcome: 'success',
          }),
        );
      await Promise.all([
        ...writes(app, 'a', practiceId),
        ...writes(second, 'b', practiceId),
        ...writes(app, 'a', null),
        ...writes(second, 'b', null),
      ]);
      for (const chain of [practiceId, null]) {
        const seqs = (
          await app.services.prisma.auditEvent.findMany({
            where: { practiceId: chain },
            select: { seq: true },
          })
        ).map((r) => r.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(Math.max(...seqs)).toBe(seqs.length);
        expect(await problemsOf(chain)).toEqual([]);
      }
      expect(await app.services.prisma.auditEvent.count({ where: { practiceId } })).toBe(201);
    } finally {
      await second.close();
    }
  });
  it('events recorded in one go share one append transaction, in order, and verify', async () => {
    const { practiceId } = await createTestPractice(app);
    let transactions = 0;
    const prisma = app.services.prisma;
    const counting = new Proxy(prisma, {
      get(target, prop, receiver) {
        if (prop === '$transaction') {
          return (...args: unknown[]) => {
            transactions++;
            return (target.$transaction as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const log = new AuditLog(counting, app.services.clock, chainKey());
    const event = (n: number) =>
      log.record({
        practiceId,
        actor: { type: 'system' },
        action: 'test.same_tick',
        objectId: String(n),
        outcome: 'success',
      });
    await Promise.all([event(1), event(2), event(3)]);
    expect(transactions).toBe(1);
    const rows = await prisma.auditEvent.findMany({
      where: { practiceId, action: 'test.same_tick' },
      orderBy: { seq: 'asc' },
      select: { objectId: true },
    });
    expect(rows.map((r) => r.objectId)).toEqual(['1', '2', '3']);
    expect(await problemsOf(practiceId)).toEqual([]);
  });
});
