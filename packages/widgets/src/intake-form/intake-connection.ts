// Direct API clients for the two calls that cannot share the provider's
// batching client: `intake.uploadFile` must travel alone (only its own URL
// gets the server's larger body limit), and `intake.submit` needs an
// Idempotency-Key header for that one request.
import { createApiClient, type TcrmApi } from '../api/api-client.js';
import { PUBLISHABLE_KEY_HEADER } from '../context/provider-controller.js';
import type { ClientSession } from '../context/session.js';

export interface Connection {
  readonly apiUrl: string;
  readonly publishableKey: string;
}

type Settings = Element & { apiUrl?: string | undefined; publishableKey?: string | undefined };

/**
 * Where the widget's API lives: its own attributes, else those of the
 * provider it sits in (looking up through shadow roots, as context does).
 */
export function connectionOf(host: Element): Connection | null {
  let node: Node | null = host;
  while (node) {
    const el = node as Settings;
    if (el instanceof Element && el.publishableKey && el.apiUrl)
      return { apiUrl: el.apiUrl, publishableKey: el.publishableKey };
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** A client that sends `headers` with every call, plus the client's session when signed in. */
export function directClient(
  connection: Connection,
  session: ClientSession | undefined,
  headers: Readonly<Record<string, string>> = {},
): TcrmApi {
  return createApiClient({
    url: `${connection.apiUrl.replace(/\/$/, '')}/trpc`,
    headers: () => ({
      [PUBLISHABLE_KEY_HEADER]: connection.publishableKey,
      ...(session?.token ? { authorization: `Bearer ${session.token}` } : {}),
      ...headers,
    }),
  });
}

/** The file's bytes as base64 (no `data:` prefix: the browser's guess of the type must not be sent as a claim). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A fresh key per submission attempt; kept in memory only. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Uploads one file or drawn signature to the draft, alone in its request. */
export async function uploadFile(
  connection: Connection,
  session: ClientSession | undefined,
  input: {
    resumeToken: string;
    fieldId: string;
    data: string;
    contentType?: string | undefined;
    fileName?: string | undefined;
  },
): Promise<{ id: string; contentType: string; byteSize: number }> {
  const { contentType, fileName, ...rest } = input;
  const stored = await directClient(connection, session).intake.uploadFile.mutate({
    ...rest,
    ...(contentType ? { contentType } : {}),
    ...(fileName ? { fileName } : {}),
  });
  return { id: stored.fileId, contentType: stored.contentType, byteSize: stored.byteSize };
}
