// Lockout for password and code sign-in. Failures are counted per account
// identifier (the lower-cased e-mail, whether or not an account exists, so a
// blocked unknown address looks exactly like a blocked real one) and per IP
// (password spraying across accounts). Successes do not count, so a practice
// whose whole staff signs in from one office IP is not locked out. Counters
// live in the shared rate-limit store, so they hold across server instances.
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';

/** The one answer for every failed sign-in, so nothing reveals whether an account exists. */
export function signInRefused(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Incorrect e-mail or password');
}

/**
 * Before checking the secret: throws RATE_LIMITED when the IP or the account
 * is blocked. `accountKey` names what is being guessed: `[email]` for
 * passwords, `['mfa', userId]` for TOTP codes, and so on; each has its own counter.
 */
export async function guardSignInAttempt(services: AppServices, ip: string, accountKey: string[]): Promise<void> {
  const { rateLimits } = services;
  for (const [rule, key] of [['authByIp', [ip]], ['authByAccount', accountKey]] as const) {
    // consume() on a blocked key throws the same RATE_LIMITED (with
    // retry-after) whether or not the account exists.
    if (await rateLimits.isBlocked(rule, ...key)) await rateLimits.consume(rule, ...key);
  }
}

export async function recordSignInFailure(services: AppServices, ip: string, accountKey: string[]): Promise<void> {
  for (const [rule, key] of [['authByIp', [ip]], ['authByAccount', accountKey]] as const) {
    try {
      await services.rateLimits.consume(rule, ...key);
    } catch (err) {
      // This failure used the last point: it still gets the ordinary
      // refusal; the next attempt is blocked.
      if (!(err instanceof DomainError && err.code === 'RATE_LIMITED')) throw err;
    }
  }
}

export async function recordSignInSuccess(services: AppServices, accountKey: string[]): Promise<void> {
  await services.rateLimits.reset('authByAccount', ...accountKey);
}
