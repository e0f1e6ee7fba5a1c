import { z } from 'zod';

export const listSubmissionsInput = z
  .strictObject({
    status: z.enum(['new', 'reviewed']).optional(),
    formId: z.uuid().optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

export const submissionIdInput = z.strictObject({ submissionId: z.uuid() });
