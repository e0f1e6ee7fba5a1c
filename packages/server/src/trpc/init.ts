// Procedure builders. Every procedure starts from one of these, so rate
// limits, tenant resolution, authentication and error mapping are never
// forgotten:
//   anonymousProcedure  no tenant (staff sign-in, health)
//   publicProcedure     publishable key + allowed origin → ctx.practice
//   clientProcedure     publicProcedure + verified client session → ctx.client
//   staffProcedure      staff session, MFA satisfied, role checked by `.meta({ roles })`
import { initTRPC } from '@trpc/server';
import type { StaffRole } from '../generated/prisma/enums.js';
import { DomainError } from '../errors.js';
import { resolveClientSession } from '../domains/auth/client-session.js';
import { resolveStaffSession } from '../domains/auth/staff-session.js';
import { resolvePublishableKey } from '../domains/practice/publishable-key.js';
import type { Context } from './context.js';
import { formatError, toTRPCError } from './errors.js';
import { hasUnstorableText } from './storable-text.js';
import { originMatchesHost } from '../http/cors.js';

export interface ProcedureMeta {
  /** Staff roles allowed; omitted → any member of the practice. */
  roles?: readonly StaffRole[];
  /** Staff procedures that run before MFA is complete (enrolment, verify). */
  allowWithoutMfa?: boolean;
  /** Reads PHI: responses carry `Cache-Control: no-store` (the default for /trpc anyway). */
  phi?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({ errorFormatter: formatError as never, isDev: false });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Maps DomainError → TRPCError once for every procedure. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

const perIpRateLimit = t.middleware(async ({ ctx, next }) => {
  await ctx.services.rateLimits.consume('request', ctx.request.ip);
  return next();
});

/** Before any schema or handler sees the input (see storable-text.ts). */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  if (hasUnstorableText(await getRawInput())) {
    throw new DomainError('VALIDATION_FAILED', 'Text may not contain NUL characters or unpaired surrogates');
  }
  return next();
});

const base = t.procedure.use(domainErrors).use(perIpRateLimit).use(storableInput);

/**
 * Staff procedures ride on a cookie, and anonymous ones set it (sign-in): a
 * request another site's page makes must not reach them, whatever the
 * cookie's SameSite says (older browsers, same-site subdomains).
 */
const sameOriginOnly = t.middleware(async ({ ctx, next }) => {
  const { origin, host } = ctx.request;
  // PUBLIC_URL counts as ours too: a proxy in front may rewrite Host.
  if (!originMatchesHost(origin, host) && origin !== new URL(ctx.services.config.publicUrl).origin) {
    throw new DomainError('FORBIDDEN', 'Cross-site requests are not allowed here');
  }
  return next();
});

export const anonymousProcedure = base.use(sameOriginOnly);

export const publicProcedure = base.use(async ({ ctx, next }) => {
  const practice = await resolvePublishableKey(ctx);
  return next({ ctx: { practice } });
});

export const clientProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.request.bearerToken) throw new DomainError('UNAUTHENTICATED', 'Verify your e-mail address to continue');
  const client = await resolveClientSession(ctx.services, ctx.practice.id, ctx.request.bearerToken);
  return next({ ctx: { client } });
});

export const staffProcedure = base.use(sameOriginOnly).use(async ({ ctx, meta, next }) => {
  if (!ctx.request.staffSessionToken) throw new DomainError('UNAUTHENTICATED', 'Sign in required');
  const staff = await resolveStaffSession(ctx.services, ctx.request.staffSessionToken);
  if (!staff.mfaVerified && !meta?.allowWithoutMfa) {
    throw new DomainError('MFA_REQUIRED', 'Complete two-factor authentication to continue', {
      enrolled: staff.mfaEnrolled,
    });
  }
  if (meta?.roles && !meta.roles.includes(staff.role)) {
    await ctx.services.audit.record({
      practiceId: staff.practiceId,
      actor: { type: 'staff', id: staff.userId },
      action: 'access.denied',
      outcome: 'denied',
      ip: ctx.request.ip,
      detail: { role: staff.role },
    });
    throw new DomainError('FORBIDDEN', 'Your role does not allow this');
  }
  return next({ ctx: { staff } });
});
