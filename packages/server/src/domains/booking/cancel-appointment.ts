// The one way an active appointment is cancelled, shared by the client's
// manage link (manage-booking.ts) and the staff calendar (staff-cancel.ts).
// Inside the caller's transaction: a conditional status change (so two
// cancels do it once), the payment effects of the chosen refund rule, and
// the lifecycle jobs (ids only).
import { DomainError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { staffCancellationOutcome, type RefundChoice } from '../payments/payment-policy.js';
import { scheduleRefund } from '../payments/refunds.js';
import { enqueueLifecycleJob, LIFECYCLE_JOBS, slotFreedPayload } from './lifecycle-jobs.js';

export const CANCELLABLE_STATUSES = ['confirmed', 'requested'] as const;

/** What a cancellation needs to know about the appointment (select it with `cancellableSelect`). */
export const cancellableSelect = {
  id: true,
  practiceId: true,
  clinicianId: true,
  appointmentTypeId: true,
  status: true,
  startsAt: true,
  appointmentType: { select: { cancellationWindowHours: true, lateCancelFeeCents: true } },
  payments: { where: { status: 'paid' }, select: { id: true, amountCents: true, currency: true } },
} satisfies Prisma.AppointmentSelect;

export type CancellableAppointment = Prisma.AppointmentGetPayload<{
  select: typeof cancellableSelect;
}>;

export interface CancellationResult {
  appointmentId: string;
  status: 'cancelled';
  late: boolean;
  feeCents: number;
  refundCents: number;
}

export interface CancellationRequest {
  now: Date;
  /** Currency of a new `due` fee row. */
  currency: string;
  refund: RefundChoice;
  /** Stored on the row: `client` (manage link) or `practice` (staff). */
  cancelReason: 'client' | 'practice';
  /** Whether the client is e-mailed (the `appointment.cancelled` job sends that e-mail). */
  notifyClient: boolean;
  /** Message of the refusal when the appointment is no longer active or already started. */
  notCancellableMessage: string;
}

export const isCancellable = (a: { status: string; startsAt: Date }, now: Date) =>
  (CANCELLABLE_STATUSES as readonly string[]).includes(a.status) && a.startsAt > now;

export async function applyCancellation(
  tx: Prisma.TransactionClient,
  a: CancellableAppointment,
  req: CancellationRequest,
): Promise<CancellationResult> {
  const { now } = req;
  if (!isCancellable(a, now)) {
    throw new DomainError('PRECONDITION_FAILED', req.notCancellableMessage, {
      reason: 'not_cancellable',
      status: a.status,
    });
  }
  const paid = a.payments[0];
  const outcome = staffCancellationOutcome(
    req.refund,
    a.appointmentType,
    a.startsAt,
    now,
    paid?.amountCents ?? 0,
  );
  const moved = await tx.appointment.updateMany({
    where: { id: a.id, status: { in: [...CANCELLABLE_STATUSES] } },
    data: { status: 'cancelled', cancelReason: req.cancelReason, cancelledAt: now },
  });
  if (moved.count !== 1)
    throw new DomainError('PRECONDITION_FAILED', 'This appointment was already changed', {
      reason: 'not_cancellable',
    });
  if (paid) {
    await tx.payment.update({
      where: { id: paid.id },
      data: { retainedFeeCents: outcome.retainedCents },
    });
    await scheduleRefund(
      tx,
      {
        paymentId: paid.id,
        practiceId: a.practiceId,
        amountCents: outcome.refundCents,
        reason:
          req.cancelReason === 'practice'
            ? 'practice_cancellation'
            : outcome.late
              ? 'late_cancellation'
              : 'cancellation',
      },
      now,
    );
  }
  if (outcome.owedCents > 0) {
    await tx.payment.create({
      data: {
        practiceId: a.practiceId,
        appointmentId: a.id,
        kind: 'late_cancel_fee',
        status: 'due',
        amountCents: outcome.owedCents,
        currency: req.currency,
      },
    });
  }
  const ids = { appointmentId: a.id, practiceId: a.practiceId };
  if (req.notifyClient) await enqueueLifecycleJob(tx, LIFECYCLE_JOBS.cancelled, ids, a.id, now);
  await enqueueLifecycleJob(
    tx,
    LIFECYCLE_JOBS.slotFreed,
    slotFreedPayload(a),
    `${a.id}:cancelled`,
    now,
  );
  return {
    appointmentId: a.id,
    status: 'cancelled',
    late: outcome.late,
    feeCents: outcome.feeCents,
    refundCents: outcome.refundCents,
  };
}
