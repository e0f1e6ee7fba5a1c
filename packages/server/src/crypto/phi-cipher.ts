// Envelope encryption of PHI: each practice has data keys (AES-256-GCM),
// stored only wrapped by a master key. Ciphertext is bound to its practice
// through the AAD, so a value copied into another tenant's row will not open.
import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import { open, seal, type KeyProvider } from './key-provider.js';

const FORMAT = 'v1';
const VERSION_TTL_MS = 30_000;

export class PhiCipher {
  /** Unwrapped data keys by `${practiceId}:${version}`; never persisted. */
  private readonly cache = new Map<string, Promise<Buffer>>();
  /**
   * Newest and first data-key version per practice. Versions only ever get
   * added, and every version stays usable, so a briefly stale "newest" (after
   * another instance rotated) still encrypts correctly; the TTL bounds how long
   * new writes keep using the older key.
   */
  private readonly versions = new Map<string, { current: number; first: number; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly keys: KeyProvider,
  ) {}

  async encrypt(practiceId: string, plaintext: string | Buffer): Promise<string> {
    const { current: version } = await this.keyVersions(practiceId);
    const key = await this.dataKey(practiceId, version);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    return `${FORMAT}.${version}.${seal(key, data, aad(practiceId))}`;
  }

  async encryptOptional(practiceId: string, plaintext: string | null | undefined): Promise<string | null> {
    return plaintext == null ? null : this.encrypt(practiceId, plaintext);
  }

  async decryptToBuffer(practiceId: string, token: string): Promise<Buffer> {
    const [format, version, ...rest] = token.split('.');
    if (format !== FORMAT || !version) throw new Error('Unknown ciphertext format');
    const key = await this.dataKey(practiceId, Number(version));
    return open(key, rest.join('.'), aad(practiceId));
  }

  async decrypt(practiceId: string, token: string): Promise<string> {
    return (await this.decryptToBuffer(practiceId, token)).toString('utf8');
  }

  async decryptOptional(practiceId: string, token: string | null | undefined): Promise<string | null> {
    return token == null ? null : this.decrypt(practiceId, token);
  }

  /**
   * Keyed hash for equality lookups (e.g. find a client by e-mail) without
   * storing the value in clear. Derived from the practice's first data key so
   * it stays stable when newer data keys are added.
   */
  async blindIndex(practiceId: string, value: string): Promise<string> {
    const base = await this.dataKey(practiceId, (await this.keyVersions(practiceId)).first);
    const indexKey = Buffer.from(crypto.hkdfSync('sha256', base, Buffer.alloc(0), 'blind-index', 32));
    return crypto.createHmac('sha256', indexKey).update(value.trim().toLowerCase()).digest('base64url');
  }

  /** Creates the practice's first data key (idempotent). */
  async ensurePracticeKey(practiceId: string): Promise<void> {
    const existing = await this.db.dataKey.findFirst({ where: { practiceId }, select: { id: true } });
    if (existing) return;
    await this.addDataKey(practiceId, 1);
  }

  /** Adds a newer data key; new writes use it, old ciphertext still opens. */
  async rotateDataKey(practiceId: string): Promise<number> {
    this.versions.delete(practiceId);
    const version = (await this.currentVersion(practiceId)) + 1;
    await this.addDataKey(practiceId, version);
    this.versions.delete(practiceId);
    return version;
  }

  private async addDataKey(practiceId: string, version: number): Promise<void> {
    const wrapped = await this.keys.wrap(crypto.randomBytes(32));
    await this.db.dataKey.createMany({
      data: [{ practiceId, version, ...wrapped }],
      skipDuplicates: true,
    });
  }

  private async keyVersions(practiceId: string): Promise<{ current: number; first: number }> {
    const cached = this.versions.get(practiceId);
    const now = Date.now();
    if (cached && cached.until > now) return cached;
    const current = await this.currentVersion(practiceId);
    const first = await this.firstVersion(practiceId);
    this.versions.set(practiceId, { current, first, until: now + VERSION_TTL_MS });
    return { current, first };
  }

  private async currentVersion(practiceId: string): Promise<number> {
    const row = await this.db.dataKey.findFirst({
      where: { practiceId },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    if (row) return row.version;
    await this.ensurePracticeKey(practiceId);
    return 1;
  }

  private async firstVersion(practiceId: string): Promise<number> {
    const row = await this.db.dataKey.findFirst({
      where: { practiceId },
      orderBy: { version: 'asc' },
      select: { version: true },
    });
    if (row) return row.version;
    await this.ensurePracticeKey(practiceId);
    return 1;
  }

  private dataKey(practiceId: string, version: number): Promise<Buffer> {
    const cacheKey = `${practiceId}:${version}`;
    let key = this.cache.get(cacheKey);
    if (!key) {
      key = (async () => {
        const row = await this.db.dataKey.findUnique({
          where: { practiceId_version: { practiceId, version } },
          select: { masterKeyId: true, wrappedKey: true },
        });
        if (!row) throw new Error('Data key missing');
        return this.keys.unwrap(row.masterKeyId, row.wrappedKey);
      })();
      key.catch(() => this.cache.delete(cacheKey));
      this.cache.set(cacheKey, key);
    }
    return key;
  }
}

function aad(practiceId: string): Buffer {
  return Buffer.from(`therapycrm:phi:${practiceId}`);
}
