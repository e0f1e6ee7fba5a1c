import { z } from 'zod';
import { resumeTokenSchema } from './drafts.schema.js';

/** The tRPC path that alone gets the larger upload body cap (see app.ts). */
export const UPLOAD_PROCEDURE_PATH = 'intake.uploadFile';

/** Request body cap for an upload of `maxUploadBytes`: base64 grows by 4/3, plus the JSON around it. */
export function uploadBodyLimit(maxUploadBytes: number): number {
  return Math.ceil(maxUploadBytes / 3) * 4 + 16 * 1024;
}

export const uploadFileInput = z.strictObject({
  resumeToken: resumeTokenSchema,
  /** The `file_upload` or `signature` question the file answers. */
  fieldId: z.string().min(1).max(64),
  /** The bytes: base64, or a `data:<type>;base64,` URL (a drawn signature). */
  data: z.string().min(1),
  /** What the browser claims; only compared with the sniffed type (a mismatch is refused). */
  contentType: z.string().max(127).optional(),
  /** Shown to staff; stored encrypted (a file name can itself be PHI). */
  fileName: z.string().trim().min(1).max(255).optional(),
});
