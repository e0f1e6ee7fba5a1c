import { z } from 'zod';
import { clientFields } from '../clients/clients.schema.js';
import { resumeTokenSchema } from './drafts.schema.js';

/** The adult responsible for a minor (or for an adult who has one). */
export const guardianIdentitySchema = z.strictObject({
  firstName: clientFields.firstName,
  lastName: clientFields.lastName,
  email: z.email().max(254),
  phone: clientFields.phone,
});

/**
 * Who the intake is about. An adult gives an e-mail address (how the practice
 * finds the client again); a minor gives a guardian, and may share the
 * guardian's address.
 */
export const submitterSchema = z.strictObject({
  firstName: clientFields.firstName,
  lastName: clientFields.lastName,
  email: clientFields.email,
  phone: clientFields.phone,
  dateOfBirth: clientFields.dateOfBirth,
  guardian: guardianIdentitySchema.optional(),
});

/** Answers are validated against the form version by the plugin SDK in the handler. */
export const submitInput = z
  .strictObject({
    resumeToken: resumeTokenSchema.optional(),
    formVersionId: z.uuid().optional(),
    answers: z.unknown(),
    client: submitterSchema,
  })
  .refine((v) => (v.resumeToken === undefined) !== (v.formVersionId === undefined), {
    message: 'Send either resumeToken or formVersionId',
    path: ['resumeToken'],
  });

export type Submitter = z.infer<typeof submitterSchema>;
