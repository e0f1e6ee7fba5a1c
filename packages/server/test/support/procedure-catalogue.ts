// Every tRPC procedure, with how to call it as practice A's principal and
// what tenant isolation means for it. The security suites (tenant isolation,
// fuzz) walk the router and FAIL for any procedure without an entry here, so
// a new procedure cannot ship without saying how it stays inside its tenant.
//
// Adding a procedure: add an entry to its domain's file under ./catalogue/
// (types in ./catalogue/types.ts) with
//   principal   how to authenticate (staff role from its `.meta({ roles })`,
//               publishable key + origin, client bearer token, or anonymous)
//   validInput  a valid input as A (fuzzing corrupts this shape)
//   isolation   cases calling it as A with B's ids / in A's scope; anonymous
//               procedures also say in `tenantFree` why there is no tenant.
import type { AnyRouter } from '@trpc/server';
import type { StaffRole } from '../../src/generated/prisma/enums.js';
import type { ProcedureCase } from './catalogue/types.js';
import { practiceCatalogue } from './catalogue/practice.js';
import { clientsCatalogue } from './catalogue/clients.js';
import { authCatalogue } from './catalogue/auth.js';
import { intakeCatalogue } from './catalogue/intake.js';
import { bookingCatalogue } from './catalogue/booking.js';
import { bookingManageCatalogue } from './catalogue/booking-manage.js';
import { paymentsCatalogue } from './catalogue/payments.js';

export type { IsolationCase, Principal, ProcedureCase, RefusalCode } from './catalogue/types.js';

export const PROCEDURE_CATALOGUE: Record<string, ProcedureCase> = {
  ...practiceCatalogue,
  ...clientsCatalogue,
  ...authCatalogue,
  ...intakeCatalogue,
  ...bookingCatalogue,
  ...bookingManageCatalogue,
  ...paymentsCatalogue,
};

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: { roles?: readonly StaffRole[] } | undefined;
}

/** Every procedure path of a router (tRPC v11 keeps a flat `_def.procedures`). */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: { type: ProcedureInfo['type']; meta?: ProcedureInfo['meta'] } }>;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta }))
    .sort((x, y) => x.path.localeCompare(y.path));
}
