import crypto from 'node:crypto';
import { hashToken } from '../auth/session-token.js';

export function newPublishableKey(): string {
  return `pk_${crypto.randomBytes(18).toString('base64url')}`;
}

/** Shown once at creation; only its hash is stored. */
export function newSecretKey(): { secret: string; secretHash: string } {
  const secret = `sk_${crypto.randomBytes(32).toString('base64url')}`;
  return { secret, secretHash: hashToken(secret) };
}
