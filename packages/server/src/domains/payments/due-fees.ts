// Staff settle a due late-cancellation fee outside Stripe: collected in the
// office, or waived. Both move the row only from `due` with one conditional
// update, so two clicks (or two staff) settle it once and the second is
// told it already happened; anything else changes nothing.
import type { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import type { markCollectedInput, waiveInput } from './payments.schema.js';

type StaffContext = Context & { staff: StaffPrincipal };

/** Plugin SDK event (plugin-sdk events.ts) written as a durable job, ids only. */
export const PAYMENT_SUCCEEDED_JOB = 'payment.succeeded';

const settledSelect = {
  id: true,
  status: true,
  amountCents: true,
  currency: true,
  appointmentId: true,
  appointment: { select: { clientId: true } },
} as const;

async function refuseUnlessDue(ctx: StaffContext, paymentId: string): Promise<never> {
  const row = await ctx.db.payment.findFirst({
    where: { id: paymentId, practiceId: ctx.staff.practiceId },
    select: { status: true, kind: true },
  });
  if (!row) throw notFound('Payment');
  throw new DomainError('PRECONDITION_FAILED', 'Only a due fee can be collected or waived', {
    reason: 'not_due',
    status: row.status,
  });
}

const dueFee = (ctx: StaffContext, paymentId: string) => ({
  id: paymentId,
  practiceId: ctx.staff.practiceId,
  kind: 'late_cancel_fee' as const,
  status: 'due' as const,
});

export async function markFeeCollected(
  ctx: StaffContext,
  input: z.infer<typeof markCollectedInput>,
) {
  const { practiceId } = ctx.staff;
  const now = ctx.services.clock.now();
  const row = await ctx.db.$transaction(async (tx) => {
    const moved = await tx.payment.updateMany({
      where: dueFee(ctx, input.paymentId),
      data: { status: 'paid', paidAt: now, collectionMethod: input.method },
    });
    if (moved.count !== 1) return null;
    const p = await tx.payment.findUniqueOrThrow({
      where: { id: input.paymentId },
      select: settledSelect,
    });
    await tx.job.createMany({
      data: [
        {
          name: PAYMENT_SUCCEEDED_JOB,
          queue: 'default',
          payload: {
            paymentId: p.id,
            practiceId,
            appointmentId: p.appointmentId,
            ...(p.appointment.clientId && { clientId: p.appointment.clientId }),
          },
          runAt: now,
          maxAttempts: 8,
          dedupeKey: `${PAYMENT_SUCCEEDED_JOB}:${p.id}`,
        },
      ],
      skipDuplicates: true,
    });
    return p;
  });
  if (!row) return refuseUnlessDue(ctx, input.paymentId);
  await audit(ctx, practiceId, {
    action: 'payment.collect',
    objectType: 'Payment',
    objectId: row.id,
    detail: {
      appointmentId: row.appointmentId,
      amountCents: row.amountCents,
      method: input.method,
    },
  });
  return { paymentId: row.id, status: 'paid' as const, method: input.method, paidAt: now };
}

export async function waiveFee(ctx: StaffContext, input: z.infer<typeof waiveInput>) {
  const { practiceId } = ctx.staff;
  const now = ctx.services.clock.now();
  // Free text from staff may say anything about the client: kept encrypted, never in the audit detail.
  const waiveReasonEnc = input.reason
    ? await ctx.services.cipher.encrypt(practiceId, input.reason)
    : null;
  const moved = await ctx.db.payment.updateMany({
    where: dueFee(ctx, input.paymentId),
    data: { status: 'waived', waivedAt: now, waiveReasonEnc },
  });
  if (moved.count !== 1) return refuseUnlessDue(ctx, input.paymentId);
  const row = await ctx.db.payment.findUniqueOrThrow({
    where: { id: input.paymentId },
    select: settledSelect,
  });
  await audit(ctx, practiceId, {
    action: 'payment.waive',
    objectType: 'Payment',
    objectId: row.id,
    detail: {
      appointmentId: row.appointmentId,
      amountCents: row.amountCents,
      withReason: !!input.reason,
    },
  });
  return { paymentId: row.id, status: 'waived' as const, waivedAt: now };
}
