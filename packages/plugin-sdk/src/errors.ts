/** Stable codes of {@link PluginError}. */
export type PluginErrorCode =
  | 'invalid_manifest'
  | 'unknown_event'
  | 'unknown_permission'
  | 'missing_handler'
  | 'undeclared_handler'
  | 'invalid_handler'
  | 'invalid_scorer'
  | 'scorer_requires_permission'
  | 'invalid_config'
  | 'invalid_answers'
  | 'permission_denied'
  | 'not_found';

/**
 * An error with a stable code, thrown by the SDK (and by the server's plugin
 * host). The message is for developers; programs branch on `code`.
 * `details` never holds PHI: only names from the manifest or ids.
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  readonly code: PluginErrorCode;
  readonly details: Readonly<Record<string, string | number | boolean | readonly string[]>>;

  constructor(code: PluginErrorCode, message: string, details: PluginError['details'] = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a {@link PluginError}, optionally with the given code (works across bundle copies). */
export function isPluginError(error: unknown, code?: PluginErrorCode): error is PluginError {
  if (
    typeof error !== 'object' ||
    error === null ||
    (error as { name?: unknown }).name !== 'PluginError'
  )
    return false;
  return code === undefined || (error as { code?: unknown }).code === code;
}
