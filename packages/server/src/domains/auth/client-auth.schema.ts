import { z } from 'zod';
import { emailInput } from './auth.schema.js';

export const requestCodeInput = z.strictObject({
  email: emailInput,
  /**
   * The page the magic link should open (where the widget runs); its origin
   * must be one the publishable key allows. Default: PUBLIC_URL/verify.
   */
  linkUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});

export const verifyCodeInput = z.strictObject({
  email: emailInput,
  code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code'),
});

export const verifyLinkInput = z.strictObject({ token: z.string().min(10).max(200) });
