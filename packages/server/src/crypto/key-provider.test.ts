import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileKeyProvider, KeyProviderError, open, seal } from './key-provider.js';

const dirs: string[] = [];
function keyFilePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-keys-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'master.key');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Flips one bit of the base64url part `part` (0 iv, 1 tag, 2 ciphertext). */
function flipBit(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('seal/open (AES-256-GCM)', () => {
  const key = crypto.randomBytes(32);
  const aad = Buffer.from('therapycrm:phi:practice-a');

  it('round-trips and uses a fresh IV each time', () => {
    const a = seal(key, Buffer.from('Jane Roe'), aad);
    const b = seal(key, Buffer.from('Jane Roe'), aad);
    expect(a).not.toBe(b);
    expect(open(key, a, aad).toString()).toBe('Jane Roe');
  });

  it('refuses a flipped bit in IV, tag or ciphertext, another AAD, another key, a truncated token', () => {
    const sealed = seal(key, Buffer.from('Jane Roe'), aad);
    for (const part of [0, 1, 2]) expect(() => open(key, flipBit(sealed, part), aad)).toThrow();
    expect(() => open(key, sealed, Buffer.from('therapycrm:phi:practice-b'))).toThrow();
    expect(() => open(crypto.randomBytes(32), sealed, aad)).toThrow();
    expect(() => open(key, sealed.split('.').slice(0, 2).join('.'), aad)).toThrow(/Malformed/);
  });
});

describe('FileKeyProvider', () => {
  it('creates a 0600 key file once and wraps/unwraps data keys', async () => {
    const file = keyFilePath();
    const keys = FileKeyProvider.ensure(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = FileKeyProvider.ensure(file);
    expect(again.activeKeyId()).toBe(keys.activeKeyId());
    const dataKey = crypto.randomBytes(32);
    const wrapped = await keys.wrap(dataKey);
    expect(wrapped.masterKeyId).toBe(keys.activeKeyId());
    expect(wrapped.wrappedKey).not.toContain(dataKey.toString('base64url'));
    expect((await again.unwrap(wrapped.masterKeyId, wrapped.wrappedKey)).equals(dataKey)).toBe(true);
  });

  it('two instances creating the key file at once end up with the same key', () => {
    const file = keyFilePath();
    const winner = FileKeyProvider.ensure(file);
    // The loser checked before the winner's file existed.
    const spy = vi.spyOn(fs, 'existsSync').mockReturnValueOnce(false);
    try {
      expect(FileKeyProvider.ensure(file).activeKeyId()).toBe(winner.activeKeyId());
      expect(spy).toHaveBeenCalledWith(file);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual(['master.key']);
  });

  it('a running instance picks up a master key added by another process (rotation without downtime)', async () => {
    const file = keyFilePath();
    const running = FileKeyProvider.ensure(file);
    const rotator = new FileKeyProvider(file);
    const newId = rotator.addActiveKey();
    const wrapped = await rotator.wrap(crypto.randomBytes(32));
    expect(wrapped.masterKeyId).toBe(newId);
    // `running` loaded the file before the new key existed.
    await expect(running.unwrap(wrapped.masterKeyId, wrapped.wrappedKey)).resolves.toHaveLength(32);
  });

  it('does not lose a key another process added when adding or retiring', () => {
    const file = keyFilePath();
    const a = FileKeyProvider.ensure(file);
    const b = new FileKeyProvider(file);
    const fromB = b.addActiveKey();
    const fromA = a.addActiveKey();
    expect(new FileKeyProvider(file).keyIds()).toEqual(expect.arrayContaining([fromA, fromB]));
    const retired = b.retireKeys(new Set([fromB]));
    expect(retired).toHaveLength(1);
    expect(new FileKeyProvider(file).keyIds().sort()).toEqual([fromA, fromB].sort());
  });

  it('names an unknown master key with a code and rejects malformed files', async () => {
    const file = keyFilePath();
    const keys = FileKeyProvider.ensure(file);
    await expect(keys.unwrap('mk_missing', 'x.y.z')).rejects.toMatchObject({ code: 'MASTER_KEY_UNKNOWN' });
    fs.writeFileSync(file, JSON.stringify({ active: 'k1', keys: { k1: Buffer.alloc(16).toString('base64') } }));
    expect(() => new FileKeyProvider(file)).toThrow(KeyProviderError);
    fs.writeFileSync(file, JSON.stringify({ active: 'k2', keys: {} }));
    expect(() => new FileKeyProvider(file)).toThrow(/no active key/);
  });
});
