// Prisma CLI configuration. Uses driver adapters so no native engine binary is
// needed (see DESIGN.md). DATABASE_URL set → PostgreSQL, unset → PGlite.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import type { PrismaPg as PrismaPgFactory } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      const u = new URL(url);
      return new PrismaPg({
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        database: u.pathname.slice(1),
      });
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // The CLI is only used for `migrate diff` and drift checks; the server
    // applies migrations itself (src/db/migrate.ts), so memory is enough here.
    const dir = process.env.PGLITE_DIR ?? 'memory://';
    // Typed against an older driver-adapter-utils; same protocol at run time.
    return new PrismaPGlite(new PGlite(dir, { extensions: { btree_gist } })) as unknown as PrismaPgFactory;
  },
});
