// Registers every durable job handler. Domains add theirs here.
import type { AppServices } from '../services.js';
import { registerPaymentJobs } from '../domains/payments/payment-jobs.js';
import { registerBookingMailJobs } from '../domains/booking/reminders.js';

export function registerJobHandlers(services: AppServices): void {
  registerPaymentJobs(services);
  registerBookingMailJobs(services);
}
