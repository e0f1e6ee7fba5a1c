// Who may edit or read whose calendar: owners and front desk manage every
// clinician of their practice; a clinician manages only their own.
import { DomainError, notFound } from '../../errors.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import type { DbOrTx } from './booking-catalog.js';
import { BOOKABLE_ROLES } from './booking-catalog.js';

export const CALENDAR_MANAGERS = ['owner', 'front_desk'] as const;
export const CALENDAR_ROLES = ['owner', 'front_desk', 'clinician'] as const;

export function managesEveryCalendar(staff: StaffPrincipal): boolean {
  return (CALENDAR_MANAGERS as readonly string[]).includes(staff.role);
}

/** Throws unless `staff` may manage `clinicianId`'s availability; the clinician must belong to the practice. */
export async function assertCalendarAccess(db: DbOrTx, staff: StaffPrincipal, clinicianId: string): Promise<void> {
  if (!managesEveryCalendar(staff) && clinicianId !== staff.userId) {
    throw new DomainError('FORBIDDEN', 'You can only manage your own calendar');
  }
  const membership = await db.membership.findFirst({
    where: { practiceId: staff.practiceId, staffUserId: clinicianId, role: { in: [...BOOKABLE_ROLES] } },
    select: { id: true },
  });
  if (!membership) throw notFound('Clinician');
}
