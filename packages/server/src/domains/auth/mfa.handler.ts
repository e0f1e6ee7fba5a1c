// TOTP enrolment and verification for staff sessions. A session starts with
// mfaVerified = false; confirming enrolment or verifying a code upgrades it.
import { DomainError } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { StaffContext } from './staff-context.js';
import { guardSignInAttempt, recordSignInFailure, recordSignInSuccess } from './sign-in-guard.js';
import { matchTotpStep, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from './totp.js';

/**
 * A wrong code is a form error on a valid session, not a sign-out: the
 * console keeps the user on the code screen.
 */
function invalidCode(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'That code is not valid. Enter the current code from your app.', {
    field: 'code',
    reason: 'invalid_code',
  });
}

const mfaKey = (ctx: StaffContext) => ['mfa', ctx.staff.userId];

export async function startMfaEnrolment(ctx: StaffContext): Promise<{ otpauthUri: string; secret: string }> {
  const { staff } = ctx;
  // A confirmed factor is only replaced through an owner's reset, never from
  // a session that has just a password behind it.
  if (staff.mfaEnrolled) throw new DomainError('CONFLICT', 'Two-factor authentication is already set up');
  const user = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: staff.userId }, select: { email: true } });
  const secret = newTotpSecret();
  await ctx.db.$transaction([
    ctx.db.mfaFactor.deleteMany({ where: { staffUserId: staff.userId, confirmedAt: null } }),
    ctx.db.mfaFactor.create({
      data: { staffUserId: staff.userId, secretEnc: await sealTotpSecret(ctx.services, staff.practiceId, secret) },
      select: { id: true },
    }),
  ]);
  await audit(ctx, staff.practiceId, { action: 'auth.mfa_enrolment_start', objectType: 'StaffUser', objectId: staff.userId });
  // The secret goes back once, to the user it belongs to, for manual entry.
  return { otpauthUri: totpUri(secret, user.email), secret };
}

export async function confirmMfaEnrolment(ctx: StaffContext, code: string): Promise<{ mfaVerified: true }> {
  const { staff, services } = ctx;
  await guardSignInAttempt(services, ctx.request.ip, mfaKey(ctx));
  if (staff.mfaEnrolled) throw new DomainError('CONFLICT', 'Two-factor authentication is already set up');
  const factor = await ctx.db.mfaFactor.findFirst({
    where: { staffUserId: staff.userId, confirmedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, secretEnc: true },
  });
  if (!factor) throw new DomainError('NOT_FOUND', 'No two-factor enrolment in progress: start enrolment first', { reason: 'no_enrolment' });
  const now = services.clock.now();
  const step = await matchTotpStep(await openTotpSecret(services, factor.secretEnc), code, now, 0);
  if (step === null) {
    await recordSignInFailure(services, ctx.request.ip, mfaKey(ctx));
    await audit(ctx, staff.practiceId, { action: 'auth.mfa_enrol', objectType: 'StaffUser', objectId: staff.userId, outcome: 'failure' });
    throw invalidCode();
  }
  const confirmed = await ctx.db.mfaFactor.updateMany({
    where: { id: factor.id, confirmedAt: null },
    data: { confirmedAt: now, lastUsedStep: BigInt(step) },
  });
  if (confirmed.count === 0) throw new DomainError('CONFLICT', 'Two-factor authentication is already set up');
  await ctx.db.session.update({ where: { id: staff.sessionId }, data: { mfaVerified: true } });
  await recordSignInSuccess(services, mfaKey(ctx));
  await audit(ctx, staff.practiceId, { action: 'auth.mfa_enrol', objectType: 'StaffUser', objectId: staff.userId });
  return { mfaVerified: true };
}

export async function verifyMfa(ctx: StaffContext, code: string): Promise<{ mfaVerified: true }> {
  const { staff, services } = ctx;
  await guardSignInAttempt(services, ctx.request.ip, mfaKey(ctx));
  const factor = await ctx.db.mfaFactor.findFirst({
    where: { staffUserId: staff.userId, confirmedAt: { not: null } },
    orderBy: { confirmedAt: 'desc' },
    select: { id: true, secretEnc: true, lastUsedStep: true },
  });
  if (!factor) throw new DomainError('NOT_FOUND', 'No two-factor method is set up: enrol first', { reason: 'not_enrolled' });
  const secret = await openTotpSecret(services, factor.secretEnc);
  const step = await matchTotpStep(secret, code, services.clock.now(), Number(factor.lastUsedStep));
  // Claiming the step with a compare-and-set makes the code single-use even
  // when two requests race with it.
  const claimed =
    step !== null &&
    (
      await ctx.db.mfaFactor.updateMany({
        where: { id: factor.id, lastUsedStep: { lt: BigInt(step) } },
        data: { lastUsedStep: BigInt(step) },
      })
    ).count === 1;
  if (!claimed) {
    await recordSignInFailure(services, ctx.request.ip, mfaKey(ctx));
    await audit(ctx, staff.practiceId, { action: 'auth.mfa_verify', objectType: 'StaffUser', objectId: staff.userId, outcome: 'failure' });
    throw invalidCode();
  }
  await ctx.db.session.update({ where: { id: staff.sessionId }, data: { mfaVerified: true } });
  await recordSignInSuccess(services, mfaKey(ctx));
  await audit(ctx, staff.practiceId, { action: 'auth.mfa_verify', objectType: 'StaffUser', objectId: staff.userId });
  return { mfaVerified: true };
}
