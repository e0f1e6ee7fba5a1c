// Everything a request or job needs, built once per app instance. No module
// singletons: two apps in one process (tests) share nothing.
import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Database, Db } from './db/client.js';
import type { Logger } from './logger.js';
import type { KeyProvider } from './crypto/key-provider.js';
import type { PhiCipher } from './crypto/phi-cipher.js';
import type { AuditLog } from './audit/audit-log.js';
import type { RateLimits } from './trpc/rate-limit.js';
import type { Mailer } from './mail/mailer.js';
import type { JobQueue } from './jobs/queue.js';
import type { FileStore } from './files/file-store.js';

export interface AppServices {
  config: Config;
  database: Database;
  prisma: Db;
  clock: Clock;
  logger: Logger;
  keys: KeyProvider;
  cipher: PhiCipher;
  audit: AuditLog;
  rateLimits: RateLimits;
  mailer: Mailer;
  jobs: JobQueue;
  /** Encrypted blobs (attachments, signatures); see src/files. */
  files: FileStore;
}
