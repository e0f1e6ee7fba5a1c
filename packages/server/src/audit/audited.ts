// Helpers that make "audit every PHI access" the easy path for handlers.
import type { Context } from '../trpc/context.js';
import type { StaffPrincipal } from '../domains/auth/staff-session.js';
import type { ClientPrincipal } from '../domains/auth/client-session.js';
import type { Actor, AuditEntry } from './audit-log.js';

type AuditableContext = Context & { staff?: StaffPrincipal; client?: ClientPrincipal };

export function actorOf(ctx: AuditableContext): Actor {
  if (ctx.staff) return { type: 'staff', id: ctx.staff.userId };
  if (ctx.client) return { type: 'client', id: ctx.client.clientId ?? ctx.client.sessionId };
  return { type: 'anonymous', id: null };
}

/** Records one audit event for the current actor. */
export async function audit(
  ctx: AuditableContext,
  practiceId: string | null,
  entry: Omit<AuditEntry, 'practiceId' | 'actor' | 'ip' | 'outcome'> & { outcome?: AuditEntry['outcome'] },
): Promise<void> {
  await ctx.services.audit.record({
    practiceId,
    actor: actorOf(ctx),
    ip: ctx.request.ip,
    outcome: entry.outcome ?? 'success',
    ...entry,
  });
}
