// Lookups every booking path needs, always scoped to the caller's practice:
// an id from another practice is simply "not found". The widget's hot path
// (availability, hold) gets type, timezone and clinicians in one round trip.
import { notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { BookingMode, ClientEligibility } from '../../generated/prisma/enums.js';
import { ZoneRules } from './availability/zoned-time.js';

export type DbOrTx = Db | Prisma.TransactionClient;

/** Roles whose members can be booked (owners are often practising clinicians). */
export const BOOKABLE_ROLES = ['clinician', 'owner'] as const;

export interface BookableType {
  id: string;
  durationMinutes: number;
  slotIntervalMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxHorizonDays: number;
  dailyCap: number | null;
  bookingMode: BookingMode;
  clientEligibility: ClientEligibility;
}

export interface BookableClinician {
  id: string;
  displayName: string;
}

/**
 * Staff of practice `$1` who can be booked: a clinician or owner membership,
 * not disabled, with weekly hours set there (without hours nobody can book
 * them); `$2` narrows to one id when not null.
 */
const CLINICIANS_JSON = `(
  SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u."displayName") ORDER BY u."displayName", u.id), '[]')
  FROM "Membership" m JOIN "StaffUser" u ON u.id = m."staffUserId"
  WHERE m."practiceId" = $1::uuid AND m.role IN (${BOOKABLE_ROLES.map((r) => `'${r}'`).join(', ')})
    AND u."disabledAt" IS NULL AND ($2::uuid IS NULL OR u.id = $2::uuid)
    AND EXISTS (SELECT 1 FROM "WeeklyHours" w WHERE w."clinicianId" = u.id AND w."practiceId" = $1::uuid))`;

const CONTEXT_SQL = `
SELECT p.timezone, ${CLINICIANS_JSON} AS clinicians,
  (SELECT json_build_object('id', t.id, 'durationMinutes', t."durationMinutes", 'slotIntervalMinutes', t."slotIntervalMinutes",
     'bufferBeforeMinutes', t."bufferBeforeMinutes", 'bufferAfterMinutes', t."bufferAfterMinutes",
     'minNoticeMinutes', t."minNoticeMinutes", 'maxHorizonDays', t."maxHorizonDays", 'dailyCap', t."dailyCap",
     'bookingMode', t."bookingMode", 'clientEligibility', t."clientEligibility")
   FROM "AppointmentType" t WHERE t.id = $3::uuid AND t."practiceId" = p.id AND t.active) AS type
FROM "Practice" p WHERE p.id = $1::uuid`;

export interface BookingContext {
  type: BookableType;
  zone: ZoneRules;
  clinicians: BookableClinician[];
}

/**
 * The active type, the practice's timezone and its bookable clinicians (or
 * just `clinicianId`, which must be one of them).
 */
export async function loadBookingContext(
  db: DbOrTx,
  practiceId: string,
  appointmentTypeId: string,
  clinicianId?: string | undefined,
): Promise<BookingContext> {
  const [row] = await db.$queryRawUnsafe<{ timezone: string; clinicians: BookableClinician[]; type: BookableType | null }[]>(
    CONTEXT_SQL,
    practiceId,
    clinicianId ?? null,
    appointmentTypeId,
  );
  if (!row) throw notFound('Practice');
  if (!row.type) throw notFound('Appointment type');
  if (clinicianId && !row.clinicians.length) throw notFound('Clinician');
  return { type: row.type, zone: zoneRules(row.timezone), clinicians: row.clinicians };
}

export async function bookableClinicians(db: DbOrTx, practiceId: string): Promise<BookableClinician[]> {
  const [row] = await db.$queryRawUnsafe<{ clinicians: BookableClinician[] }[]>(
    `SELECT ${CLINICIANS_JSON} AS clinicians`,
    practiceId,
    null,
  );
  return row!.clinicians;
}

// ZoneRules only caches offsets of a public timezone database: sharing it
// between requests and tenants leaks nothing. Keys are canonical zone names
// (booking.schema.ts), and the size is capped all the same.
const zones = new Map<string, ZoneRules>();
const MAX_CACHED_ZONES = 1000;

export function zoneRules(name: string): ZoneRules {
  let zone = zones.get(name);
  if (!zone) {
    if (zones.size >= MAX_CACHED_ZONES) zones.clear();
    zone = new ZoneRules(name);
    zones.set(name, zone);
  }
  return zone;
}
