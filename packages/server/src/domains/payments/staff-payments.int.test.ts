// The console's payments on real PostgreSQL: payments.list (roles, filters,
// keyset pages, decrypted names, audited read) and settling due late fees
// (markCollected, waive): only from `due`, once under concurrency, audited.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../test/support/fixtures.js';
import { bookingWorld, person, type BookingWorld } from '../booking/booking-test-world.js';
import { startPaymentsApp, type PaymentsHarness } from './payments-test-world.js';

const tue = (hourNy: number) => `2026-03-03T${String(hourNy + 5).padStart(2, '0')}:00:00.000Z`;

let h: PaymentsHarness;
beforeAll(async () => {
  h = await startPaymentsApp();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.app.services.prisma;
const staffOf = async (
  w: BookingWorld,
  role: 'owner' | 'front_desk' | 'clinician' | 'biller' | 'auditor',
) =>
  h.app.caller({
    staffSessionToken: (await signedInStaff(h.app, w.practice.practiceId, role)).token,
  });

/** A late cancellation (48 h window, the clock stands 27 h before Tuesday 10:00) leaving a `due` fee. */
async function dueFee(w: BookingWorld, typeId: string, hourNy: number, n: number) {
  const hold = await w.widget().booking.hold({
    appointmentTypeId: typeId,
    clinicianId: w.clinician.userId,
    startsAt: tue(hourNy),
  });
  await w
    .widget({ idempotencyKey: crypto.randomUUID() })
    .booking.confirm({ holdToken: hold.holdToken, client: person(n) });
  await w.staff.booking.appointments.cancel({
    appointmentId: hold.holdId,
    refund: 'policy',
    notifyClient: false,
  });
  const p = await db().payment.findFirstOrThrow({
    where: { appointmentId: hold.holdId },
    select: { id: true },
  });
  return { paymentId: p.id, appointmentId: hold.holdId };
}

async function feeWorld(label = 'a') {
  const w = await bookingWorld(h.app, label);
  const type = await w.createType({
    name: 'Fee',
    lateCancelFeeCents: 4_000,
    cancellationWindowHours: 48,
  });
  return { w, typeId: type.id };
}

const statusOf = async (id: string) =>
  (await db().payment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe('payments.list', () => {
  it('lists newest first with decrypted client names, filters by status and date, pages with a cursor, audits the read; clinicians are refused', async () => {
    const { w, typeId } = await feeWorld();
    const fees: Awaited<ReturnType<typeof dueFee>>[] = [];
    for (const [i, hour] of [9, 10, 11].entries()) fees.push(await dueFee(w, typeId, hour, 20 + i));
    // A paid row too: the first fee collected.
    await w.staff.payments.markCollected({ paymentId: fees[0]!.paymentId, method: 'cash' });
    const other = await feeWorld('b');
    await dueFee(other.w, other.typeId, 9, 30);

    const frontDesk = await staffOf(w, 'front_desk');
    const biller = await staffOf(w, 'biller');
    const all = await frontDesk.payments.list({});
    expect(all.items.map((p) => p.id).sort()).toEqual(fees.map((f) => f.paymentId).sort());
    expect(all.nextCursor).toBeNull();
    const created = all.items.map((p) => p.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const first = all.items.find((p) => p.id === fees[1]!.paymentId)!;
    expect(first).toMatchObject({
      kind: 'late_cancel_fee',
      status: 'due',
      amountCents: 4_000,
      currency: 'usd',
      appointmentId: fees[1]!.appointmentId,
      appointmentStartsAt: new Date(tue(10)),
      clientName: `${person(21).firstName} ${person(21).lastName}`,
    });
    expect(first).not.toHaveProperty('refundedCents');

    const due = await biller.payments.list({ status: 'due' });
    expect(due.items.map((p) => p.id).sort()).toEqual(
      [fees[1]!.paymentId, fees[2]!.paymentId].sort(),
    );
    expect((await biller.payments.list({ status: 'paid' })).items.map((p) => p.id)).toEqual([
      fees[0]!.paymentId,
    ]);
    const future = new Date(h.app.clock.now().getTime() + 86_400_000 * 365).toISOString();
    expect((await biller.payments.list({ from: future })).items).toEqual([]);
    expect((await biller.payments.list({ to: '2000-01-01T00:00:00Z' })).items).toEqual([]);

    const page1 = await biller.payments.list({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = await biller.payments.list({ limit: 2, cursor: page1.nextCursor! });
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(all.items.map((p) => p.id));
    await expect(biller.payments.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const clinician = h.app.caller({ staffSessionToken: w.clinician.token });
    await expect(clinician.payments.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await staffOf(w, 'auditor')).payments.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const reads = await db().auditEvent.findMany({
      where: { practiceId: w.practice.practiceId, action: 'payment.list' },
      select: { detail: true },
    });
    expect(reads.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(reads)).not.toContain(person(21).firstName);
  });
});

describe('settling a due fee', () => {
  it('markCollected and waive move a due fee once; the second of two concurrent clicks is PRECONDITION_FAILED', async () => {
    const { w, typeId } = await feeWorld();
    const a = await dueFee(w, typeId, 12, 40);
    const b = await dueFee(w, typeId, 13, 41);
    const biller = await staffOf(w, 'biller');

    const collect = await Promise.allSettled([
      biller.payments.markCollected({ paymentId: a.paymentId, method: 'card_in_office' }),
      w.staff.payments.markCollected({ paymentId: a.paymentId, method: 'cash' }),
    ]);
    expect(collect.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (collect.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason,
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const row = await db().payment.findUniqueOrThrow({ where: { id: a.paymentId } });
    expect(row.status).toBe('paid');
    expect(['card_in_office', 'cash']).toContain(row.collectionMethod);
    expect(row.paidAt).toEqual(h.app.clock.now());
    expect(
      await db().job.count({
        where: { name: 'payment.succeeded', payload: { path: ['paymentId'], equals: a.paymentId } },
      }),
    ).toBe(1);

    const waive = await Promise.allSettled([
      biller.payments.waive({ paymentId: b.paymentId, reason: 'Canary-First-41 was in hospital' }),
      biller.payments.waive({ paymentId: b.paymentId }),
    ]);
    expect(waive.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (waive.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason,
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const waived = await db().payment.findUniqueOrThrow({ where: { id: b.paymentId } });
    expect(waived.status).toBe('waived');
    expect(waived.waiveReasonEnc ?? '').not.toContain('hospital');

    const actions = await db().auditEvent.findMany({
      where: {
        practiceId: w.practice.practiceId,
        action: { in: ['payment.collect', 'payment.waive'] },
      },
      select: { action: true, objectId: true, actorType: true, detail: true },
    });
    expect(actions.map((x) => [x.action, x.objectId, x.actorType])).toEqual(
      expect.arrayContaining([
        ['payment.collect', a.paymentId, 'staff'],
        ['payment.waive', b.paymentId, 'staff'],
      ]),
    );
    expect(actions).toHaveLength(2);
    expect(JSON.stringify(actions)).not.toContain('hospital');
  });

  it('refuses anything not due (e.g. waived) and unknown or foreign ids, changing nothing; front desk and clinicians cannot settle', async () => {
    const { w, typeId } = await feeWorld();
    const fee = await dueFee(w, typeId, 14, 50);
    await w.staff.payments.waive({ paymentId: fee.paymentId });
    await expect(
      w.staff.payments.markCollected({ paymentId: fee.paymentId, method: 'cash' }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(w.staff.payments.waive({ paymentId: fee.paymentId })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await statusOf(fee.paymentId)).toBe('waived');

    const other = await feeWorld('b');
    const foreign = await dueFee(other.w, other.typeId, 9, 51);
    await expect(
      w.staff.payments.markCollected({ paymentId: foreign.paymentId, method: 'cash' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(w.staff.payments.waive({ paymentId: foreign.paymentId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await statusOf(foreign.paymentId)).toBe('due');

    const open = await dueFee(w, typeId, 15, 52);
    const frontDesk = await staffOf(w, 'front_desk');
    await expect(
      frontDesk.payments.markCollected({ paymentId: open.paymentId, method: 'cash' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const clinician = h.app.caller({ staffSessionToken: w.clinician.token });
    await expect(clinician.payments.waive({ paymentId: open.paymentId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      w.staff.payments.markCollected({ paymentId: open.paymentId, method: 'bitcoin' as never }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await statusOf(open.paymentId)).toBe('due');
  });
});
