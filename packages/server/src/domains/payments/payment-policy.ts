// What a booking owes up front and what a cancellation gives back. Pure rules.
//
// Up front: `depositCents > 0` asks for a deposit; a deposit equal to the
// price is full prepayment (the schema keeps depositCents <= priceCents).
//
// Cancelling: inside the type's window (at least `cancellationWindowHours`
// before the start) is free and a paid amount is refunded in full. Later is a
// late cancellation: the fee is `lateCancelFeeCents`; when a payment was made
// the practice keeps min(fee, paid) and refunds the rest; whatever the
// payment does not cover is recorded as owed (a `late_cancel_fee` Payment in
// status `due`) for the practice to collect.
import type { PaymentKind } from '../../generated/prisma/enums.js';

export interface PaymentTerms {
  priceCents: number;
  depositCents: number;
}

export function upfrontPayment(
  type: PaymentTerms,
): { kind: PaymentKind; amountCents: number } | null {
  if (type.depositCents <= 0) return null;
  return {
    kind: type.depositCents >= type.priceCents ? 'full_prepayment' : 'deposit',
    amountCents: type.depositCents,
  };
}

export interface CancellationTerms {
  cancellationWindowHours: number;
  lateCancelFeeCents: number;
}

export interface CancellationOutcome {
  late: boolean;
  /** Fee the client owes for this cancellation (0 when on time). */
  feeCents: number;
  /** Of the amount paid: what goes back to the client, what the practice keeps. */
  refundCents: number;
  retainedCents: number;
  /** Fee not covered by a payment: recorded as due. */
  owedCents: number;
}

export function cancellationOutcome(
  terms: CancellationTerms,
  startsAt: Date,
  now: Date,
  paidCents: number,
): CancellationOutcome {
  const late = startsAt.getTime() - now.getTime() < terms.cancellationWindowHours * 3_600_000;
  const feeCents = late ? terms.lateCancelFeeCents : 0;
  const retainedCents = Math.min(feeCents, paidCents);
  return {
    late,
    feeCents,
    refundCents: paidCents - retainedCents,
    retainedCents,
    owedCents: feeCents - retainedCents,
  };
}

/**
 * What staff may choose when the practice cancels: `policy` applies the
 * client-cancellation rules above; `full` gives back everything paid and
 * charges no fee (the practice cancelled); `none` keeps what was paid and
 * adds no fee.
 */
export type RefundChoice = 'policy' | 'full' | 'none';

export function staffCancellationOutcome(
  choice: RefundChoice,
  terms: CancellationTerms,
  startsAt: Date,
  now: Date,
  paidCents: number,
): CancellationOutcome {
  const policy = cancellationOutcome(terms, startsAt, now, paidCents);
  if (choice === 'policy') return policy;
  const refundCents = choice === 'full' ? paidCents : 0;
  return {
    late: policy.late,
    feeCents: 0,
    refundCents,
    retainedCents: paidCents - refundCents,
    owedCents: 0,
  };
}
