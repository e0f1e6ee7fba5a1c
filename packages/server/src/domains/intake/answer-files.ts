// Files inside answers: `file_upload` answers and `{ fileId }` signatures may
// only name files uploaded to the same draft for the same question; drawn
// signatures (`{ dataUrl }`) become encrypted PNG files like any upload.
import { formFields, type FieldError, type FormAnswers, type FormDefinition } from '@therapycrm/plugin-sdk';
import type { Db } from '../../db/client.js';
import type { AppServices } from '../../services.js';
import { decodeBase64Upload } from '../../files/base64.js';
import { sniffContentType } from '../../files/sniff-content-type.js';
import { discardBlobs, writeEncryptedBlob, type EncryptedBlob } from '../../files/stored-files.js';
import { answersRejected } from './field-errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FileReference {
  fileId: string;
  fieldId: string;
}

/** File ids referenced by (already validated) answers, each with the field that references it. */
export function referencedFiles(definition: FormDefinition, answers: FormAnswers): FileReference[] {
  const refs: FileReference[] = [];
  for (const field of formFields(definition)) {
    const value: unknown = answers[field.id];
    if (field.type === 'file_upload' && Array.isArray(value)) {
      for (const id of value) if (typeof id === 'string') refs.push({ fileId: id, fieldId: field.id });
    } else if (field.type === 'signature' && typeof value === 'object' && value !== null && 'fileId' in value) {
      refs.push({ fileId: String(value.fileId), fieldId: field.id });
    }
  }
  return refs;
}

/**
 * Refuses any referenced file that is not this draft's upload for that very
 * question, and a file answering two questions.
 */
export async function assertDraftFiles(db: Db, practiceId: string, draftId: string | null, refs: readonly FileReference[]): Promise<void> {
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.fileId))].filter((id) => UUID.test(id));
  const rows =
    draftId === null || ids.length === 0
      ? []
      : await db.storedFile.findMany({
          where: { id: { in: ids }, practiceId, ownerType: 'intake_draft', ownerId: draftId },
          select: { id: true, fieldId: true },
        });
  const fieldOfFile = new Map(rows.map((row) => [row.id, row.fieldId]));
  const errors = new Map<string, FieldError[]>();
  const seen = new Set<string>();
  for (const { fileId, fieldId } of refs) {
    if (seen.has(fileId)) errors.set(fieldId, [{ code: 'duplicate_file' }]);
    else if (fieldOfFile.get(fileId) !== fieldId) errors.set(fieldId, [{ code: 'invalid_file_id' }]);
    seen.add(fileId);
  }
  if (errors.size > 0) throw answersRejected(Object.fromEntries(errors));
}

export interface SignatureBlob extends EncryptedBlob {
  fieldId: string;
}

/**
 * Writes each drawn signature as an encrypted PNG and replaces the data URL
 * in the answers by the new file id. The bytes must really be a PNG.
 */
export async function storeDrawnSignatures(
  services: AppServices,
  practiceId: string,
  definition: FormDefinition,
  answers: FormAnswers,
): Promise<{ answers: FormAnswers; blobs: SignatureBlob[] }> {
  const next: Record<string, unknown> = { ...answers };
  const blobs: SignatureBlob[] = [];
  try {
    for (const field of formFields(definition)) {
      const value: unknown = answers[field.id];
      if (field.type !== 'signature' || typeof value !== 'object' || value === null || !('dataUrl' in value)) continue;
      const decoded = decodeBase64Upload(String(value.dataUrl));
      if (!decoded || sniffContentType(decoded.bytes) !== 'image/png') {
        throw answersRejected({ [field.id]: [{ code: 'invalid_signature' }] });
      }
      const blob = await writeEncryptedBlob(services, practiceId, decoded.bytes, 'image/png');
      blobs.push({ ...blob, fieldId: field.id });
      next[field.id] = { fileId: blob.id };
    }
  } catch (err) {
    await discardBlobs(services, blobs.map((b) => b.storageKey));
    throw err;
  }
  return { answers: next as FormAnswers, blobs };
}
