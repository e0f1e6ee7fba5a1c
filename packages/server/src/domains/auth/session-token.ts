import crypto from 'node:crypto';

/** 256-bit random token for cookies, links and bearer sessions. */
export function newToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored, so a database dump cannot be replayed as sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
