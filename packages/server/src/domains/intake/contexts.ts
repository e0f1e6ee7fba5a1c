// The request contexts intake handlers run in, as the procedure builders
// produce them (tenant always from the key or session, never from input).
import type { Context } from '../../trpc/context.js';
import type { PracticeRef } from '../practice/publishable-key.js';
import type { StaffPrincipal } from '../auth/staff-session.js';

/** A widget call: publishable key + allowed origin resolved the practice. */
export type WidgetContext = Context & { practice: PracticeRef };

/** A console call: a signed-in staff member who passed MFA and the role check. */
export type StaffContext = Context & { staff: StaffPrincipal };
