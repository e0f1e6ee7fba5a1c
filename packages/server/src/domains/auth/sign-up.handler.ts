// Self-service practice sign-up: creates the practice, its first data key,
// the owner account and a publishable key (provisionPractice). The owner then
// signs in and must enrol MFA before reaching any practice data.
import type { z } from 'zod';
import { DomainError } from '../../errors.js';
import type { Context } from '../../trpc/context.js';
import { provisionPractice } from '../practice/provision.js';
import { verifyPassword } from './password.js';
import { assertPasswordAllowed } from './password-policy.js';
import { guardSignInAttempt, recordSignInFailure } from './sign-in-guard.js';
import type { signUpPracticeInput } from './auth.schema.js';

export async function signUpPractice(
  ctx: Context,
  input: z.infer<typeof signUpPracticeInput>,
): Promise<{ practiceId: string; publishableKey: string }> {
  const { services } = ctx;
  // Every sign-up costs argon2 work and rows: each one counts against the IP.
  await guardSignInAttempt(services, ctx.request.ip, [input.owner.email]);
  await services.rateLimits.consume('authByIp', ctx.request.ip);
  const existing = await ctx.db.staffUser.findUnique({
    where: { email: input.owner.email },
    select: { passwordHash: true, disabledAt: true },
  });
  if (existing) {
    // Someone who already has an account adds a practice to it, proving it is
    // theirs with its password; otherwise anyone could attach another
    // person's account to a practice they control.
    const ok = await verifyPassword(existing.passwordHash, input.owner.password);
    if (!ok || existing.disabledAt) {
      await recordSignInFailure(services, ctx.request.ip, [input.owner.email]);
      throw new DomainError('CONFLICT', 'This e-mail already has an account: enter its password to add a practice to it', {
        field: 'owner.email',
        reason: 'account_exists',
      });
    }
  } else {
    assertPasswordAllowed(input.owner.password, input.owner.email);
  }
  const practice = await provisionPractice(services, {
    name: input.practiceName,
    slug: input.slug,
    timezone: input.timezone,
    owner: input.owner,
    allowedOrigins: [],
  });
  await services.audit.record({
    practiceId: practice.practiceId,
    actor: { type: 'staff', id: practice.ownerId },
    action: 'auth.sign_up',
    objectType: 'Practice',
    objectId: practice.practiceId,
    outcome: 'success',
    ip: ctx.request.ip,
  });
  return { practiceId: practice.practiceId, publishableKey: practice.publishableKey };
}
