// One process at a time on an embedded (PGlite) data directory. PGlite has no
// lock of its own: a second process opening the same directory (say
// `therapycrm rotate-keys` next to a running server) silently loses writes or
// corrupts the files. After `rotate-keys --retire` a lost re-wrap would leave
// data keys wrapped by a master key that no longer exists: all PHI unreadable.
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  readonly code = 'DATABASE_IN_USE';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>.lock` (holding our pid) or throws DATABASE_IN_USE; returns the
 * release function. A lock left by a process that no longer runs (crash,
 * kill -9) is taken over.
 */
export function lockPgliteDir(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && alive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dir} is in use by process ${holder}` +
            `${holder === process.pid ? ' (this one)' : ''}. Stop the server before running this command ` +
            `(if no such process is running, delete ${lockPath}).`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`The embedded database at ${dir} is being opened by another process.`);
}
