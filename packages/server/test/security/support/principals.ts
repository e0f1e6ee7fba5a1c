// Credentials for calling a procedure as one tenant's principal, both for
// createCaller (RequestInfo) and over real HTTP (headers).
import type { RequestInfo } from '../../../src/trpc/context.js';
import { PUBLISHABLE_KEY_HEADER, STAFF_SESSION_COOKIE } from '../../../src/trpc/context.js';
import type { Principal } from '../../support/procedure-catalogue.js';
import type { Tenant } from '../../support/tenant-world.js';

export function requestInfoFor(principal: Principal, t: Tenant): Partial<RequestInfo> {
  switch (principal.kind) {
    case 'anonymous':
      return {};
    case 'public':
      return { publishableKey: t.practice.publishableKey, origin: t.practice.origin };
    case 'client':
      return { publishableKey: t.practice.publishableKey, origin: t.practice.origin, bearerToken: t.clientSession.token };
    case 'staff':
      return { staffSessionToken: principal.spare ? t.spareStaff.token : t.staff[principal.role].token };
  }
}

/** Headers a browser (widget on the practice's site, or the staff console) would send. */
export function headersFor(principal: Principal, t: Tenant): Record<string, string> {
  const info = requestInfoFor(principal, t);
  const headers: Record<string, string> = {};
  if (info.publishableKey) headers[PUBLISHABLE_KEY_HEADER] = info.publishableKey;
  if (info.origin) headers.origin = info.origin;
  if (info.bearerToken) headers.authorization = `Bearer ${info.bearerToken}`;
  if (info.staffSessionToken) headers.cookie = `${STAFF_SESSION_COOKIE}=${info.staffSessionToken}`;
  return headers;
}

/** Calls `path` on a createCaller proxy (which resolves nested routers by property access). */
export function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/** Settles a call into { ok, value } or { ok: false, code, message }. */
export async function settle(p: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'UNKNOWN', message: e.message ?? '' };
  }
}
