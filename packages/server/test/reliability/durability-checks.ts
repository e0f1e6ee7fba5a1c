// What must hold in the database after the crashes, read through the
// server's own paths (Prisma on the same database; answers decrypted by the
// staff procedure intake.submissions.get). Returns every problem found, so a
// failing run shows all of them at once, not just the first.
import type { TestApp } from '../support/test-app.js';
import type { Acknowledged, Ledger } from './load-driver.js';
import type { ReliabilityWorld } from './practice-world.js';

export interface StateReport {
  problems: string[];
  submissions: number;
  confirmed: number;
  /** Committed although the client never got the answer (the kill came between commit and reply). */
  committedUnacknowledged: { submissions: number; bookings: number; ids: Set<string> };
  /** Committed submissions/bookings whose audit event is missing (the kill came between commit and audit). */
  withoutAuditEvent: { submissions: string[]; bookings: string[] };
  /** Idempotency-Key → id of what was committed under it (submissions and confirmations). */
  committedByKey: Map<string, string>;
}

type Reader = Pick<TestApp, 'services' | 'caller'>;

/**
 * `auditGap`: ids committed while unacknowledged (reported by an earlier
 * check) that may lack their audit event: the handlers write it after the
 * commit, so a kill in between leaves the row unaudited and a retry only
 * replays the stored answer (see README.md, "Known gap").
 */
export async function checkDurableState(
  app: Reader,
  world: ReliabilityWorld,
  ledger: Ledger,
  auditGap: ReadonlySet<string> = new Set(),
): Promise<StateReport> {
  const problems: string[] = [];
  const db = app.services.prisma;
  const practiceId = world.practice.practiceId;
  const acked = (kind: Acknowledged['kind']) => ledger.acknowledged.filter((a) => a.kind === kind);

  // --- Intake submissions -------------------------------------------------
  const rows = await db.intakeSubmission.findMany({
    where: { practiceId },
    select: { id: true, idempotencyKey: true },
  });
  const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
  const keys = await db.idempotencyKey.findMany({
    where: { scope: `intake.submit:${practiceId}` },
    select: { key: true, response: true },
  });
  const keyRows = new Map(keys.map((k) => [k.key, k.response as { submissionId?: string } | null]));
  const jobs = new Set(
    (
      await db.job.findMany({
        where: { name: { in: ['intake.submitted', 'appointment.booked'] } },
        select: { dedupeKey: true },
      })
    ).map((j) => j.dedupeKey),
  );
  const audited = async (action: string, ids: string[]) =>
    new Set(
      (
        await db.auditEvent.findMany({
          where: { practiceId, action, objectId: { in: ids } },
          select: { objectId: true },
        })
      ).map((e) => e.objectId),
    );

  // Every committed submission is whole: answers that decrypt, its idempotency
  // record (same transaction) naming it, its outbox job.
  const staff = app.caller({ staffSessionToken: world.ownerToken });
  const markerOf = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 8) {
    await Promise.all(
      rows.slice(i, i + 8).map(async (row) => {
        try {
          const detail = (await staff.intake.submissions.get({ submissionId: row.id })) as {
            answers: { concerns?: unknown };
          };
          markerOf.set(row.id, String(detail.answers.concerns));
        } catch (err) {
          problems.push(`submission ${row.id}: cannot be read back (${(err as Error).message})`);
        }
      }),
    );
  }
  const markerCount = new Map<string, number>();
  for (const marker of markerOf.values())
    markerCount.set(marker, (markerCount.get(marker) ?? 0) + 1);
  for (const row of rows) {
    if (keyRows.get(row.idempotencyKey)?.submissionId !== row.id)
      problems.push(`submission ${row.id}: no idempotency record naming it`);
    if (!jobs.has(`intake.submitted:${row.id}`))
      problems.push(`submission ${row.id}: no intake.submitted job`);
  }
  for (const [marker, n] of markerCount)
    if (n !== 1) problems.push(`answers "${marker}" stored ${n} times`);

  const submitAudit = await audited(
    'intake.submit',
    rows.map((r) => r.id),
  );
  for (const a of acked('submit')) {
    const row = byKey.get(a.key);
    if (!row) problems.push(`acknowledged submission ${a.id} (${a.key}) is missing`);
    else if (row.id !== a.id) problems.push(`acknowledged submission ${a.id} stored as ${row.id}`);
    else if (markerOf.has(row.id) && markerOf.get(row.id) !== a.marker)
      problems.push(`acknowledged submission ${a.id}: answers differ from those sent`);
    if (row && !submitAudit.has(row.id) && !auditGap.has(row.id))
      problems.push(`acknowledged submission ${a.id}: no intake.submit audit event`);
  }
  const sentMarkers = new Set(
    [...ledger.acknowledged, ...ledger.unacknowledged]
      .filter((s) => s.kind === 'submit')
      .map((s) => s.marker),
  );
  for (const [id, marker] of markerOf)
    if (!sentMarkers.has(marker)) problems.push(`submission ${id}: answers nobody sent`);

  // --- Bookings -----------------------------------------------------------
  const appointments = await db.appointment.findMany({
    where: { practiceId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      clientId: true,
      confirmedAt: true,
      holdExpiresAt: true,
      holdTokenHash: true,
    },
  });
  const appointment = new Map(appointments.map((r) => [r.id, r]));
  const confirmKeys = await db.idempotencyKey.findMany({
    where: { scope: `booking.confirm:${practiceId}` },
    select: { key: true, response: true },
  });
  const confirmedByKey = new Map(
    confirmKeys.map((k) => [
      k.key,
      (k.response as { appointmentId?: string } | null)?.appointmentId,
    ]),
  );
  const confirmedRows = appointments.filter((r) => r.status === 'confirmed');
  const keyedIds = new Set(confirmedByKey.values());
  for (const r of confirmedRows) {
    // Confirmed within the hold's life, with its client, token spent, and the
    // key + job written in the same transaction.
    if (!r.clientId || !r.confirmedAt || r.holdTokenHash !== null)
      problems.push(`appointment ${r.id}: confirmed but incomplete`);
    if (r.confirmedAt && r.holdExpiresAt && r.confirmedAt > r.holdExpiresAt)
      problems.push(`appointment ${r.id}: confirmed after its hold expired`);
    if (!keyedIds.has(r.id))
      problems.push(`appointment ${r.id}: confirmed without an idempotency record`);
    if (!jobs.has(`appointment.booked:${r.id}`))
      problems.push(`appointment ${r.id}: no appointment.booked job`);
  }
  for (const id of keyedIds)
    if (id && appointment.get(id)?.status !== 'confirmed')
      problems.push(`idempotency record names ${id}, which is not confirmed`);
  const confirmAudit = await audited(
    'appointment.confirm',
    confirmedRows.map((r) => r.id),
  );
  for (const a of acked('confirm')) {
    const row = appointment.get(a.id);
    if (!row) problems.push(`acknowledged booking ${a.id} is missing`);
    else if (row.status !== 'confirmed')
      problems.push(`acknowledged booking ${a.id} is ${row.status}`);
    else if (row.startsAt.toISOString() !== a.startsAt || a.startsAt !== a.marker)
      problems.push(`acknowledged booking ${a.id} moved to ${row.startsAt.toISOString()}`);
    if (confirmedByKey.get(a.key) !== a.id)
      problems.push(`acknowledged booking ${a.id}: its key names ${confirmedByKey.get(a.key)}`);
    if (row && !confirmAudit.has(row.id) && !auditGap.has(row.id))
      problems.push(`acknowledged booking ${a.id}: no appointment.confirm audit event`);
  }

  const committedByKey = new Map<string, string>(rows.map((r) => [r.idempotencyKey, r.id]));
  for (const [key, id] of confirmedByKey) if (id) committedByKey.set(key, id);
  const ackedIds = new Set(ledger.acknowledged.map((a) => a.id));
  return {
    problems,
    submissions: rows.length,
    confirmed: confirmedRows.length,
    committedUnacknowledged: {
      submissions: rows.filter((r) => !ackedIds.has(r.id)).length,
      bookings: confirmedRows.filter((r) => !ackedIds.has(r.id)).length,
      ids: new Set([...rows, ...confirmedRows].map((r) => r.id).filter((id) => !ackedIds.has(id))),
    },
    withoutAuditEvent: {
      submissions: rows.filter((r) => !submitAudit.has(r.id)).map((r) => r.id),
      bookings: confirmedRows.filter((r) => !confirmAudit.has(r.id)).map((r) => r.id),
    },
    committedByKey,
  };
}
