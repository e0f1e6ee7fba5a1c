/** One request seen by the fake API. */
export interface FakeRequest {
  readonly url: URL;
  readonly paths: string[];
  readonly headers: Headers;
}

type Handler = (path: string, request: FakeRequest) => unknown;

/**
 * Replaces `window.fetch` with a tRPC batch endpoint answering each
 * procedure with `handler(path)` (a thrown `{ appCode }` becomes an error
 * envelope). Returns the seen requests and a restore function.
 */
export function installFakeApi(handler: Handler): { requests: FakeRequest[]; restore(): void } {
  const original = window.fetch;
  const requests: FakeRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const request = {
      url,
      paths: url.pathname.split('/').pop()!.split(','),
      headers: new Headers(init?.headers),
    };
    requests.push(request);
    const body = request.paths.map((path) => {
      try {
        return { result: { data: handler(path, request) } };
      } catch (e) {
        const appCode = (e as { appCode?: string }).appCode ?? 'INTERNAL';
        return { error: { message: appCode, code: -32600, data: { appCode, httpStatus: 400 } } };
      }
    });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { requests, restore: () => (window.fetch = original) };
}

export const PROFILE = {
  id: 'p1',
  name: 'Calm Waters Counseling',
  timezone: 'America/Chicago',
  branding: {},
  features: ['intake'],
};
