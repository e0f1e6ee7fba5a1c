// Database snapshots for the security suites. Tables are discovered from the
// catalogue (information_schema), so tables added by future domains are
// covered without editing this file.
import type { TestApp } from '../../support/test-app.js';
import { chainIdOf } from '../../../src/audit/audit-log.js';

/**
 * Bookkeeping that any request may write: rate-limit counters (every
 * request), and the audit trail (denials and failed sign-ins are audited on
 * purpose; `newAuditRowsSince` checks those separately).
 */
export const BOOKKEEPING_TABLES = new Set(['rate_limits', 'AuditEvent', 'AuditChainHead']);

/** Columns that legitimately move on reads (session touch). */
const VOLATILE_COLUMNS = new Set(['lastSeenAt']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function publicTables(app: TestApp): Promise<{ table: string; columns: string[] }[]> {
  const rows = await app.services.database.sql.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return [...byTable].map(([table, columns]) => ({ table, columns }));
}

const countQueries = new WeakMap<TestApp, string>();

/** Row count of every table in the public schema (one query; the table list is read once per app). */
export async function tableCounts(app: TestApp): Promise<Record<string, number>> {
  let sql = countQueries.get(app);
  if (!sql) {
    sql = (await publicTables(app))
      .map(({ table }) => `SELECT ${`'${table}'`} AS t, count(*)::int AS n FROM ${quote(table)}`)
      .join(' UNION ALL ');
    countQueries.set(app, sql);
  }
  const rows = await app.services.database.sql.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** Tables whose count changed, ignoring bookkeeping tables. */
export function changedCounts(before: Record<string, number>, after: Record<string, number>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => !BOOKKEEPING_TABLES.has(t) && before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

const stable = (row: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !VOLATILE_COLUMNS.has(k))), (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );

/**
 * Every row that belongs to one practice, as sorted JSON lines per table:
 * rows with its practiceId, the practice itself, its staff users and their
 * MFA factors, its audit chain head and jobs mentioning it.
 */
export async function tenantRows(app: TestApp, practiceId: string): Promise<Record<string, string[]>> {
  const { sql } = app.services.database;
  const out: Record<string, string[]> = {};
  const staffIds = (
    await sql.query<{ staffUserId: string }>(`SELECT "staffUserId" FROM "Membership" WHERE "practiceId" = $1`, [practiceId])
  ).map((r) => r.staffUserId);
  for (const { table, columns } of await publicTables(app)) {
    let rows: Record<string, unknown>[] = [];
    if (columns.includes('practiceId')) {
      rows = await sql.query(`SELECT * FROM ${quote(table)} WHERE "practiceId" = $1`, [practiceId]);
    } else if (table === 'Practice') {
      rows = await sql.query(`SELECT * FROM "Practice" WHERE id = $1`, [practiceId]);
    } else if (table === 'StaffUser') {
      rows = await sql.query(`SELECT * FROM "StaffUser" WHERE id = ANY($1::uuid[])`, [staffIds]);
    } else if (columns.includes('staffUserId')) {
      rows = await sql.query(`SELECT * FROM ${quote(table)} WHERE "staffUserId" = ANY($1::uuid[])`, [staffIds]);
    } else if (table === 'AuditChainHead') {
      rows = await sql.query(`SELECT * FROM "AuditChainHead" WHERE "chainId" = $1`, [chainIdOf(practiceId)]);
    } else if (table === 'Job') {
      rows = await sql.query(`SELECT * FROM "Job" WHERE payload::text LIKE $1`, [`%${practiceId}%`]);
    }
    if (rows.length) out[table] = rows.map(stable).sort();
  }
  return out;
}

/** A's rows (audit trail included) that mention any of B's identifiers. */
export async function rowsReferencing(app: TestApp, practiceId: string, foreignIds: string[]): Promise<string[]> {
  const rows = await tenantRows(app, practiceId);
  const hits: string[] = [];
  for (const [table, lines] of Object.entries(rows)) {
    for (const line of lines) {
      const id = foreignIds.find((f) => line.includes(f));
      if (id) hits.push(`${table} row mentions ${id}: ${line.slice(0, 200)}`);
    }
  }
  return hits;
}

/** Audit rows written after `afterId`: a failed request may only record failures or denials. */
export async function newAuditRowsSince(
  app: TestApp,
  afterId: bigint,
): Promise<{ action: string; outcome: string; practiceId: string | null }[]> {
  return app.services.prisma.auditEvent.findMany({
    where: { id: { gt: afterId } },
    select: { action: true, outcome: true, practiceId: true },
  });
}

export async function lastAuditId(app: TestApp): Promise<bigint> {
  const last = await app.services.prisma.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0n;
}
