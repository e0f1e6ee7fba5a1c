import { z } from 'zod';

export const origin = z
  .string()
  .max(200)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v;
    } catch {
      return false;
    }
  }, 'Must be an origin like https://example.com (scheme, host and optional port only)');

/** An IANA time zone name the runtime knows (a practice's wall clock). */
export const timezoneInput = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown IANA time zone');

export const brandingSchema = z.strictObject({
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  logoUrl: z.url().max(500).optional(),
});

export const updatePracticeInput = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  timezone: timezoneInput.optional(),
  branding: brandingSchema.optional(),
});

export const createApiKeyInput = z.strictObject({
  kind: z.enum(['publishable', 'secret']),
  label: z.string().trim().min(1).max(80),
  allowedOrigins: z.array(origin).max(20).default([]),
});

export const updateAllowedOriginsInput = z.strictObject({
  apiKeyId: z.uuid(),
  allowedOrigins: z.array(origin).max(20),
});

export const apiKeyIdInput = z.strictObject({ apiKeyId: z.uuid() });
