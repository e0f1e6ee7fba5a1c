// Clients (patients) prove they own an e-mail address with a 6-digit code or
// a magic link, and get a client session. Every request gets the same answer
// whether or not the address belongs to a known client; a verification allows
// five code attempts, then it is burned; a code or link works once.
import crypto from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { Context } from '../../trpc/context.js';
import type { AppServices } from '../../services.js';
import type { PracticeRef } from '../practice/publishable-key.js';
import { hashToken, newToken } from './session-token.js';
import { createClientSession } from './client-session.js';
import { clientCodeMail } from './auth-mail.js';

export type PublicContext = Context & { practice: PracticeRef };

export const CLIENT_CODE_TTL_MS = 15 * 60_000;
export const CLIENT_CODE_MAX_ATTEMPTS = 5;

/**
 * Six digits are guessable offline from a bare SHA-256, so the stored hash is
 * an HMAC under the app secret, bound to the verification row.
 */
function hashCode(services: AppServices, verificationId: string, code: string): string {
  return crypto.createHmac('sha256', services.config.appSecret).update(`client-code\u0000${verificationId}\u0000${code}`).digest('hex');
}

/**
 * One answer for a wrong, used, burned or expired code and for an address
 * with no code at all: telling them apart would reveal that someone asked
 * for a code for that address (that they may be this practice's client).
 */
function codeRefused(): DomainError {
  return new DomainError('NOT_FOUND', 'That code is not valid or has expired. Request a new one.', {
    reason: 'invalid_code',
  });
}

/**
 * Where the e-mailed link points: a page on one of the origins the
 * publishable key allows (so the link cannot be aimed at someone else's
 * site), or the server's own /verify page.
 */
async function magicLinkBase(ctx: PublicContext, linkUrl: string | undefined): Promise<string> {
  if (!linkUrl) return `${ctx.services.config.publicUrl}/verify`;
  const url = new URL(linkUrl);
  const key = await ctx.db.apiKey.findUniqueOrThrow({ where: { id: ctx.practice.apiKeyId }, select: { allowedOrigins: true } });
  if (!key.allowedOrigins.includes(url.origin)) {
    throw new DomainError('VALIDATION_FAILED', 'The link must point to a site this practice allows', {
      field: 'linkUrl',
      reason: 'origin_not_allowed',
    });
  }
  url.hash = '';
  return url.toString();
}

export async function requestClientCode(ctx: PublicContext, email: string, linkUrl?: string): Promise<{ expiresAt: Date }> {
  const { services, practice } = ctx;
  await services.rateLimits.consume('authByIp', ctx.request.ip);
  const linkBase = await magicLinkBase(ctx, linkUrl);
  const emailHash = await services.cipher.blindIndex(practice.id, email);
  await services.rateLimits.consume('emailSend', practice.id, emailHash);
  const now = services.clock.now();
  const expiresAt = new Date(now.getTime() + CLIENT_CODE_TTL_MS);
  // Only the newest code for an address is live: older ones cannot be
  // guessed in parallel.
  await ctx.db.emailVerification.updateMany({
    where: { practiceId: practice.id, emailHash, consumedAt: null },
    data: { consumedAt: now },
  });
  const id = crypto.randomUUID();
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  const linkToken = newToken('tcv');
  await ctx.db.emailVerification.create({
    data: {
      id,
      practiceId: practice.id,
      emailHash,
      codeHash: hashCode(services, id, code),
      linkTokenHash: hashToken(linkToken),
      expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  const { name } = await ctx.db.practice.findUniqueOrThrow({ where: { id: practice.id }, select: { name: true } });
  const link = `${linkBase}#token=${encodeURIComponent(linkToken)}`;
  await services.mailer.send(clientCodeMail(email, name, code, link, CLIENT_CODE_TTL_MS / 60_000));
  await services.audit.record({
    practiceId: practice.id,
    actor: { type: 'anonymous' },
    action: 'client_auth.code_request',
    objectType: 'EmailVerification',
    objectId: id,
    outcome: 'success',
    ip: ctx.request.ip,
  });
  return { expiresAt };
}

export async function verifyClientCode(ctx: PublicContext, email: string, code: string): Promise<{ token: string; expiresAt: Date }> {
  const { services, practice } = ctx;
  await services.rateLimits.consume('authByIp', ctx.request.ip);
  const emailHash = await services.cipher.blindIndex(practice.id, email);
  const now = services.clock.now();
  const v = await ctx.db.emailVerification.findFirst({
    where: { practiceId: practice.id, emailHash, consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, codeHash: true },
  });
  if (!v) throw codeRefused();
  // The attempt is counted before the comparison, atomically, so parallel
  // guesses cannot exceed the limit.
  const counted = await ctx.db.emailVerification.updateMany({
    where: { id: v.id, consumedAt: null, attempts: { lt: CLIENT_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw codeRefused();
  const match = crypto.timingSafeEqual(Buffer.from(hashCode(services, v.id, code)), Buffer.from(v.codeHash));
  if (!match) {
    const burned = await ctx.db.emailVerification.updateMany({
      where: { id: v.id, consumedAt: null, attempts: { gte: CLIENT_CODE_MAX_ATTEMPTS } },
      data: { consumedAt: now },
    });
    await services.audit.record({
      practiceId: practice.id,
      actor: { type: 'anonymous' },
      action: 'client_auth.verify',
      objectType: 'EmailVerification',
      objectId: v.id,
      outcome: 'failure',
      ip: ctx.request.ip,
      detail: { method: 'code', burned: burned.count > 0 },
    });
    throw codeRefused();
  }
  return startClientSession(ctx, v.id, emailHash, 'code');
}

export async function verifyClientLink(ctx: PublicContext, token: string): Promise<{ token: string; expiresAt: Date }> {
  const { services, practice } = ctx;
  await services.rateLimits.consume('authByIp', ctx.request.ip);
  const v = await ctx.db.emailVerification.findUnique({
    where: { linkTokenHash: hashToken(token) },
    select: { id: true, practiceId: true, emailHash: true, consumedAt: true, expiresAt: true, attempts: true },
  });
  // Another practice's link is treated exactly like an unknown one.
  if (
    !v ||
    v.practiceId !== practice.id ||
    v.consumedAt ||
    v.expiresAt <= services.clock.now() ||
    v.attempts >= CLIENT_CODE_MAX_ATTEMPTS
  ) {
    throw new DomainError('NOT_FOUND', 'This link is not valid or has expired. Request a new one.', {
      reason: 'invalid_link',
    });
  }
  return startClientSession(ctx, v.id, v.emailHash, 'link');
}

async function startClientSession(
  ctx: PublicContext,
  verificationId: string,
  emailHash: string,
  method: 'code' | 'link',
): Promise<{ token: string; expiresAt: Date }> {
  const { services, practice } = ctx;
  // Compare-and-set: a code or link works once, even under concurrent use.
  const used = await ctx.db.emailVerification.updateMany({
    where: { id: verificationId, consumedAt: null },
    data: { consumedAt: services.clock.now() },
  });
  if (used.count === 0) throw codeRefused();
  const client = await ctx.db.client.findFirst({
    where: { practiceId: practice.id, emailHash, closedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  const session = await createClientSession(services, { practiceId: practice.id, emailHash, clientId: client?.id ?? null });
  await services.audit.record({
    practiceId: practice.id,
    actor: client ? { type: 'client', id: client.id } : { type: 'anonymous' },
    action: 'client_auth.verify',
    objectType: 'EmailVerification',
    objectId: verificationId,
    outcome: 'success',
    ip: ctx.request.ip,
    detail: { method, knownClient: client !== null },
  });
  return session;
}
