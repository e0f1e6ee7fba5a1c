// A client's upload to a draft: size and type are decided by the server from
// the decoded bytes (magic numbers), against the question's `accept` list and
// `maxBytes`; a file whose bytes do not match what it claims to be is refused.
import { checkUploadedFile, DEFAULT_SIGNATURE_MAX_BYTES } from '@therapycrm/plugin-sdk';
import type { z } from 'zod';
import { DomainError } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { decodeBase64Upload, decodedLength } from '../../files/base64.js';
import { sniffContentType } from '../../files/sniff-content-type.js';
import { discardBlobs, writeEncryptedBlob } from '../../files/stored-files.js';
import type { WidgetContext } from './contexts.js';
import { findDraft } from './draft-access.js';
import { fieldOf } from './form-definition.js';
import { answersRejected } from './field-errors.js';
import type { uploadFileInput } from './upload.schema.js';

/** Files one draft may hold (uploads replaced by the client stay until the draft ends). */
export const MAX_FILES_PER_DRAFT = 20;
/** Total decoded bytes one draft may hold. */
export const MAX_BYTES_PER_DRAFT = 50_000_000;

const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/heif': 'image/heic' };
const normalise = (type: string) => {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
};

export async function uploadFile(ctx: WidgetContext, input: z.infer<typeof uploadFileInput>) {
  const draft = await findDraft(ctx, input.resumeToken);
  const field = fieldOf(draft.definition, input.fieldId);
  if (field?.type !== 'file_upload' && field?.type !== 'signature') {
    throw answersRejected({ [input.fieldId]: [{ code: 'unknown_field' }] });
  }
  const fieldMax = field.type === 'signature' ? (field.maxBytes ?? DEFAULT_SIGNATURE_MAX_BYTES) : (field.maxBytes ?? Infinity);
  const maxBytes = Math.min(fieldMax, ctx.services.config.maxUploadBytes);
  const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', 'The file is too large', { fieldId: field.id, maxBytes });
  // Refuse by length before decoding anything.
  if (decodedLength(input.data.length) > maxBytes + 2) throw tooLarge();
  const decoded = decodeBase64Upload(input.data);
  if (!decoded) throw new DomainError('VALIDATION_FAILED', 'The file is not valid base64', { fieldId: field.id, reason: 'invalid_encoding' });
  if (decoded.bytes.length === 0 || decoded.bytes.length > maxBytes) throw tooLarge();

  const sniffed = sniffContentType(decoded.bytes);
  const declared = input.contentType ?? decoded.declaredType;
  const accept = field.type === 'signature' ? ['image/png'] : (field.accept ?? []);
  const unsupported = () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 'This kind of file is not accepted here', { fieldId: field.id, accept });
  if (!sniffed) throw unsupported();
  if (declared !== undefined && normalise(declared) !== sniffed) throw unsupported();
  if (field.type === 'signature' ? sniffed !== 'image/png' : checkUploadedFile(field, { mimeType: sniffed, sizeBytes: decoded.bytes.length }).length > 0) {
    throw unsupported();
  }

  // Drafts are free to start with a public key: bound what one can make us store.
  const held = await ctx.db.storedFile.aggregate({
    where: { practiceId: draft.practiceId, ownerType: 'intake_draft', ownerId: draft.id },
    _count: { _all: true },
    _sum: { byteSize: true },
  });
  if (held._count._all >= MAX_FILES_PER_DRAFT || (held._sum.byteSize ?? 0) + decoded.bytes.length > MAX_BYTES_PER_DRAFT) {
    throw new DomainError('PRECONDITION_FAILED', 'This draft already holds the most files allowed', { maxFiles: MAX_FILES_PER_DRAFT, maxBytes: MAX_BYTES_PER_DRAFT });
  }
  const fileNameEnc = input.fileName ? await ctx.services.cipher.encrypt(draft.practiceId, input.fileName) : null;
  const blob = await writeEncryptedBlob(ctx.services, draft.practiceId, decoded.bytes, sniffed);
  try {
    await ctx.db.storedFile.create({
      data: {
        id: blob.id,
        practiceId: draft.practiceId,
        ownerType: 'intake_draft',
        ownerId: draft.id,
        fieldId: field.id,
        contentType: blob.contentType,
        byteSize: blob.byteSize,
        sha256: blob.sha256,
        storageKey: blob.storageKey,
        fileNameEnc,
      },
      select: { id: true },
    });
  } catch (err) {
    await discardBlobs(ctx.services, [blob.storageKey]);
    throw err;
  }
  await audit(ctx, draft.practiceId, {
    action: 'intake.file.upload',
    objectType: 'StoredFile',
    objectId: blob.id,
    detail: { draftId: draft.id, fieldId: field.id, contentType: blob.contentType, byteSize: blob.byteSize },
  });
  return { fileId: blob.id, fieldId: field.id, contentType: blob.contentType, byteSize: blob.byteSize };
}
