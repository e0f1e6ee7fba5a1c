// What cancelling would do, for the console's confirmation step: the amount
// paid, and for each refund rule the caller may choose, what is refunded and
// what fee is charged. Amounts and ids only; nothing about the client.
import { DomainError, notFound } from '../../errors.js';
import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import { staffCancellationOutcome } from '../payments/payment-policy.js';
import { managesEveryCalendar } from './clinician-access.js';
import { cancellableSelect, isCancellable } from './cancel-appointment.js';
import { REFUND_CHOICES_BY_ROLE } from './staff-cancel.js';

export async function previewStaffCancellation(
  ctx: Context & { staff: StaffPrincipal },
  appointmentId: string,
) {
  const a = await ctx.db.appointment.findFirst({
    where: { id: appointmentId, practiceId: ctx.staff.practiceId },
    select: cancellableSelect,
  });
  if (!a) throw notFound('Appointment');
  if (!managesEveryCalendar(ctx.staff) && a.clinicianId !== ctx.staff.userId) {
    throw new DomainError('FORBIDDEN', 'You can only cancel your own appointments');
  }
  const now = ctx.services.clock.now();
  const paidCents = a.payments.reduce((sum, p) => sum + p.amountCents, 0);
  const choices = REFUND_CHOICES_BY_ROLE[ctx.staff.role] ?? [];
  return {
    appointmentId: a.id,
    cancellable: isCancellable(a, now),
    paidCents,
    currency: a.payments[0]?.currency ?? ctx.services.config.stripe?.currency ?? 'usd',
    options: choices.map((refund) => {
      const o = staffCancellationOutcome(refund, a.appointmentType, a.startsAt, now, paidCents);
      return {
        refund,
        late: o.late,
        refundCents: o.refundCents,
        feeCents: o.feeCents,
        owedCents: o.owedCents,
      };
    }),
  };
}
