// Recognises PostgreSQL errors by SQLSTATE through Prisma's wrappers (the
// driver adapter nests the database error under `cause` or `meta`).

export const EXCLUSION_VIOLATION = '23P01';
export const CHECK_VIOLATION = '23514';

export function hasSqlState(err: unknown, code: string, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as Record<string, unknown>;
  if (e.code === code || e.originalCode === code) return true;
  if (typeof e.message === 'string' && e.message.includes(code)) return true;
  return hasSqlState(e.cause, code, depth + 1) || hasSqlState(e.meta, code, depth + 1);
}
