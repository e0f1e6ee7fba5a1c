// Master-key rotation without downtime: add a new active master key to the
// key file, re-wrap every data key with it row by row (each row stays readable
// throughout: old and new master keys are both in the file), then retire the
// old master keys. Data keys themselves, and so all ciphertext, are unchanged.
import fs from 'node:fs';
import type { Db, SqlRunner } from '../db/client.js';
import { FileKeyProvider, KeyProviderError } from './key-provider.js';

export interface RotationResult {
  newMasterKeyId: string;
  rewrapped: number;
  /** Rows changed by someone else during the pass (run again to finish them). */
  skipped: number;
  retired: string[];
}

/**
 * `retire` removes master keys no data key uses any more. Instances sharing
 * the key file pick the change up by themselves (FileKeyProvider re-reads the
 * file before every wrap and on an unknown key id). Where each host keeps its
 * own copy of the file, copy the rotated file to every host before retiring.
 */
export async function rotateMasterKey(
  db: Db,
  keys: FileKeyProvider,
  options: { retire?: boolean; now?: Date } = {},
): Promise<RotationResult> {
  const now = options.now ?? new Date();
  const newMasterKeyId = keys.addActiveKey();
  let rewrapped = 0;
  let skipped = 0;
  // One pass in id order, so the loop ends even if rows keep changing under us
  // (a concurrent rotation): a row whose wrap changed since we read it is
  // skipped and reported, never clobbered.
  let afterId: string | undefined;
  for (;;) {
    const batch = await db.dataKey.findMany({
      where: { masterKeyId: { not: newMasterKeyId }, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true, masterKeyId: true, wrappedKey: true },
      take: 100,
    });
    if (!batch.length) break;
    for (const row of batch) {
      const plain = await keys.unwrap(row.masterKeyId, row.wrappedKey);
      const wrapped = await keys.wrap(plain);
      // Compare-and-set on the old wrap so a concurrent rotation cannot clobber.
      const r = await db.dataKey.updateMany({
        where: { id: row.id, wrappedKey: row.wrappedKey },
        data: { ...wrapped, rewrappedAt: now },
      });
      rewrapped += r.count;
      skipped += 1 - r.count;
    }
    afterId = batch[batch.length - 1]!.id;
  }
  let retired: string[] = [];
  if (options.retire) {
    const stillUsed = await db.dataKey.findMany({ distinct: ['masterKeyId'], select: { masterKeyId: true } });
    retired = keys.retireKeys(new Set(stillUsed.map((r) => r.masterKeyId)));
  }
  return { newMasterKeyId, rewrapped, skipped, retired };
}

/**
 * `rotate-keys --new-master-key`: the first key file of an installation
 * (production requires MASTER_KEY_FILE; `start` would also create it). Refuses
 * when the file exists, and when the database already holds data keys: a new
 * master key could not unwrap them, so the right fix is the original file.
 */
export async function createMasterKeyFile(sql: SqlRunner, filePath: string): Promise<string> {
  if (fs.existsSync(filePath)) {
    throw new KeyProviderError('MASTER_KEY_FILE_REFUSED', `${filePath} already exists; run rotate-keys to rotate it.`);
  }
  const [table] = await sql.query<{ name: string | null }>(`SELECT to_regclass('public."DataKey"')::text AS name`);
  const [count] = table?.name ? await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "DataKey"') : [{ n: 0 }];
  if (count!.n > 0) {
    throw new KeyProviderError(
      'MASTER_KEY_FILE_REFUSED',
      `The database holds ${count!.n} data keys wrapped by another master key; restore that key file instead.`,
    );
  }
  return FileKeyProvider.ensure(filePath).activeKeyId();
}
