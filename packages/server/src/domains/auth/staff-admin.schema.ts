import { z } from 'zod';
import { displayNameInput, emailInput, passwordInput } from './auth.schema.js';

export const staffRoleInput = z.enum(['owner', 'clinician', 'front_desk', 'biller', 'auditor']);

export const inviteStaffInput = z.strictObject({ email: emailInput, role: staffRoleInput });

export const acceptInviteInput = z.strictObject({
  token: z.string().min(10).max(200),
  displayName: displayNameInput,
  password: passwordInput,
});

export const staffUserIdInput = z.strictObject({ userId: z.uuid() });

export const setRoleInput = z.strictObject({ userId: z.uuid(), role: staffRoleInput });
