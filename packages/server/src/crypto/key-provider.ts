// Master keys wrap (encrypt) the per-practice data keys. They live outside the
// database: a key file by default; a cloud KMS can implement the same interface.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyProvider {
  /** Id of the master key new wraps use. */
  activeKeyId(): string;
  wrap(dataKey: Buffer): Promise<{ masterKeyId: string; wrappedKey: string }>;
  unwrap(masterKeyId: string, wrappedKey: string): Promise<Buffer>;
}

interface MasterKeyFile {
  active: string;
  keys: Record<string, string>;
}

const WRAP_AAD = Buffer.from('therapycrm:data-key');

/** Key-handling failures carry a code; messages name key ids, never data. */
export class KeyProviderError extends Error {
  override name = 'KeyProviderError';
  constructor(
    readonly code: 'MASTER_KEY_UNKNOWN' | 'MASTER_KEY_FILE_INVALID' | 'MASTER_KEY_FILE_REFUSED',
    message: string,
  ) {
    super(message);
  }
}

/** AES-256-GCM key wrapping with master keys held in a JSON file (mode 0600). */
export class FileKeyProvider implements KeyProvider {
  private file: MasterKeyFile;

  constructor(private readonly filePath: string) {
    this.file = FileKeyProvider.load(filePath);
  }

  /** Creates the key file with one fresh master key when it does not exist. */
  static ensure(filePath: string): FileKeyProvider {
    if (!fs.existsSync(filePath)) {
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      const id = newMasterKeyId();
      const file: MasterKeyFile = { active: id, keys: { [id]: crypto.randomBytes(32).toString('base64') } };
      // Instances starting together on a shared path race here: write a
      // complete temporary file and link it into place (fails if the path
      // exists), so nobody reads a half-written file and the loser simply
      // loads the winner's key.
      const tmp = `${filePath}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600, flag: 'wx' });
      try {
        fs.linkSync(tmp, filePath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
    return new FileKeyProvider(filePath);
  }

  private static load(filePath: string): MasterKeyFile {
    const parsed = JSON.parse(fs.readFileSync(filePath, 'utf8')) as MasterKeyFile;
    if (!parsed.active || !parsed.keys?.[parsed.active]) {
      throw new KeyProviderError('MASTER_KEY_FILE_INVALID', `Master key file ${filePath} has no active key`);
    }
    for (const [id, b64] of Object.entries(parsed.keys)) {
      if (Buffer.from(b64, 'base64').length !== 32) {
        throw new KeyProviderError('MASTER_KEY_FILE_INVALID', `Master key ${id} is not 32 bytes`);
      }
    }
    return parsed;
  }

  /** Re-reads the file, so a running server picks up a key added by `rotate-keys`. */
  reload(): void {
    this.file = FileKeyProvider.load(this.filePath);
  }

  activeKeyId(): string {
    return this.file.active;
  }

  keyIds(): string[] {
    return Object.keys(this.file.keys);
  }

  /** Adds a new master key and makes it active; old keys stay to unwrap until re-wrapped. */
  addActiveKey(): string {
    // Start from the file on disk, not our copy: never drop a key someone else added.
    this.reload();
    const id = newMasterKeyId();
    const next: MasterKeyFile = {
      active: id,
      keys: { ...this.file.keys, [id]: crypto.randomBytes(32).toString('base64') },
    };
    writeAtomically(this.filePath, JSON.stringify(next, null, 2));
    this.file = next;
    return id;
  }

  /** Removes master keys no data key is wrapped with any more. */
  retireKeys(keep: Set<string>): string[] {
    this.reload();
    const removed = Object.keys(this.file.keys).filter((id) => id !== this.file.active && !keep.has(id));
    if (!removed.length) return [];
    const keys = Object.fromEntries(Object.entries(this.file.keys).filter(([id]) => !removed.includes(id)));
    const next = { active: this.file.active, keys };
    writeAtomically(this.filePath, JSON.stringify(next, null, 2));
    this.file = next;
    return removed;
  }

  async wrap(dataKey: Buffer) {
    // Wraps are rare (a new practice, a data-key rotation): re-read the file so
    // a long-running instance never wraps with a master key `rotate-keys --retire` removed.
    this.reload();
    const masterKeyId = this.file.active;
    return { masterKeyId, wrappedKey: seal(this.key(masterKeyId), dataKey, WRAP_AAD) };
  }

  async unwrap(masterKeyId: string, wrappedKey: string): Promise<Buffer> {
    // `rotate-keys` (another process) may have re-wrapped this data key with a
    // master key added to the file after we loaded it: re-read once, so running
    // instances keep working through a rotation.
    if (!this.file.keys[masterKeyId]) this.reload();
    return open(this.key(masterKeyId), wrappedKey, WRAP_AAD);
  }

  private key(id: string): Buffer {
    const b64 = this.file.keys[id];
    if (!b64) throw new KeyProviderError('MASTER_KEY_UNKNOWN', `Unknown master key ${id}`);
    return Buffer.from(b64, 'base64');
  }
}

function newMasterKeyId(): string {
  return `mk_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}_${crypto.randomBytes(4).toString('hex')}`;
}

function writeAtomically(filePath: string, content: string): void {
  const tmp = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, filePath);
}

/** AES-256-GCM: returns base64url(iv).base64url(tag).base64url(ciphertext). */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

export function open(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const [iv, tag, ct] = sealed.split('.');
  if (iv === undefined || tag === undefined || ct === undefined) throw new Error('Malformed ciphertext');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
}
