// CORS for widget routes: only origins a practice listed on one of its
// publishable keys get CORS headers. No credentials: widgets authenticate
// with a publishable key and, for clients, a bearer token.
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client.js';
import { PUBLISHABLE_KEY_HEADER } from '../trpc/context.js';
import { publishableKeys } from '../domains/practice/publishable-key-cache.js';

const ALLOWED_HEADERS = ['content-type', PUBLISHABLE_KEY_HEADER, 'authorization', 'idempotency-key', 'trpc-accept', 'x-trpc-source'];

/**
 * Whether an Origin header names the host the request was sent to. No Origin
 * counts as same-origin (browsers send one on every cross-origin request);
 * `Origin: null` (sandboxed frames, redirects) does not.
 */
export function originMatchesHost(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function isSameOrigin(req: Request): boolean {
  return originMatchesHost(req.headers.origin, req.headers.host);
}

async function originAllowed(db: Db, origin: string, publishableKey: string | undefined): Promise<boolean> {
  if (publishableKey) {
    // The same few-seconds cache resolvePublishableKey reads right after.
    const key = await publishableKeys(db).find(publishableKey);
    return !!key && !key.revokedAt && key.allowedOrigins.includes(origin);
  }
  // Preflights carry no header values, only names: allow an origin that any
  // live publishable key lists; the real request is checked against its key.
  const any = await db.apiKey.findFirst({
    where: { kind: 'publishable', revokedAt: null, allowedOrigins: { has: origin } },
    select: { id: true },
  });
  return !!any;
}

export function widgetCors(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!origin || isSameOrigin(req)) return next();
    res.vary('Origin');
    const key = req.headers[PUBLISHABLE_KEY_HEADER];
    const allowed = await originAllowed(db, origin, typeof key === 'string' ? key : undefined);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(allowed ? 204 : 403).end();
      return;
    }
    next();
  };
}
