// Encrypted blobs: bytes are sealed with the practice's data key (AES-256-GCM
// via PhiCipher) before they reach the FileStore, and checked against their
// SHA-256 when read back, so a swapped or corrupted blob is never served.
import crypto from 'node:crypto';
import type { AppServices } from '../services.js';

/** What a StoredFile row belongs to; decides who may read it (see file-readers.ts). */
export const FILE_OWNER_TYPES = ['intake_draft', 'intake_submission'] as const;
export type FileOwnerType = (typeof FILE_OWNER_TYPES)[number];

export interface EncryptedBlob {
  /** The StoredFile id to use (chosen before the row exists, so answers can reference it). */
  id: string;
  storageKey: string;
  contentType: string;
  byteSize: number;
  sha256: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Encrypts and writes `bytes`; the caller then records the StoredFile row (or discards the blob). */
export async function writeEncryptedBlob(
  services: AppServices,
  practiceId: string,
  bytes: Buffer,
  contentType: string,
): Promise<EncryptedBlob> {
  const sealed = await services.cipher.encrypt(practiceId, bytes);
  // The key names the practice and a random id: nothing about the file's content or owner.
  const storageKey = `${practiceId}/${crypto.randomUUID()}`;
  await services.files.put(storageKey, Buffer.from(sealed, 'utf8'));
  return { id: crypto.randomUUID(), storageKey, contentType, byteSize: bytes.length, sha256: sha256Hex(bytes) };
}

export class StoredFileCorruptError extends Error {
  override name = 'StoredFileCorruptError';
}

/** Reads, decrypts and verifies one stored file. */
export async function readDecryptedBlob(
  services: AppServices,
  file: { practiceId: string; storageKey: string; sha256: string },
): Promise<Buffer> {
  const sealed = await services.files.get(file.storageKey);
  const bytes = await services.cipher.decryptToBuffer(file.practiceId, sealed.toString('utf8'));
  if (sha256Hex(bytes) !== file.sha256) throw new StoredFileCorruptError('Stored file does not match its checksum');
  return bytes;
}

/**
 * Best-effort removal of blobs whose rows were never committed (or were just
 * deleted). A failure leaves unreadable ciphertext behind, never PHI; it is
 * logged with a count only.
 */
export async function discardBlobs(services: AppServices, storageKeys: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(storageKeys.map((key) => services.files.delete(key)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) services.logger.warn({ failed }, 'could not remove discarded file blobs');
}
