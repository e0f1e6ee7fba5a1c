// Lookups every booking path needs, always scoped to the caller's practice:
// an id from another practice is simply "not found".
import { notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { ZoneRules } from './availability/zoned-time.js';

export type DbOrTx = Db | Prisma.TransactionClient;

/** Roles whose members can be booked (owners are often practising clinicians). */
export const BOOKABLE_ROLES = ['clinician', 'owner'] as const;

export const bookableTypeSelect = {
  id: true,
  practiceId: true,
  durationMinutes: true,
  slotIntervalMinutes: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  minNoticeMinutes: true,
  maxHorizonDays: true,
  dailyCap: true,
  bookingMode: true,
  clientEligibility: true,
} as const;

export type BookableType = Prisma.AppointmentTypeGetPayload<{ select: typeof bookableTypeSelect }>;

export async function loadBookableType(db: DbOrTx, practiceId: string, appointmentTypeId: string): Promise<BookableType> {
  const type = await db.appointmentType.findFirst({
    where: { id: appointmentTypeId, practiceId, active: true },
    select: bookableTypeSelect,
  });
  if (!type) throw notFound('Appointment type');
  return type;
}

/**
 * Staff of the practice who can be booked: a clinician or owner membership,
 * not disabled, and with weekly hours set (without hours nobody can book them).
 */
export async function bookableClinicians(
  db: DbOrTx,
  practiceId: string,
  clinicianId?: string,
): Promise<{ id: string; displayName: string }[]> {
  const rows = await db.membership.findMany({
    where: {
      practiceId,
      role: { in: [...BOOKABLE_ROLES] },
      ...(clinicianId ? { staffUserId: clinicianId } : {}),
      staffUser: { disabledAt: null, weeklyHours: { some: { practiceId } } },
    },
    select: { staffUser: { select: { id: true, displayName: true } } },
    orderBy: { staffUser: { displayName: 'asc' } },
  });
  return rows.map((r) => r.staffUser);
}

export async function loadBookableClinician(db: DbOrTx, practiceId: string, clinicianId: string) {
  const [clinician] = await bookableClinicians(db, practiceId, clinicianId);
  if (!clinician) throw notFound('Clinician');
  return clinician;
}

// ZoneRules only caches offsets of a public timezone database: sharing it
// between requests and tenants leaks nothing. Keys are validated zone names.
const zones = new Map<string, ZoneRules>();

export function zoneRules(name: string): ZoneRules {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ZoneRules(name);
    zones.set(name, zone);
  }
  return zone;
}

export async function practiceZone(db: DbOrTx, practiceId: string): Promise<ZoneRules> {
  const p = await db.practice.findUnique({ where: { id: practiceId }, select: { timezone: true } });
  if (!p) throw notFound('Practice');
  return zoneRules(p.timezone);
}
