// Durable job handlers of the payments domain.
import type { AppServices } from '../../services.js';
import { LIFECYCLE_JOBS } from '../booking/lifecycle-jobs.js';
import { runRefund, type RefundJob } from './refunds.js';

export function registerPaymentJobs(services: AppServices): void {
  services.jobs.register(LIFECYCLE_JOBS.refund, (payload) =>
    runRefund(services, payload as RefundJob),
  );
}
