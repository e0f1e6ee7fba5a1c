// The signed-in staff member's own account: who am I, sign out, change password.
import { DomainError } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Context } from '../../trpc/context.js';
import type { StaffRole } from '../../generated/prisma/enums.js';
import type { StaffContext } from './staff-context.js';
import { hashToken } from './session-token.js';
import { hashPassword, verifyPassword } from './password.js';
import { assertPasswordAllowed } from './password-policy.js';
import { revokeStaffSessions } from './staff-session.js';
import { clearStaffSessionCookie } from './session-cookie.js';
import { guardSignInAttempt, recordSignInFailure, recordSignInSuccess } from './sign-in-guard.js';

export interface StaffMe {
  user: { id: string; email: string; displayName: string };
  role: StaffRole;
  practice: { id: string; name: string; slug: string; timezone: string };
  mfa: { enrolled: boolean; verified: boolean };
  /** Every practice this account belongs to (for a practice switcher). */
  practices: { id: string; name: string; role: StaffRole }[];
}

export async function getStaffMe(ctx: StaffContext): Promise<StaffMe> {
  const { staff } = ctx;
  const user = await ctx.db.staffUser.findUniqueOrThrow({
    where: { id: staff.userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      memberships: {
        select: { role: true, practice: { select: { id: true, name: true, slug: true, timezone: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  const current = user.memberships.find((m) => m.practice.id === staff.practiceId);
  // Removed from the practice since the session was checked (a concurrent disable).
  if (!current) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.', { reason: 'access_removed' });
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName },
    role: staff.role,
    practice: current.practice,
    mfa: { enrolled: staff.mfaEnrolled, verified: staff.mfaVerified },
    practices: user.memberships.map((m) => ({ id: m.practice.id, name: m.practice.name, role: m.role })),
  };
}

/**
 * Works with an expired or unknown cookie too (anonymous procedure): signing
 * out must always clear the browser's cookie.
 */
export async function signOut(ctx: Context): Promise<{ signedOut: true }> {
  const token = ctx.request.staffSessionToken;
  if (token) {
    const session = await ctx.db.session.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, practiceId: true, staffUserId: true, revokedAt: true },
    });
    if (session && !session.revokedAt) {
      await ctx.db.session.update({ where: { id: session.id }, data: { revokedAt: ctx.services.clock.now() } });
      await ctx.services.audit.record({
        practiceId: session.practiceId,
        actor: { type: 'staff', id: session.staffUserId },
        action: 'auth.sign_out',
        objectType: 'Session',
        objectId: session.id,
        outcome: 'success',
        ip: ctx.request.ip,
      });
    }
  }
  clearStaffSessionCookie(ctx);
  return { signedOut: true };
}

/** Changing the password (or re-confirming it) ends every other session of the account. */
export async function changePassword(
  ctx: StaffContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const { staff, services } = ctx;
  const key = ['password', staff.userId];
  await guardSignInAttempt(services, ctx.request.ip, key);
  const user = await ctx.db.staffUser.findUniqueOrThrow({
    where: { id: staff.userId },
    select: { email: true, passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordSignInFailure(services, ctx.request.ip, key);
    await audit(ctx, staff.practiceId, {
      action: 'auth.password_change',
      objectType: 'StaffUser',
      objectId: staff.userId,
      outcome: 'failure',
    });
    throw new DomainError('VALIDATION_FAILED', 'Your current password is incorrect', {
      field: 'currentPassword',
      reason: 'incorrect',
    });
  }
  await recordSignInSuccess(services, key);
  // Re-entering the same password is allowed: it is how a user signs out
  // every other device without choosing a new password.
  assertPasswordAllowed(input.newPassword, user.email);
  await ctx.db.staffUser.update({
    where: { id: staff.userId },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: services.clock.now(),
      failedSignIns: 0,
    },
  });
  const endedSessions = await revokeStaffSessions(services, staff.userId, { exceptSessionId: staff.sessionId });
  await audit(ctx, staff.practiceId, {
    action: 'auth.password_change',
    objectType: 'StaffUser',
    objectId: staff.userId,
    detail: { endedSessions },
  });
  return { endedSessions };
}
