// Reading and writing Client rows: the only place that knows which columns
// are encrypted. Minors (under 18 on the practice's today) need a guardian.
import { DateTime } from 'luxon';
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';

export interface ClientDemographics {
  firstName: string;
  lastName: string;
  email?: string | undefined;
  phone?: string | undefined;
  dateOfBirth?: string | undefined;
}

export interface ClientView extends ClientDemographics {
  id: string;
  isMinor: boolean;
  guardianId: string | null;
  createdAt: Date;
}

export const clientRowSelect = {
  id: true,
  practiceId: true,
  firstNameEnc: true,
  lastNameEnc: true,
  emailEnc: true,
  phoneEnc: true,
  dateOfBirthEnc: true,
  isMinor: true,
  guardianId: true,
  createdAt: true,
} as const;

type ClientRow = {
  id: string;
  practiceId: string;
  firstNameEnc: string;
  lastNameEnc: string;
  emailEnc: string | null;
  phoneEnc: string | null;
  dateOfBirthEnc: string | null;
  isMinor: boolean;
  guardianId: string | null;
  createdAt: Date;
};

export function isMinorOn(dateOfBirth: string | undefined, today: DateTime): boolean {
  if (!dateOfBirth) return false;
  const dob = DateTime.fromISO(dateOfBirth, { zone: today.zone });
  return today.diff(dob, 'years').years < 18;
}

export async function decryptClient(services: AppServices, row: ClientRow): Promise<ClientView> {
  const c = services.cipher;
  const p = row.practiceId;
  return {
    id: row.id,
    firstName: await c.decrypt(p, row.firstNameEnc),
    lastName: await c.decrypt(p, row.lastNameEnc),
    email: (await c.decryptOptional(p, row.emailEnc)) ?? undefined,
    phone: (await c.decryptOptional(p, row.phoneEnc)) ?? undefined,
    dateOfBirth: (await c.decryptOptional(p, row.dateOfBirthEnc)) ?? undefined,
    isMinor: row.isMinor,
    guardianId: row.guardianId,
    createdAt: row.createdAt,
  };
}

export async function encryptDemographics(
  services: AppServices,
  practiceId: string,
  d: Partial<ClientDemographics>,
) {
  const c = services.cipher;
  return {
    ...(d.firstName !== undefined && { firstNameEnc: await c.encrypt(practiceId, d.firstName) }),
    ...(d.lastName !== undefined && { lastNameEnc: await c.encrypt(practiceId, d.lastName) }),
    ...(d.email !== undefined && {
      emailEnc: await c.encrypt(practiceId, d.email),
      emailHash: await c.blindIndex(practiceId, d.email),
    }),
    ...(d.phone !== undefined && { phoneEnc: await c.encrypt(practiceId, d.phone) }),
    ...(d.dateOfBirth !== undefined && { dateOfBirthEnc: await c.encrypt(practiceId, d.dateOfBirth) }),
  };
}

/** Checks the guardian belongs to the same practice and is an adult. */
export async function assertGuardian(services: AppServices, practiceId: string, guardianId: string): Promise<void> {
  const g = await services.prisma.client.findFirst({
    where: { id: guardianId, practiceId },
    select: { isMinor: true },
  });
  if (!g) throw new DomainError('NOT_FOUND', 'Guardian not found');
  if (g.isMinor) throw new DomainError('VALIDATION_FAILED', 'A guardian must be an adult');
}

export async function practiceToday(services: AppServices, practiceId: string): Promise<DateTime> {
  const p = await services.prisma.practice.findUnique({ where: { id: practiceId }, select: { timezone: true } });
  return DateTime.fromJSDate(services.clock.now(), { zone: p?.timezone ?? 'UTC' });
}
