// Lockout for password sign-in. Failures are counted per account identifier
// (the lower-cased e-mail, whether or not an account exists, so a blocked
// unknown address looks exactly like a blocked real one) and every attempt per
// IP. Counters live in the shared rate-limit store, so they hold across
// server instances.
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';

/** The one answer for every failed sign-in, so nothing reveals whether an account exists. */
export function signInRefused(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Incorrect e-mail or password');
}

/** Before checking the password: throws RATE_LIMITED when the IP or the account is blocked. */
/**
 * `accountKey` names what is being guessed: `[email]` for passwords,
 * `['mfa', userId]` for TOTP codes, and so on; each has its own counter.
 */
export async function guardSignInAttempt(services: AppServices, ip: string, accountKey: string[]): Promise<void> {
  await services.rateLimits.consume('authByIp', ip);
  if (await services.rateLimits.isBlocked('authByAccount', ...accountKey)) {
    // consume() on a blocked key throws the same RATE_LIMITED (with
    // retry-after) whether or not the account exists.
    await services.rateLimits.consume('authByAccount', ...accountKey);
  }
}

export async function recordSignInFailure(services: AppServices, accountKey: string[]): Promise<void> {
  try {
    await services.rateLimits.consume('authByAccount', ...accountKey);
  } catch (err) {
    // A concurrent attempt used the last point: this attempt still gets the
    // ordinary refusal; the next one is blocked.
    if (!(err instanceof DomainError && err.code === 'RATE_LIMITED')) throw err;
  }
}

export async function recordSignInSuccess(services: AppServices, accountKey: string[]): Promise<void> {
  await services.rateLimits.reset('authByAccount', ...accountKey);
}
