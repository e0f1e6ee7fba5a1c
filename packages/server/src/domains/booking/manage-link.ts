// Signed links to reschedule or cancel one appointment, sent in booking
// e-mails. Stateless: `tma_<payload>.<mac>` where the payload names the
// appointment and an expiry, and the MAC is HMAC-SHA256 under a key derived
// from APP_SECRET (never stored in the database, so a database reader cannot
// mint links). The link expires a day after the appointment's start (or
// MANAGE_LINK_DAYS after issue, whichever is first); a rescheduled
// appointment is a new row with a new link, so old links stop working for
// changes. The tenant is checked at use: the appointment must belong to the
// practice of the widget's publishable key.
import crypto from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { Config } from '../../config.js';

const PREFIX = 'tma_';
/** How long after the start a link still opens (to show what happened). */
const AFTER_START_MS = 24 * 3_600_000;

export const MANAGE_TOKEN_PATTERN = /^tma_[A-Za-z0-9_-]{20,120}\.[A-Za-z0-9_-]{43}$/;

function linkKey(appSecret: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', appSecret, Buffer.alloc(0), 'therapycrm:booking-manage-link', 32),
  );
}

const mac = (appSecret: string, payload: string) =>
  crypto.createHmac('sha256', linkKey(appSecret)).update(payload).digest('base64url');

export function issueManageToken(
  config: Pick<Config, 'appSecret' | 'manageLinkMs'>,
  appointmentId: string,
  startsAt: Date,
  now: Date,
): string {
  const expires = Math.min(
    startsAt.getTime() + AFTER_START_MS,
    now.getTime() + config.manageLinkMs,
  );
  const payload = Buffer.from(`${appointmentId}.${Math.floor(expires / 1000)}`).toString(
    'base64url',
  );
  return `${PREFIX}${payload}.${mac(config.appSecret, payload)}`;
}

export const invalidManageLink = () =>
  new DomainError(
    'NOT_FOUND',
    'This link is not valid. Please use the newest e-mail from the practice.',
    { reason: 'invalid_link' },
  );

/** The appointment id a token names, or NOT_FOUND (bad MAC, malformed) / PRECONDITION_FAILED (expired). */
export function readManageToken(
  config: Pick<Config, 'appSecret'>,
  token: string,
  now: Date,
): string {
  if (!MANAGE_TOKEN_PATTERN.test(token)) throw invalidManageLink();
  const [payload, given] = token.slice(PREFIX.length).split('.') as [string, string];
  const expected = mac(config.appSecret, payload);
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) throw invalidManageLink();
  const [appointmentId, expires] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (!appointmentId || !/^[0-9a-f-]{36}$/.test(appointmentId) || !expires)
    throw invalidManageLink();
  if (Number(expires) * 1000 <= now.getTime()) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      'This link has expired. Please contact the practice.',
      { reason: 'link_expired' },
    );
  }
  return appointmentId;
}

/** The practice's hosted manage page (http/hosted-pages.ts) with the token. */
export function manageUrl(
  config: Pick<Config, 'publicUrl'>,
  practiceSlug: string,
  token: string,
): string {
  // The token rides in the fragment: it never reaches server logs or Referer headers.
  return `${config.publicUrl}/p/${encodeURIComponent(practiceSlug)}/booking/manage#token=${token}`;
}
