// Owners manage who works in their practice: list, change role, disable.
// A practice always keeps at least one active owner.
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Db } from '../../db/client.js';
import type { StaffRole } from '../../generated/prisma/enums.js';
import type { StaffContext } from './staff-context.js';
import { revokeStaffSessions } from './staff-session.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface StaffMember {
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  mfaEnrolled: boolean;
  failedSignIns: number;
  joinedAt: Date;
}

export interface PendingInvite {
  id: string;
  email: string;
  role: StaffRole;
  expiresAt: Date;
}

export async function listStaff(ctx: StaffContext): Promise<{ members: StaffMember[]; pendingInvites: PendingInvite[] }> {
  const practiceId = ctx.staff.practiceId;
  const memberships = await ctx.db.membership.findMany({
    where: { practiceId },
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      createdAt: true,
      staffUser: {
        select: {
          id: true,
          email: true,
          displayName: true,
          disabledAt: true,
          failedSignIns: true,
          mfaFactors: { where: { confirmedAt: { not: null } }, select: { id: true } },
        },
      },
    },
  });
  const pendingInvites = await ctx.db.staffInvite.findMany({
    where: { practiceId, acceptedAt: null, expiresAt: { gt: ctx.services.clock.now() } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return {
    members: memberships.map((m) => ({
      userId: m.staffUser.id,
      email: m.staffUser.email,
      displayName: m.staffUser.displayName,
      role: m.role,
      disabled: m.staffUser.disabledAt !== null,
      mfaEnrolled: m.staffUser.mfaFactors.length > 0,
      failedSignIns: m.staffUser.failedSignIns,
      joinedAt: m.createdAt,
    })),
    pendingInvites,
  };
}

/**
 * Serialises owner changes per practice (advisory lock) so two concurrent
 * demotions cannot both pass the "another owner remains" check.
 */
async function withOwnerLock<T>(ctx: StaffContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'owners:' + ctx.staff.practiceId}, 0))`;
    return fn(tx);
  });
}

async function targetMembership(tx: Tx, practiceId: string, userId: string) {
  const m = await tx.membership.findUnique({
    where: { practiceId_staffUserId: { practiceId, staffUserId: userId } },
    select: { id: true, role: true, staffUser: { select: { disabledAt: true } } },
  });
  if (!m) throw notFound('Staff member');
  return m;
}

async function assertAnotherOwnerRemains(tx: Tx, practiceId: string, userId: string): Promise<void> {
  const others = await tx.membership.count({
    where: { practiceId, role: 'owner', staffUserId: { not: userId }, staffUser: { disabledAt: null } },
  });
  if (others === 0) {
    throw new DomainError('PRECONDITION_FAILED', 'A practice needs at least one active owner', { reason: 'last_owner' });
  }
}

export async function setStaffRole(ctx: StaffContext, input: { userId: string; role: StaffRole }): Promise<{ role: StaffRole }> {
  const practiceId = ctx.staff.practiceId;
  const from = await withOwnerLock(ctx, async (tx) => {
    const m = await targetMembership(tx, practiceId, input.userId);
    if (m.role === 'owner' && input.role !== 'owner') await assertAnotherOwnerRemains(tx, practiceId, input.userId);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    return m.role;
  });
  await audit(ctx, practiceId, {
    action: 'staff.set_role',
    objectType: 'StaffUser',
    objectId: input.userId,
    detail: { from, to: input.role },
  });
  return { role: input.role };
}

/**
 * Someone who works only here is disabled outright; an account that also
 * belongs to other practices loses only this practice's membership (another
 * practice's owner must not lock them out there). Either way their sessions
 * in this practice end now.
 */
export async function disableStaff(ctx: StaffContext, input: { userId: string }): Promise<{ endedSessions: number }> {
  const practiceId = ctx.staff.practiceId;
  if (input.userId === ctx.staff.userId) {
    throw new DomainError('PRECONDITION_FAILED', 'You cannot disable your own account', { reason: 'self' });
  }
  const now = ctx.services.clock.now();
  const scope = await withOwnerLock(ctx, async (tx) => {
    const m = await targetMembership(tx, practiceId, input.userId);
    if (m.role === 'owner') await assertAnotherOwnerRemains(tx, practiceId, input.userId);
    const elsewhere = await tx.membership.count({ where: { staffUserId: input.userId, practiceId: { not: practiceId } } });
    if (elsewhere > 0) {
      await tx.membership.delete({ where: { id: m.id } });
      return 'membership' as const;
    }
    await tx.staffUser.update({ where: { id: input.userId }, data: { disabledAt: m.staffUser.disabledAt ?? now } });
    return 'account' as const;
  });
  const endedSessions =
    scope === 'account'
      ? await revokeStaffSessions(ctx.services, input.userId)
      : (
          await ctx.db.session.updateMany({
            where: { staffUserId: input.userId, practiceId, revokedAt: null },
            data: { revokedAt: now },
          })
        ).count;
  await audit(ctx, practiceId, {
    action: 'staff.disable',
    objectType: 'StaffUser',
    objectId: input.userId,
    detail: { scope, endedSessions },
  });
  return { endedSessions };
}

/**
 * For a member who lost their authenticator: removes their factors and ends
 * their sessions, so the next sign-in must enrol again (password still
 * required). Refused for an account that also works in another practice:
 * one practice's owner must not weaken a login another practice relies on.
 */
export async function resetStaffMfa(ctx: StaffContext, input: { userId: string }): Promise<{ removedFactors: number; endedSessions: number }> {
  const practiceId = ctx.staff.practiceId;
  if (input.userId === ctx.staff.userId) {
    throw new DomainError('PRECONDITION_FAILED', 'Ask another owner to reset your two-factor authentication', { reason: 'self' });
  }
  const memberships = await ctx.db.membership.findMany({ where: { staffUserId: input.userId }, select: { practiceId: true } });
  if (!memberships.some((m) => m.practiceId === practiceId)) throw notFound('Staff member');
  if (memberships.length > 1) {
    throw new DomainError('PRECONDITION_FAILED', 'This account also belongs to another practice; it cannot be reset from here', {
      reason: 'shared_account',
    });
  }
  const removed = await ctx.db.mfaFactor.deleteMany({ where: { staffUserId: input.userId } });
  const endedSessions = await revokeStaffSessions(ctx.services, input.userId);
  await audit(ctx, practiceId, {
    action: 'staff.mfa_reset',
    objectType: 'StaffUser',
    objectId: input.userId,
    detail: { removedFactors: removed.count, endedSessions },
  });
  return { removedFactors: removed.count, endedSessions };
}
