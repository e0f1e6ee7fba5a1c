// Staff authentication and staff administration, mounted as `auth`.
// Handlers live beside this file; this file only wires procedures.
import { z } from 'zod';
import { anonymousProcedure, router, staffProcedure } from '../../trpc/init.js';
import { changePasswordInput, mfaCodeInput, signInInput, signUpPracticeInput } from './auth.schema.js';
import { acceptInviteInput, inviteStaffInput, setRoleInput, staffUserIdInput } from './staff-admin.schema.js';
import { signIn } from './sign-in.handler.js';
import { signUpPractice } from './sign-up.handler.js';
import { changePassword, getStaffMe, signOut } from './staff-account.handler.js';
import { confirmMfaEnrolment, startMfaEnrolment, verifyMfa } from './mfa.handler.js';
import { acceptStaffInvite, inviteStaff } from './staff-invite.handler.js';
import { disableStaff, listStaff, resetStaffMfa, setStaffRole } from './staff-members.handler.js';
import { CLINICIAN_DIRECTORY_ROLES, listClinicianDirectory } from './staff-directory.handler.js';

const beforeMfa = { allowWithoutMfa: true } as const;
const owner = { roles: ['owner'] as const };
/** Mutations without input refuse any input, so stray fields are a clear 400. */
const noInput = z.undefined();

export const authRouter = router({
  signIn: anonymousProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: anonymousProcedure.input(noInput).mutation(({ ctx }) => signOut(ctx)),
  signUpPractice: anonymousProcedure.input(signUpPracticeInput).mutation(({ ctx, input }) => signUpPractice(ctx, input)),
  me: staffProcedure.meta(beforeMfa).query(({ ctx }) => getStaffMe(ctx)),
  changePassword: staffProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx, input)),

  mfa: router({
    startEnrolment: staffProcedure.meta(beforeMfa).input(noInput).mutation(({ ctx }) => startMfaEnrolment(ctx)),
    confirmEnrolment: staffProcedure
      .meta(beforeMfa)
      .input(mfaCodeInput)
      .mutation(({ ctx, input }) => confirmMfaEnrolment(ctx, input.code)),
    verify: staffProcedure
      .meta(beforeMfa)
      .input(mfaCodeInput)
      .mutation(({ ctx, input }) => verifyMfa(ctx, input.code)),
  }),

  staff: router({
    invite: staffProcedure.meta(owner).input(inviteStaffInput).mutation(({ ctx, input }) => inviteStaff(ctx, input)),
    acceptInvite: anonymousProcedure.input(acceptInviteInput).mutation(({ ctx, input }) => acceptStaffInvite(ctx, input)),
    list: staffProcedure.meta(owner).query(({ ctx }) => listStaff(ctx)),
    /** `[{ id, displayName, role }]` of active clinicians and owners, for calendar pickers. */
    clinicians: staffProcedure.meta({ roles: CLINICIAN_DIRECTORY_ROLES }).query(({ ctx }) => listClinicianDirectory(ctx)),
    disable: staffProcedure.meta(owner).input(staffUserIdInput).mutation(({ ctx, input }) => disableStaff(ctx, input)),
    setRole: staffProcedure.meta(owner).input(setRoleInput).mutation(({ ctx, input }) => setStaffRole(ctx, input)),
    resetMfa: staffProcedure.meta(owner).input(staffUserIdInput).mutation(({ ctx, input }) => resetStaffMfa(ctx, input)),
  }),
});
