// Registers every durable job handler. Domains add theirs here.
import type { AppServices } from '../services.js';
import { registerPaymentJobs } from '../domains/payments/payment-jobs.js';
import { registerBookingMailJobs } from '../domains/booking/reminders.js';
import { registerWaitlistJobs } from '../domains/booking/waitlist-offers.js';
import { registerHoldLapseJobs } from '../domains/booking/hold-lapse.js';
import { registerIntakeJobs } from '../domains/intake/intake-jobs.js';

export function registerJobHandlers(services: AppServices): void {
  registerPaymentJobs(services);
  registerBookingMailJobs(services);
  registerWaitlistJobs(services);
  registerHoldLapseJobs(services);
  registerIntakeJobs(services);
}
