// Who on the staff may download a stored file, by what the file belongs to.
// Intake attachments are clinical content: owner and clinician only (front
// desk, biller and auditor never read answers). Draft files belong to a
// client who has not submitted yet: nobody on the staff reads them.
import type { StaffRole } from '../generated/prisma/enums.js';
import type { FileOwnerType } from './stored-files.js';

export const FILE_READERS: Readonly<Record<FileOwnerType, readonly StaffRole[]>> = {
  intake_draft: [],
  intake_submission: ['owner', 'clinician'],
};

export function mayReadFile(ownerType: string, role: StaffRole): boolean {
  return (FILE_READERS as Record<string, readonly StaffRole[] | undefined>)[ownerType]?.includes(role) ?? false;
}
