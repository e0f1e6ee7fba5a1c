// Shapes of the procedure catalogue (see ../procedure-catalogue.ts).
import type { StaffRole } from '../../../src/generated/prisma/enums.js';
import type { TestApp } from '../test-app.js';
import type { World } from '../tenant-world.js';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'public' }
  | { kind: 'client' }
  /** `spare`: the tenant's spare clinician, for procedures that change the caller's own account. */
  | { kind: 'staff'; role: StaffRole; spare?: true };

/** tRPC error codes a refusal may carry. */
export type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'CONFLICT' | 'BAD_REQUEST' | 'PRECONDITION_FAILED';

export type IsolationCase =
  /** Called with B's ids or B's secrets: refused with `expect`, and no tenant's rows change. */
  | {
      kind: 'foreign';
      name: string;
      input: (w: World) => unknown;
      expect: RefusalCode;
      /** Why A's own rows may change (e.g. a failed attempt is counted on A's side). */
      aMayChange?: string;
    }
  /**
   * No foreign ids: succeeds, answers about A only (no B fingerprint in the
   * result), leaves B's rows untouched; `check` proves it acted on A.
   */
  | {
      kind: 'scoped';
      name: string;
      input?: (w: World) => unknown;
      check: (result: unknown, w: World, app: TestApp) => void | Promise<void>;
    }
  /**
   * Acts only on the caller's own account or session (no ids in its input):
   * whatever it answers (`outcome`: 'ok' or a refusal), B's rows stay as they
   * were and the answer names nothing of B.
   */
  | { kind: 'own-only'; name: string; input?: (w: World) => unknown; outcome: 'ok' | RefusalCode | RefusalCode[] }
  /** B's id must be indistinguishable from an id that exists nowhere (no existence oracle). */
  | { kind: 'like-unknown'; name: string; input: (w: World) => unknown; unknown: (w: World) => unknown };

export interface ProcedureCase {
  principal: Principal;
  /** Anonymous procedures only: why there is no tenant to isolate. */
  tenantFree?: string;
  /** A valid input as A (the shape fuzzing corrupts). */
  validInput: (w: World) => unknown;
  /**
   * What `validInput` gets when it cannot succeed by design (an unknown id,
   * a wrong code or password); default: success.
   */
  validOutcome?: RefusalCode;
  isolation: IsolationCase[];
}
