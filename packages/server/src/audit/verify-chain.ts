// Recomputes every practice's audit chain. Detects an edited row (hash
// mismatch), a deleted row (sequence gap or broken prevHash link, or a head
// that no longer matches the newest row) and reordering (ids out of step with
// sequence numbers). Removing the newest events and rewinding the head to an
// older link leaves a consistent chain: only anchors (heads verified earlier
// and kept outside the database, `verify-audit --anchors FILE`) reveal it.
import type { Db } from '../db/client.js';
import { chainIdOf, GENESIS_HASH, hashAuditEvent } from './audit-log.js';

export interface ChainProblem {
  chainId: string;
  seq: number | null;
  problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'reordered' | 'head_mismatch' | 'anchor_mismatch';
}

/** A chain link seen by an earlier verification: it must still be there. */
export interface ChainAnchor {
  chainId: string;
  seq: number;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  chains: number;
  events: number;
  problems: ChainProblem[];
  /** The newest link of each verified chain: tomorrow's anchors. */
  heads: ChainAnchor[];
}

/** `chainKey` must be the writers' key: auditChainKey(config.appSecret). */
export async function verifyAuditChains(
  db: Db,
  chainKey: Buffer,
  onlyPracticeId?: string | null,
  anchors: ChainAnchor[] = [],
): Promise<ChainReport> {
  const heads = await db.auditChainHead.findMany();
  const chainIds = new Set(heads.map((h) => h.chainId));
  const practices = await db.auditEvent.findMany({ distinct: ['practiceId'], select: { practiceId: true } });
  for (const p of practices) chainIds.add(chainIdOf(p.practiceId));
  for (const a of anchors) chainIds.add(a.chainId);
  const verifiedHeads: ChainAnchor[] = [];

  const problems: ChainProblem[] = [];
  let events = 0;
  let chains = 0;
  for (const chainId of chainIds) {
    const practiceId = chainId === 'system' ? null : chainId;
    if (onlyPracticeId !== undefined && practiceId !== onlyPracticeId) continue;
    chains++;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastId: bigint | null = null;
    let cursor: bigint | undefined;
    const anchor = anchors.find((a) => a.chainId === chainId);
    let anchorSeen = false;
    for (;;) {
      const rows = await db.auditEvent.findMany({
        where: { practiceId, ...(cursor !== undefined ? { seq: { gt: Number(cursor) } } : {}) },
        orderBy: { seq: 'asc' },
        take: 1000,
      });
      if (!rows.length) break;
      for (const row of rows) {
        events++;
        if (row.seq !== expectedSeq) problems.push({ chainId, seq: row.seq, problem: 'sequence_gap' });
        if (row.prevHash !== prevHash) problems.push({ chainId, seq: row.seq, problem: 'broken_link' });
        if (lastId !== null && row.id < lastId) problems.push({ chainId, seq: row.seq, problem: 'reordered' });
        const recomputed = hashAuditEvent({ ...row, actorType: row.actorType, detail: row.detail }, chainKey);
        if (recomputed !== row.hash) problems.push({ chainId, seq: row.seq, problem: 'hash_mismatch' });
        if (anchor && row.seq === anchor.seq) anchorSeen = row.hash === anchor.hash;
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastId = row.id;
      }
      cursor = BigInt(rows[rows.length - 1]!.seq);
    }
    const head = heads.find((h) => h.chainId === chainId);
    if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
      problems.push({ chainId, seq: head.seq, problem: 'head_mismatch' });
    }
    // record() writes the head with every event: events without one were
    // inserted behind its back (or the head row was deleted).
    if (!head && expectedSeq > 1) problems.push({ chainId, seq: null, problem: 'head_mismatch' });
    if (anchor && !anchorSeen) problems.push({ chainId, seq: anchor.seq, problem: 'anchor_mismatch' });
    if (expectedSeq > 1) verifiedHeads.push({ chainId, seq: expectedSeq - 1, hash: prevHash });
  }
  return { ok: problems.length === 0, chains, events, problems, heads: verifiedHeads };
}
