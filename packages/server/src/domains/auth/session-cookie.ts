// The staff session token travels only in an HttpOnly cookie: console script
// (and so any injected script) cannot read it. SameSite=Strict keeps other
// sites from riding on it; no Max-Age, so it dies with the browser, and the
// server enforces the idle and absolute limits regardless.
import type { CookieOptions } from 'express';
import { STAFF_SESSION_COOKIE, type Context } from '../../trpc/context.js';

function cookieOptions(ctx: Context): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.secure };
}

/** True when an HTTP response exists to carry the cookie (false for in-process callers). */
export function setStaffSessionCookie(ctx: Context, token: string): boolean {
  if (!ctx.res) return false;
  ctx.res.cookie(STAFF_SESSION_COOKIE, token, cookieOptions(ctx));
  return true;
}

export function clearStaffSessionCookie(ctx: Context): void {
  ctx.res?.clearCookie(STAFF_SESSION_COOKIE, cookieOptions(ctx));
}
