// Who can be booked in this practice, for every staff member who works with
// calendars (owner, front desk, biller, clinician): ids, display names and
// roles of active clinicians and owners. Colleagues' names are not PHI, so a
// clinician sees everyone's, as in SimplePractice's shared calendar. E-mails,
// MFA state and sign-in counters stay on the owner-only `auth.staff.list`.
import type { StaffRole } from '../../generated/prisma/enums.js';
import { BOOKABLE_ROLES } from '../booking/booking-catalog.js';
import type { StaffContext } from './staff-context.js';

/** Roles that manage or read calendars; auditors read the audit log only. */
export const CLINICIAN_DIRECTORY_ROLES = [
  'owner',
  'front_desk',
  'biller',
  'clinician',
] as const satisfies readonly StaffRole[];

export interface ClinicianListing {
  id: string;
  displayName: string;
  role: StaffRole;
}

export async function listClinicianDirectory(ctx: StaffContext): Promise<ClinicianListing[]> {
  const memberships = await ctx.db.membership.findMany({
    where: {
      practiceId: ctx.staff.practiceId,
      role: { in: [...BOOKABLE_ROLES] },
      staffUser: { disabledAt: null },
    },
    orderBy: [{ staffUser: { displayName: 'asc' } }, { staffUserId: 'asc' }],
    select: { role: true, staffUser: { select: { id: true, displayName: true } } },
  });
  return memberships.map((m) => ({
    id: m.staffUser.id,
    displayName: m.staffUser.displayName,
    role: m.role,
  }));
}
