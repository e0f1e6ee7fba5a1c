import { createApiClient, type TcrmApi } from '../api/api-client.js';
import { TcrmApiError } from '../api/api-error.js';

/**
 * The console's API client: same wire format and types as the widgets',
 * but same-origin with the HttpOnly staff cookie. The widgets' client omits
 * credentials (they use bearer tokens); the console adds them back through
 * its fetch. `cache: 'no-store'` as well: responses hold PHI, and the
 * server's no-store header is the rule; this keeps the browser honest even
 * behind a misconfigured proxy.
 */
export function createConsoleApi(options: {
  /** The server refused the session (expired, signed out elsewhere). */
  onUnauthorized: () => void;
  /** A request succeeded: the server has seen the session just now (idle timer). */
  onContact?: () => void;
  base?: string;
}): TcrmApi {
  return createApiClient({
    url: `${options.base ?? location.origin}/trpc`,
    headers: () => ({}),
    onUnauthorized: options.onUnauthorized,
    fetch: async (input, init) => {
      const response = await fetch(input, {
        ...init,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.ok) options.onContact?.();
      return response;
    },
  });
}

/** The server's stable code of a failed call (`NETWORK_ERROR` when no answer came). */
export function errorCode(error: unknown): string {
  return error instanceof TcrmApiError ? error.code : 'UNKNOWN';
}

/** The server's details of a DomainError (e.g. `definitionIssues`, `reason`). */
export function errorDetails(error: unknown): Readonly<Record<string, unknown>> {
  return (error instanceof TcrmApiError ? error.data?.details : undefined) ?? {};
}

/** Dates arrive as ISO strings (no transformer on the wire) although the router types say Date. */
export function asDate(value: Date | string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
