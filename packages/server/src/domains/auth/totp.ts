// TOTP (RFC 6238) with otplib 13: SHA-1, 6 digits, 30 s steps, as every
// authenticator app expects. A code is accepted within ±30 s of the server's
// clock (about one step either side) and only if its time step is newer than
// the last one used, which makes every code single-use.
import { generateSecret, generateURI, verify } from 'otplib';
import type { AppServices } from '../../services.js';

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'therapyCRM';

/** 160-bit secret, base32 (RFC 4226 recommends ≥ 128 bits). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: ISSUER, label: accountLabel, secret, period: TOTP_PERIOD_SECONDS });
}

/**
 * Staff are not scoped to one practice, but our only encryption-at-rest path
 * is the per-practice envelope cipher, so the secret is sealed under the data
 * key of the practice the user enrolled from and that practice id is kept in
 * front of the ciphertext. Data-key and master-key rotation keep it readable;
 * if that practice is ever deleted the user simply enrols again.
 */
export async function sealTotpSecret(services: AppServices, practiceId: string, secret: string): Promise<string> {
  return `${practiceId}:${await services.cipher.encrypt(practiceId, secret)}`;
}

export async function openTotpSecret(services: AppServices, secretEnc: string): Promise<string> {
  const i = secretEnc.indexOf(':');
  return services.cipher.decrypt(secretEnc.slice(0, i), secretEnc.slice(i + 1));
}

/**
 * The time step the code belongs to, or null when it is wrong, outside the
 * window, or from a step at or before `lastUsedStep` (a replay).
 */
export async function matchTotpStep(secret: string, code: string, now: Date, lastUsedStep: number): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_PERIOD_SECONDS,
      afterTimeStep: lastUsedStep > 0 ? lastUsedStep : undefined,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws when lastUsedStep is past the whole window (a code from a
    // clock ahead of ours was used): no code can be valid yet.
    return null;
  }
}
