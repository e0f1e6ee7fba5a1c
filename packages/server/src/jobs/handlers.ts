// Registers every durable job handler. Domains add theirs here.
import type { AppServices } from '../services.js';

export function registerJobHandlers(services: AppServices): void {
  // Placeholder-free: handlers are registered as domains gain jobs.
  void services;
}
