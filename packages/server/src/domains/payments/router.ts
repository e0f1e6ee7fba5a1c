// payments.*: the staff console's payments table and due-fee settlement.
// Clinicians do not see the practice's money; front desk sees the table;
// owners and billers settle fees.
import { router, staffProcedure } from '../../trpc/init.js';
import { listPaymentsInput, markCollectedInput, waiveInput } from './payments.schema.js';
import { listPayments } from './payments-list.js';
import { markFeeCollected, waiveFee } from './due-fees.js';

const readers = { roles: ['owner', 'biller', 'front_desk'], phi: true } as const;
const settlers = { roles: ['owner', 'biller'] } as const;

export const paymentsRouter = router({
  list: staffProcedure
    .meta(readers)
    .input(listPaymentsInput)
    .query(({ ctx, input }) => listPayments(ctx, input)),
  markCollected: staffProcedure
    .meta(settlers)
    .input(markCollectedInput)
    .mutation(({ ctx, input }) => markFeeCollected(ctx, input)),
  waive: staffProcedure
    .meta(settlers)
    .input(waiveInput)
    .mutation(({ ctx, input }) => waiveFee(ctx, input)),
});
