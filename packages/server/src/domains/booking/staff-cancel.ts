// Staff cancel an appointment from the console. Who may cancel whose
// appointment follows the calendar (clinician-access.ts); which refund rule
// they may choose follows the money:
// - `full` (everything paid goes back, no fee) never costs the client, and
//   is what a practice-initiated cancellation normally owes: every calendar
//   role may choose it, and the console proposes it;
// - `policy` (the client-cancellation rules, e.g. the client phoned in late)
//   may charge a fee: every calendar role too, it is the published policy;
// - `none` keeps a payment the policy would refund: an override for owners.
// The cancellation itself is shared with the manage link (cancel-appointment.ts).
import type { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import type { StaffRole } from '../../generated/prisma/enums.js';
import type { RefundChoice } from '../payments/payment-policy.js';
import { managesEveryCalendar } from './clinician-access.js';
import { TRANSACTION_OPTIONS } from './hold-slot.js';
import {
  applyCancellation,
  cancellableSelect,
  type CancellationResult,
} from './cancel-appointment.js';
import type { cancelAppointmentInput } from './admin.schema.js';

type StaffContext = Context & { staff: StaffPrincipal };

/** Refund rules each role may choose when cancelling (roles absent here cannot cancel). */
export const REFUND_CHOICES_BY_ROLE: Partial<Record<StaffRole, readonly RefundChoice[]>> = {
  owner: ['full', 'policy', 'none'],
  front_desk: ['full', 'policy'],
  clinician: ['full', 'policy'],
};

export interface StaffCancellationResult extends CancellationResult {
  refund: RefundChoice;
  notifyClient: boolean;
}

export async function cancelAppointmentAsStaff(
  ctx: StaffContext,
  input: z.infer<typeof cancelAppointmentInput>,
): Promise<StaffCancellationResult> {
  const { practiceId } = ctx.staff;
  if (!REFUND_CHOICES_BY_ROLE[ctx.staff.role]?.includes(input.refund)) {
    throw new DomainError('FORBIDDEN', 'Your role cannot choose this refund', {
      reason: 'refund_choice_not_allowed',
    });
  }
  const now = ctx.services.clock.now();
  const currency = ctx.services.config.stripe?.currency ?? 'usd';
  const result = await ctx.db.$transaction(async (tx) => {
    const a = await tx.appointment.findFirst({
      where: { id: input.appointmentId, practiceId },
      select: cancellableSelect,
    });
    if (!a) throw notFound('Appointment');
    if (!managesEveryCalendar(ctx.staff) && a.clinicianId !== ctx.staff.userId) {
      throw new DomainError('FORBIDDEN', 'You can only cancel your own appointments');
    }
    return applyCancellation(tx, a, {
      now,
      currency,
      refund: input.refund,
      cancelReason: 'practice',
      notifyClient: input.notifyClient,
      notCancellableMessage: 'Only upcoming confirmed or requested appointments can be cancelled',
    });
  }, TRANSACTION_OPTIONS);
  await audit(ctx, practiceId, {
    action: 'appointment.cancel',
    objectType: 'Appointment',
    objectId: result.appointmentId,
    detail: {
      refund: input.refund,
      refundCents: result.refundCents,
      feeCents: result.feeCents,
      notifyClient: input.notifyClient,
    },
  });
  return { ...result, refund: input.refund, notifyClient: input.notifyClient };
}
