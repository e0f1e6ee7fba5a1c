// Client (patient) sessions: issued after an e-mail address is verified by a
// one-time code or magic link. Widgets run on the practice's own site, where
// our cookies would be third-party, so the token travels as a bearer header
// and is kept in memory by the widget (never in browser storage).
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import { hashToken, newToken } from './session-token.js';

export interface ClientPrincipal {
  sessionId: string;
  practiceId: string;
  /** HMAC of the verified e-mail address (blind index). */
  emailHash: string;
  clientId: string | null;
}

export async function createClientSession(
  services: AppServices,
  input: { practiceId: string; emailHash: string; clientId: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('tcs');
  const now = services.clock.now();
  await services.prisma.clientSession.create({
    data: { tokenHash: hashToken(token), createdAt: now, lastSeenAt: now, ...input },
    select: { id: true },
  });
  return { token, expiresAt: new Date(now.getTime() + services.config.clientSessionMs) };
}

export async function resolveClientSession(
  services: AppServices,
  practiceId: string,
  token: string,
): Promise<ClientPrincipal> {
  const row = await services.prisma.clientSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, practiceId: true, emailHash: true, clientId: true, createdAt: true, revokedAt: true },
  });
  // A session from another practice is treated exactly like no session.
  if (!row || row.revokedAt || row.practiceId !== practiceId) {
    throw new DomainError('UNAUTHENTICATED', 'Verify your e-mail address to continue');
  }
  if (services.clock.now().getTime() - row.createdAt.getTime() > services.config.clientSessionMs) {
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Verify your e-mail address again.');
  }
  return { sessionId: row.id, practiceId: row.practiceId, emailHash: row.emailHash, clientId: row.clientId };
}
