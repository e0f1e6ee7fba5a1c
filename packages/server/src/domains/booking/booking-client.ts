// Who is booking: the Client matched by the e-mail blind index, or a new one.
// Whether someone is already a client of a practice is itself sensitive, so
// an anonymous booker never learns it: types open to anyone match or create
// silently (an existing record's details are never overwritten from a
// booking form), while new-only and existing-only types first require a
// verified client session for that same e-mail address.
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ClientEligibility } from '../../generated/prisma/enums.js';
import { resolveClientSession } from '../auth/client-session.js';
import { encryptDemographics } from '../clients/client-record.js';

export interface BookingClientDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | undefined;
}

export interface IdentifiedBooker {
  emailHash: string;
  existingClientId: string | null;
  /** Encrypted columns for a new Client row (PHI never leaves this shape in clear). */
  newClientData: Awaited<ReturnType<typeof encryptDemographics>> & { firstNameEnc: string; lastNameEnc: string; emailHash: string };
}

export async function identifyBooker(
  services: AppServices,
  practiceId: string,
  eligibility: ClientEligibility,
  details: BookingClientDetails,
  bearerToken: string | null,
): Promise<IdentifiedBooker> {
  const email = details.email.trim().toLowerCase();
  const emailHash = await services.cipher.blindIndex(practiceId, email);
  if (eligibility !== 'any') {
    const session = bearerToken ? await resolveClientSession(services, practiceId, bearerToken) : null;
    if (!session || session.emailHash !== emailHash) {
      throw new DomainError('UNAUTHENTICATED', 'Verify your e-mail address to book this appointment', {
        reason: 'email_verification_required',
      });
    }
  }
  const existing = await services.prisma.client.findFirst({
    where: { practiceId, emailHash },
    select: { id: true },
  });
  if (eligibility === 'new_only' && existing) {
    throw new DomainError('PRECONDITION_FAILED', 'This appointment type is for new clients', { reason: 'new_clients_only' });
  }
  if (eligibility === 'existing_only' && !existing) {
    throw new DomainError('PRECONDITION_FAILED', 'This appointment type is for existing clients', {
      reason: 'existing_clients_only',
    });
  }
  const encrypted = await encryptDemographics(services, practiceId, {
    firstName: details.firstName,
    lastName: details.lastName,
    email,
    ...(details.phone ? { phone: details.phone } : {}),
  });
  return {
    emailHash,
    existingClientId: existing?.id ?? null,
    newClientData: { ...encrypted, firstNameEnc: encrypted.firstNameEnc!, lastNameEnc: encrypted.lastNameEnc!, emailHash },
  };
}

/** The client id to book for; creates the Client when none matches (race-safe on the unique e-mail index). */
export async function matchOrCreateClient(
  tx: Prisma.TransactionClient,
  practiceId: string,
  booker: IdentifiedBooker,
): Promise<{ clientId: string; created: boolean }> {
  if (booker.existingClientId) return { clientId: booker.existingClientId, created: false };
  const [created] = await tx.client.createManyAndReturn({
    data: [{ practiceId, ...booker.newClientData }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return { clientId: created.id, created: true };
  const existing = await tx.client.findFirstOrThrow({
    where: { practiceId, emailHash: booker.emailHash },
    select: { id: true },
  });
  return { clientId: existing.id, created: false };
}

/** Audits a Client row that a booking (instant, request or paid) created. */
export async function auditClientCreatedByBooking(
  services: AppServices,
  req: { practiceId: string; ip: string },
  clientId: string,
  appointmentId: string,
): Promise<void> {
  await services.audit.record({
    practiceId: req.practiceId,
    actor: { type: 'anonymous', id: null },
    ip: req.ip,
    action: 'client.create',
    objectType: 'Client',
    objectId: clientId,
    outcome: 'success',
    detail: { via: 'booking', appointmentId },
  });
}
