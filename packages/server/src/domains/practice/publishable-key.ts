// Widgets identify their practice with a publishable key (safe in a web page)
// and may only be used from the origins the practice listed for that key.
import { DomainError } from '../../errors.js';
import type { Context } from '../../trpc/context.js';
import { originMatchesHost } from '../../http/cors.js';
import { publishableKeys } from './publishable-key-cache.js';

export interface PracticeRef {
  id: string;
  apiKeyId: string;
}

export async function resolvePublishableKey(ctx: Context): Promise<PracticeRef> {
  const key = ctx.request.publishableKey;
  if (!key || !key.startsWith('pk_')) {
    throw new DomainError('UNAUTHENTICATED', 'A publishable key is required');
  }
  // Cached per process for a few seconds: a revocation or an origins change
  // takes effect within PUBLISHABLE_KEY_TTL_MS (see publishable-key-cache.ts).
  const row = await publishableKeys(ctx.services.prisma).find(key);
  if (!row || row.revokedAt || row.kind !== 'publishable') {
    throw new DomainError('UNAUTHENTICATED', 'Unknown or revoked publishable key');
  }
  // Browsers always send Origin on cross-origin requests; a request without
  // one comes from a server or script, where CORS offers nothing to enforce.
  // The server's own origin hosts the pages its e-mails link to (manage an
  // appointment, take a waitlist offer), so it may use any practice's key;
  // nothing but our own bundles is served there.
  const origin = ctx.request.origin;
  if (origin && !row.allowedOrigins.includes(origin) && !isOwnOrigin(ctx, origin)) {
    throw new DomainError('FORBIDDEN', 'This site is not allowed to use this publishable key');
  }
  return { id: row.practiceId, apiKeyId: row.id };
}

function isOwnOrigin(ctx: Context, origin: string): boolean {
  return (
    originMatchesHost(origin, ctx.request.host) ||
    origin === new URL(ctx.services.config.publicUrl).origin
  );
}
