// Registers every durable job handler. Domains add theirs here.
import type { AppServices } from '../services.js';
import { registerPaymentJobs } from '../domains/payments/payment-jobs.js';

export function registerJobHandlers(services: AppServices): void {
  registerPaymentJobs(services);
}
