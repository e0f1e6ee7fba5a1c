// Maps DomainError codes to tRPC errors once, and shapes what leaves the
// server: flattened zod issues, stable codes, never stack traces or PHI.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors.js';

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  MFA_REQUIRED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'UNPROCESSABLE_CONTENT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

export function toTRPCError(err: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[err.code], message: err.message, cause: err });
}

export interface ErrorShapeData {
  /** Our stable code (DomainError code, or derived from the tRPC code). */
  appCode: string;
  httpStatus: number;
  /** zod issues flattened: `{ formErrors, fieldErrors }`. */
  validation?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
  details?: Record<string, unknown>;
}

/**
 * zod's messages describe the schema, not the value, except for unknown keys,
 * which it quotes: a key can be input too (a name pasted into the wrong
 * place), so only their number is reported.
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.length === 1 ? 'Unrecognized key' : `${issue.keys.length} unrecognized keys`;
  }
  return issue.message;
}

/** Used as tRPC's errorFormatter. */
export function formatError({
  shape,
  error,
}: {
  shape: { message: string; code: number; data: { httpStatus: number; code: string } };
  error: TRPCError;
}) {
  const cause = error.cause;
  const data: ErrorShapeData = { appCode: shape.data.code, httpStatus: shape.data.httpStatus };
  let message = shape.message;
  if (cause instanceof DomainError) {
    data.appCode = cause.code;
    if (cause.details) data.details = cause.details;
  } else if (cause instanceof z.ZodError) {
    data.appCode = 'VALIDATION_FAILED';
    data.validation = z.flattenError(cause, issueMessage) as ErrorShapeData['validation'];
    message = 'Invalid input';
  } else if (cause instanceof SyntaxError) {
    // JSON.parse quotes the text around the error, i.e. the caller's input.
    message = 'Input is not valid JSON';
  } else if (error.code === 'INTERNAL_SERVER_ERROR') {
    // Unknown failures may carry PHI or internals in their message.
    message = 'Internal error';
    data.appCode = 'INTERNAL';
  }
  return { message, code: shape.code, data };
}
