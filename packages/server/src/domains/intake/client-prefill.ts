// Prefill from the client's record, only for a client who proved their
// e-mail address (a client session), only the properties the definition
// asks for, and audited as a PHI read.
import { prefillAnswers, type FormAnswers, type FormDefinition, type PrefillValues } from '@therapycrm/plugin-sdk';
import { resolveClientSession, type ClientPrincipal } from '../auth/client-session.js';
import { clientRowSelect, decryptClient } from '../clients/client-record.js';
import type { WidgetContext } from './contexts.js';

/** The caller's client session when a bearer token is sent; an invalid token is an error, not "anonymous". */
export async function optionalClientSession(ctx: WidgetContext): Promise<ClientPrincipal | null> {
  const token = ctx.request.bearerToken;
  return token ? resolveClientSession(ctx.services, ctx.practice.id, token) : null;
}

export async function prefillFor(ctx: WidgetContext, session: ClientPrincipal, definition: FormDefinition): Promise<FormAnswers> {
  const practiceId = ctx.practice.id;
  const row = await ctx.db.client.findFirst({
    where: session.clientId ? { id: session.clientId, practiceId } : { emailHash: session.emailHash, practiceId },
    select: clientRowSelect,
  });
  if (!row) return {};
  const client = await decryptClient(ctx.services, row);
  const values: PrefillValues = {
    'client.firstName': client.firstName,
    'client.lastName': client.lastName,
    ...(client.email !== undefined && { 'client.email': client.email }),
    ...(client.phone !== undefined && { 'client.phone': client.phone }),
    ...(client.dateOfBirth !== undefined && { 'client.dateOfBirth': client.dateOfBirth }),
  };
  const answers = prefillAnswers(definition, values);
  await ctx.services.audit.record({
    practiceId,
    actor: { type: 'client', id: row.id },
    action: 'intake.prefill',
    objectType: 'Client',
    objectId: row.id,
    outcome: 'success',
    ip: ctx.request.ip,
    detail: { fields: Object.keys(answers) },
  });
  return answers;
}
