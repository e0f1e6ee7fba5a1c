// Staff sessions live in the database (shared by every instance). Ended by
// idle timeout (default 15 min), absolute limit (12 h), sign-out, account
// disable and password change.
import type { StaffRole } from '../../generated/prisma/enums.js';
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import { hashToken, newToken } from './session-token.js';

export interface StaffPrincipal {
  sessionId: string;
  userId: string;
  practiceId: string;
  role: StaffRole;
  mfaVerified: boolean;
  /** Whether the user has a confirmed MFA factor. */
  mfaEnrolled: boolean;
}

/** Touching lastSeenAt on every request would write on every read; 30 s is precise enough. */
const TOUCH_EVERY_MS = 30_000;

export async function createStaffSession(
  services: AppServices,
  input: { staffUserId: string; practiceId: string; mfaVerified: boolean; ip: string; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const token = newToken('tss');
  const now = services.clock.now();
  const row = await services.prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      staffUserId: input.staffUserId,
      practiceId: input.practiceId,
      mfaVerified: input.mfaVerified,
      createdAt: now,
      lastSeenAt: now,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: row.id };
}

export async function resolveStaffSession(services: AppServices, token: string): Promise<StaffPrincipal> {
  const { prisma, clock, config } = services;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      practiceId: true,
      staffUserId: true,
      mfaVerified: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      staffUser: {
        select: {
          disabledAt: true,
          mfaFactors: { where: { confirmedAt: { not: null } }, select: { id: true } },
          memberships: { select: { practiceId: true, role: true } },
        },
      },
    },
  });
  if (!session || session.revokedAt) throw new DomainError('UNAUTHENTICATED', 'Sign in required');
  const now = clock.now().getTime();
  const idle = now - session.lastSeenAt.getTime() > config.staffIdleTimeoutMs;
  const absolute = now - session.createdAt.getTime() > config.staffAbsoluteTimeoutMs;
  const membership = session.staffUser.memberships.find((m) => m.practiceId === session.practiceId);
  if (idle || absolute || session.staffUser.disabledAt || !membership) {
    await prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date(now) } });
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.', {
      reason: idle ? 'idle' : absolute ? 'absolute' : 'access_removed',
    });
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    sessionId: session.id,
    userId: session.staffUserId,
    practiceId: session.practiceId,
    role: membership.role,
    mfaVerified: session.mfaVerified,
    mfaEnrolled: session.staffUser.mfaFactors.length > 0,
  };
}

export async function revokeStaffSessions(
  services: AppServices,
  staffUserId: string,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  const r = await services.prisma.session.updateMany({
    where: {
      staffUserId,
      revokedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { revokedAt: services.clock.now() },
  });
  return r.count;
}
