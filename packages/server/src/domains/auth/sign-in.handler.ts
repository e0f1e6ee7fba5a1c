// Staff password sign-in. Unknown e-mail, wrong password, disabled, locked or
// practice-less accounts all get the same error after the same work (an
// argon2 verification), so responses and timing do not reveal which it was.
import type { z } from 'zod';
import type { Context } from '../../trpc/context.js';
import { hashToken } from './session-token.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createStaffSession } from './staff-session.js';
import { setStaffSessionCookie } from './session-cookie.js';
import { guardSignInAttempt, recordSignInFailure, recordSignInSuccess, signInRefused } from './sign-in-guard.js';
import type { signInInput } from './auth.schema.js';

export interface PracticeChoice {
  id: string;
  name: string;
}

export type SignInResult =
  | {
      status: 'signed_in';
      /** What the console must ask next: a code from the app, or enrolment. */
      mfa: 'verify' | 'enroll';
      practice: PracticeChoice;
      /**
       * Only for in-process callers (tests, CLI), which have no HTTP response
       * to carry the cookie. Over HTTP the token is never in a body script
       * could read.
       */
      sessionToken?: string;
    }
  | { status: 'choose_practice'; practices: PracticeChoice[] };

type FailureReason = 'unknown_account' | 'bad_password' | 'disabled' | 'locked' | 'no_membership';

export async function signIn(ctx: Context, input: z.infer<typeof signInInput>): Promise<SignInResult> {
  const { services } = ctx;
  const accountKey = [input.email];
  await guardSignInAttempt(services, ctx.request.ip, accountKey);

  const user = await ctx.db.staffUser.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      lockedUntil: true,
      failedSignIns: true,
      memberships: {
        select: { practice: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      },
      mfaFactors: { where: { confirmedAt: { not: null } }, select: { id: true } },
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const now = services.clock.now();
  const failure: FailureReason | null = !user
    ? 'unknown_account'
    : !passwordOk
      ? 'bad_password'
      : user.disabledAt
        ? 'disabled'
        : user.lockedUntil && user.lockedUntil > now
          ? 'locked'
          : user.memberships.length === 0
            ? 'no_membership'
            : null;

  if (failure || !user) {
    await recordSignInFailure(services, ctx.request.ip, accountKey);
    const practiceIds = user?.memberships.map((m) => m.practice.id) ?? [];
    if (user) {
      // Not awaited: an extra write only for real accounts would make their
      // refusals measurably slower than unknown e-mails'. It is a counter
      // shown to owners, not the lockout (that is the rate limiter above).
      ctx.db.staffUser
        .update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } }, select: { id: true } })
        .catch((err: Error) => services.logger.warn({ error: err.name }, 'failed to count a failed sign-in'));
    }
    // Unknown accounts go to the system chain; known ones to each of their
    // practices, so owners see attempts on their staff. Ids only, never the e-mail.
    for (const practiceId of practiceIds.length ? practiceIds : [null]) {
      await services.audit.record({
        practiceId,
        actor: { type: 'anonymous' },
        action: 'auth.sign_in',
        objectType: user ? 'StaffUser' : null,
        objectId: user?.id ?? null,
        outcome: 'failure',
        ip: ctx.request.ip,
        detail: { reason: failure },
      });
    }
    throw signInRefused();
  }

  await recordSignInSuccess(services, accountKey);
  if (user.failedSignIns > 0) {
    await ctx.db.staffUser.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
  }
  const practices = user.memberships.map((m) => m.practice);
  const practice =
    practices.length === 1 ? practices[0] : practices.find((p) => p.id === input.practiceId);
  // Only now, after the password, may the caller learn which practices exist.
  if (!practice) return { status: 'choose_practice', practices };

  // A fresh token on every sign-in (no session fixation); an older session
  // presented by this browser ends here.
  if (ctx.request.staffSessionToken) {
    await ctx.db.session.updateMany({
      where: { tokenHash: hashToken(ctx.request.staffSessionToken), revokedAt: null },
      data: { revokedAt: now },
    });
  }
  const session = await createStaffSession(services, {
    staffUserId: user.id,
    practiceId: practice.id,
    mfaVerified: false,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  });
  await services.audit.record({
    practiceId: practice.id,
    actor: { type: 'staff', id: user.id },
    action: 'auth.sign_in',
    objectType: 'Session',
    objectId: session.sessionId,
    outcome: 'success',
    ip: ctx.request.ip,
  });
  const result: SignInResult = {
    status: 'signed_in',
    mfa: user.mfaFactors.length > 0 ? 'verify' : 'enroll',
    practice,
  };
  if (!setStaffSessionCookie(ctx, session.token)) result.sessionToken = session.token;
  return result;
}
