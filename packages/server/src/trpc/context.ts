// Per-request context. The tenant is never taken from input: it comes from
// the publishable key (widgets) or the staff session (console).
import type { Request, Response } from 'express';
import type { AppServices } from '../services.js';

export const PUBLISHABLE_KEY_HEADER = 'x-tcrm-publishable-key';
export const STAFF_SESSION_COOKIE = 'tcrm_staff';

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  origin: string | null;
  /** The Host header: what a same-origin Origin must name (staff cookie procedures). */
  host: string | null;
  publishableKey: string | null;
  bearerToken: string | null;
  staffSessionToken: string | null;
  idempotencyKey: string | null;
}

export interface Context {
  services: AppServices;
  db: AppServices['prisma'];
  request: RequestInfo;
  /** Present over HTTP; absent for createCaller in tests. */
  res?: Response;
  /** Whether the connection is HTTPS (decides the Secure cookie flag). */
  secure: boolean;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export function requestInfoFrom(req: Request): RequestInfo {
  const auth = req.headers.authorization;
  const header = (n: string) => {
    const v = req.headers[n];
    return typeof v === 'string' && v.length <= 512 ? v : null;
  };
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: header('user-agent'),
    origin: header('origin'),
    host: header('host'),
    publishableKey: header(PUBLISHABLE_KEY_HEADER),
    bearerToken: auth?.startsWith('Bearer ') ? auth.slice(7).trim() || null : null,
    staffSessionToken: readCookie(req.headers.cookie, STAFF_SESSION_COOKIE),
    idempotencyKey: header('idempotency-key'),
  };
}

export function createContextFactory(services: AppServices) {
  return ({ req, res }: { req: Request; res: Response }): Context => ({
    services,
    db: services.prisma,
    request: requestInfoFrom(req),
    res,
    secure: req.secure,
  });
}

/** Context for `createCaller` in tests and the CLI. */
export function createTestContext(services: AppServices, request: Partial<RequestInfo> = {}): Context {
  return {
    services,
    db: services.prisma,
    secure: false,
    request: {
      ip: '127.0.0.1',
      userAgent: 'test',
      origin: null,
      host: null,
      publishableKey: null,
      bearerToken: null,
      staffSessionToken: null,
      idempotencyKey: null,
      ...request,
    },
  };
}
