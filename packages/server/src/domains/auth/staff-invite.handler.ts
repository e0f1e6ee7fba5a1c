// Owners invite staff by e-mail; the invitee follows the link, chooses a
// display name and password, and becomes a member with the invited role.
// Only the token's SHA-256 is stored; the link works once and expires.
import { DomainError } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Context } from '../../trpc/context.js';
import type { StaffRole } from '../../generated/prisma/enums.js';
import type { StaffContext } from './staff-context.js';
import { hashToken, newToken } from './session-token.js';
import { hashPassword, verifyPassword } from './password.js';
import { assertPasswordAllowed } from './password-policy.js';
import { guardSignInAttempt, recordSignInFailure } from './sign-in-guard.js';
import { staffInviteMail } from './auth-mail.js';

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export async function inviteStaff(
  ctx: StaffContext,
  input: { email: string; role: StaffRole },
): Promise<{ inviteId: string; expiresAt: Date }> {
  const { staff, services } = ctx;
  const practiceId = staff.practiceId;
  const member = await ctx.db.membership.findFirst({
    where: { practiceId, staffUser: { email: input.email } },
    select: { id: true },
  });
  if (member) throw new DomainError('CONFLICT', 'This person is already a member of the practice');
  const practice = await ctx.db.practice.findUniqueOrThrow({ where: { id: practiceId }, select: { name: true } });
  const token = newToken('tsi');
  const expiresAt = new Date(services.clock.now().getTime() + INVITE_TTL_MS);
  const invite = await ctx.db.staffInvite.create({
    data: { practiceId, email: input.email, role: input.role, tokenHash: hashToken(token), expiresAt, createdById: staff.userId },
    select: { id: true },
  });
  const link = `${services.config.publicUrl}/console/#/accept-invite?token=${encodeURIComponent(token)}`;
  await services.mailer.send(staffInviteMail(input.email, practice.name, link, expiresAt));
  await audit(ctx, practiceId, { action: 'staff.invite', objectType: 'StaffInvite', objectId: invite.id, detail: { role: input.role } });
  return { inviteId: invite.id, expiresAt };
}

function inviteInvalid(): DomainError {
  return new DomainError('NOT_FOUND', 'This invitation is not valid or has expired. Ask for a new one.');
}

/**
 * Creates the account (or, for someone who already has one, adds the
 * membership after checking that account's password) and uses up the invite.
 */
export async function acceptStaffInvite(
  ctx: Context,
  input: { token: string; displayName: string; password: string },
): Promise<{ practiceId: string; userId: string }> {
  const { services } = ctx;
  await services.rateLimits.consume('authByIp', ctx.request.ip);
  const now = services.clock.now();
  const invite = await ctx.db.staffInvite.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { id: true, practiceId: true, email: true, role: true, expiresAt: true, acceptedAt: true },
  });
  if (!invite || invite.acceptedAt || invite.expiresAt <= now) throw inviteInvalid();

  const existing = await ctx.db.staffUser.findUnique({
    where: { email: invite.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  if (existing) {
    await guardSignInAttempt(services, ctx.request.ip, [invite.email]);
    if (existing.disabledAt || !(await verifyPassword(existing.passwordHash, input.password))) {
      await recordSignInFailure(services, ctx.request.ip, [invite.email]);
      throw new DomainError('UNAUTHENTICATED', 'Incorrect e-mail or password', { reason: 'account_exists' });
    }
  } else {
    assertPasswordAllowed(input.password, invite.email);
  }
  const passwordHash = existing ? null : await hashPassword(input.password);

  const userId = await ctx.db.$transaction(async (tx) => {
    // Compare-and-set: of two concurrent acceptances only one proceeds.
    const used = await tx.staffInvite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (used.count === 0) throw inviteInvalid();
    const user =
      existing ??
      (await tx.staffUser.create({
        data: { email: invite.email, displayName: input.displayName, passwordHash: passwordHash!, passwordChangedAt: now },
        select: { id: true },
      }));
    await tx.membership.upsert({
      where: { practiceId_staffUserId: { practiceId: invite.practiceId, staffUserId: user.id } },
      create: { practiceId: invite.practiceId, staffUserId: user.id, role: invite.role },
      update: {},
    });
    return user.id;
  });
  await services.audit.record({
    practiceId: invite.practiceId,
    actor: { type: 'staff', id: userId },
    action: 'staff.invite_accept',
    objectType: 'StaffInvite',
    objectId: invite.id,
    outcome: 'success',
    ip: ctx.request.ip,
    detail: { role: invite.role, newAccount: !existing },
  });
  return { practiceId: invite.practiceId, userId };
}
