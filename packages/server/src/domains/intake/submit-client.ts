// Which Client record a submission belongs to. Clients are found by the
// e-mail blind index (never by decrypting everyone); a minor without an
// address of their own is found among the guardian's wards. Everything that
// needs the cipher happens here, before the transaction; applyClientLink
// then only inserts or links rows inside it. An unverified submission never
// changes an existing client's demographics.
import crypto from 'node:crypto';
import type { ClientUncheckedCreateInput } from '../../generated/prisma/models/Client.js';
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import type { Db } from '../../db/client.js';
import type { DateTime } from 'luxon';
import { clientRowSelect, decryptClient, encryptDemographics, isMinorOn } from '../clients/client-record.js';
import type { Submitter } from './submit.schema.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
type Person = { firstName: string; lastName: string; email?: string | undefined; phone?: string | undefined; dateOfBirth?: string | undefined };

export interface PlannedClient {
  id: string;
  /** Row to insert when no existing client matched. */
  create: Omit<ClientUncheckedCreateInput, 'id'> | null;
}

export interface ClientLink {
  client: PlannedClient;
  guardian: PlannedClient | null;
  /** Blind index of the address that answers for this intake (the guardian's for a minor). */
  contactEmailHash: string;
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
const invalid = (field: string, reason: string) => new DomainError('VALIDATION_FAILED', 'Check the client details', { field, reason });

async function newClientRow(services: AppServices, practiceId: string, person: Person, extra: { isMinor: boolean; guardianId: string | null }) {
  const encrypted = await encryptDemographics(services, practiceId, person);
  // firstName and lastName are always given, so encryptDemographics sealed them.
  return { practiceId, ...encrypted, firstNameEnc: encrypted.firstNameEnc!, lastNameEnc: encrypted.lastNameEnc!, ...extra };
}

async function byEmail(services: AppServices, practiceId: string, email: string): Promise<{ id: string; hash: string }> {
  const hash = await services.cipher.blindIndex(practiceId, email);
  const row = await services.prisma.client.findFirst({ where: { practiceId, emailHash: hash }, select: { id: true } });
  return { id: row?.id ?? '', hash };
}

async function matchingWard(services: AppServices, practiceId: string, guardianId: string, person: Person): Promise<string | null> {
  const wards = await services.prisma.client.findMany({ where: { practiceId, guardianId }, select: clientRowSelect, take: 50 });
  for (const row of wards) {
    const ward = await decryptClient(services, row);
    if (same(ward.firstName, person.firstName) && same(ward.lastName, person.lastName) && same(ward.dateOfBirth, person.dateOfBirth)) return ward.id;
  }
  return null;
}

export async function planClientLink(services: AppServices, practiceId: string, submitter: Submitter, today: DateTime): Promise<ClientLink> {
  const minor = isMinorOn(submitter.dateOfBirth, today);
  if (minor && !submitter.guardian) throw invalid('client.guardian', 'required');
  if (!minor && !submitter.email) throw invalid('client.email', 'required');
  const { guardian: guardianInput, ...person } = submitter;

  let guardian: PlannedClient | null = null;
  let guardianHash: string | null = null;
  if (guardianInput) {
    const found = await byEmail(services, practiceId, guardianInput.email);
    guardianHash = found.hash;
    guardian = found.id
      ? { id: found.id, create: null }
      : { id: crypto.randomUUID(), create: await newClientRow(services, practiceId, guardianInput, { isMinor: false, guardianId: null }) };
  }
  // The blind index is unique per practice: a minor sharing the guardian's address does not get it twice.
  const ownEmail = person.email && !(guardianInput && same(person.email, guardianInput.email)) ? person.email : undefined;
  let existingId: string | null = null;
  let ownHash: string | null = null;
  if (ownEmail) {
    const found = await byEmail(services, practiceId, ownEmail);
    ownHash = found.hash;
    existingId = found.id || null;
  } else if (guardian && !guardian.create) {
    existingId = await matchingWard(services, practiceId, guardian.id, person);
  }
  if (guardian && existingId === guardian.id) throw invalid('client.guardian', 'same_as_client');
  const client: PlannedClient = existingId
    ? { id: existingId, create: null }
    : {
        id: crypto.randomUUID(),
        create: await newClientRow(services, practiceId, { ...person, email: ownEmail }, { isMinor: minor, guardianId: guardian?.id ?? null }),
      };
  const contactEmailHash = (minor ? guardianHash : ownHash) ?? guardianHash ?? ownHash ?? '';
  return { client, guardian, contactEmailHash };
}

/** Inserts planned clients and links the guardian, inside the submission's transaction. */
export async function applyClientLink(tx: Tx, practiceId: string, link: ClientLink): Promise<{ clientId: string; createdClientIds: string[] }> {
  const created: string[] = [];
  if (link.guardian?.create) {
    await tx.client.create({ data: { id: link.guardian.id, ...link.guardian.create }, select: { id: true } });
    created.push(link.guardian.id);
  }
  if (link.client.create) {
    await tx.client.create({ data: { id: link.client.id, ...link.client.create }, select: { id: true } });
    created.push(link.client.id);
  } else if (link.guardian) {
    // Link an existing client to the guardian only when it has none: an unverified form never replaces a guardian.
    await tx.client.updateMany({ where: { id: link.client.id, practiceId, guardianId: null }, data: { guardianId: link.guardian.id } });
  }
  return { clientId: link.client.id, createdClientIds: created };
}
