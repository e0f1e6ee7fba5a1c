// Inputs of the staff sign-in, sign-up, password and MFA procedures. Password
// strength is checked in the handlers (password-policy.ts) so the refusal
// carries a `reason`; here only the outer bounds.
import { z } from 'zod';
import { timezoneInput } from '../practice/practice.schema.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';

export const emailInput = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Length cap only: argon2 of a megabyte string is a cheap denial of service. */
export const passwordInput = z.string().min(1).max(PASSWORD_MAX_LENGTH * 4);
export const displayNameInput = z.string().trim().min(1).max(120);
export const totpCodeInput = z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code');


export const signInInput = z.strictObject({
  email: emailInput,
  password: passwordInput,
  /** Needed only when the account belongs to several practices. */
  practiceId: z.uuid().optional(),
});

export const mfaCodeInput = z.strictObject({ code: totpCodeInput });

export const changePasswordInput = z.strictObject({
  currentPassword: passwordInput,
  newPassword: passwordInput,
});

export const signUpPracticeInput = z.strictObject({
  practiceName: z.string().trim().min(2).max(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(48)
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Lower-case letters, digits and hyphens'),
  timezone: timezoneInput,
  owner: z.strictObject({ email: emailInput, displayName: displayNameInput, password: passwordInput }),
});
