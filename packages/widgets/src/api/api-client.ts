import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@therapycrm/server';
import { TcrmApiError, type ApiErrorShape } from './api-error.js';

/**
 * The typed API: the same call surface as `createTRPCClient<AppRouter>`
 * (`api.practice.publicProfile.query()`), so the type is tRPC's own.
 */
export type TcrmApi = TRPCClient<AppRouter>;

export interface ApiClientOptions {
  /** The tRPC endpoint, e.g. `https://practice.example/trpc`. */
  readonly url: string;
  /** Read on every request, so a new session token is used at once. */
  readonly headers: () => Readonly<Record<string, string>>;
  /** Called when the server refuses the session (expired, signed out elsewhere). */
  readonly onUnauthorized?: () => void;
  readonly fetch?: typeof fetch;
}

type Kind = 'query' | 'mutation';
interface PendingCall {
  readonly path: string;
  readonly input: unknown;
  resolve(data: unknown): void;
  reject(error: unknown): void;
}
type Envelope = { result: { data: unknown } } | { error: ApiErrorShape };

const UNAUTHORIZED = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * A client that speaks tRPC's HTTP batch protocol (what `httpBatchLink`
 * sends: calls made in one task go in one request, GET for queries, POST
 * for mutations) in ~1 KB instead of @trpc/client's ~7 KB min+gzip, which
 * would be a third of a widget's 20 KB budget. api-client.test.ts checks the
 * requests byte for byte against @trpc/client's. Subscriptions are not
 * supported here; the messages widget can lazy-load tRPC's SSE link.
 */
export function createApiClient(options: ApiClientOptions): TcrmApi {
  const queues: Record<Kind, PendingCall[]> = { query: [], mutation: [] };
  const base = options.url.replace(/\/$/, '');

  async function flush(kind: Kind): Promise<void> {
    const calls = queues[kind];
    queues[kind] = [];
    const input = JSON.stringify(Object.fromEntries(calls.map((call, i) => [i, call.input])));
    let url = `${base}/${calls.map((call) => call.path).join(',')}?batch=1`;
    if (kind === 'query') url += `&input=${encodeURIComponent(input)}`;
    const headers: Record<string, string> = { ...options.headers() };
    if (kind === 'mutation') headers['content-type'] = 'application/json';
    let envelopes: Envelope[];
    try {
      // credentials: 'omit' — widgets authenticate with a bearer token, never cookies.
      const response = await (options.fetch ?? fetch)(url, {
        method: kind === 'query' ? 'GET' : 'POST',
        headers,
        credentials: 'omit',
        ...(kind === 'mutation' ? { body: input } : {}),
      });
      const json = (await response.json()) as Envelope | Envelope[];
      envelopes = Array.isArray(json) ? json : calls.map(() => json);
    } catch {
      const error = new TcrmApiError('Network error');
      for (const call of calls) call.reject(error);
      return;
    }
    calls.forEach((call, i) => {
      const envelope = envelopes[i];
      if (envelope && 'result' in envelope) return call.resolve(envelope.result.data);
      const shape = envelope?.error ?? { message: 'Malformed response' };
      if (UNAUTHORIZED.has(shape.data?.appCode ?? '')) options.onUnauthorized?.();
      call.reject(new TcrmApiError(shape.message, shape));
    });
  }

  function call(kind: Kind, path: string, input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      // A macrotask, like httpBatchLink, so calls from one render batch together.
      if (queues[kind].length === 0) setTimeout(() => void flush(kind));
      queues[kind].push({ path, input, resolve, reject });
    });
  }

  const proxy = (path: readonly string[]): unknown =>
    new Proxy(() => {}, {
      // `then` must stay undefined, or awaiting the client would call the API.
      get: (_target, key) =>
        typeof key === 'string' && key !== 'then' ? proxy([...path, key]) : undefined,
      apply: (_target, _this, args: unknown[]) => {
        const method = path[path.length - 1];
        if (method !== 'query' && method !== 'mutate')
          throw new TypeError(`Unsupported call: ${path.join('.')}`);
        return call(
          method === 'query' ? 'query' : 'mutation',
          path.slice(0, -1).join('.'),
          args[0],
        );
      },
    });

  return proxy([]) as TcrmApi;
}
