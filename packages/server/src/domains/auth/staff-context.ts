import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from './staff-session.js';

/** What staffProcedure handlers receive. */
export type StaffContext = Context & { staff: StaffPrincipal };
