import { expect } from '@open-wc/testing';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createApiClient } from './api-client.js';
import { TcrmApiError } from './api-error.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** A fetch that records requests and answers each batch with `reply(paths)`. */
function recorder(reply: (paths: string[]) => unknown[], status = 200) {
  const seen: Seen[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    seen.push({
      url,
      method: init?.method ?? 'GET',
      headers,
      body: (init?.body as string | undefined) ?? null,
    });
    const paths = new URL(url).pathname.split('/').pop()!.split(',');
    return new Response(JSON.stringify(reply(paths)), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { seen, fetch: fetchImpl as typeof fetch };
}

const ok = (paths: string[]) => paths.map((p) => ({ result: { data: { path: p } } }));
const headers = () => ({ 'x-tcrm-publishable-key': 'pk_test', authorization: 'Bearer t0k' });

// Untyped views of both clients: these calls exercise the wire format, whatever the router holds.
type Untyped = Record<
  string,
  Record<string, { query(i?: unknown): Promise<unknown>; mutate(i?: unknown): Promise<unknown> }>
>;

function both(reply = ok) {
  const ours = recorder(reply);
  const theirs = recorder(reply);
  const a = createApiClient({
    url: 'http://api.test/trpc',
    headers,
    fetch: ours.fetch,
  }) as unknown as Untyped;
  const b = createTRPCClient({
    links: [httpBatchLink({ url: 'http://api.test/trpc', headers, fetch: theirs.fetch })],
  }) as unknown as Untyped;
  return { a, b, ours: ours.seen, theirs: theirs.seen };
}

const comparable = (s: Seen[]) =>
  s.map(({ url, method, body, headers: h }) => ({
    url,
    method,
    body,
    key: h['x-tcrm-publishable-key'],
    auth: h['authorization'],
    type: h['content-type'],
  }));

describe('createApiClient (tRPC HTTP batch wire format)', () => {
  it('sends a query exactly as httpBatchLink does, and returns its data', async () => {
    const { a, b, ours, theirs } = both();
    const [x, y] = await Promise.all([
      a.practice!.publicProfile!.query(),
      b.practice!.publicProfile!.query(),
    ]);
    expect(x).to.deep.equal(y).and.deep.equal({ path: 'practice.publicProfile' });
    expect(comparable(ours)).to.deep.equal(comparable(theirs));
    expect(ours[0]!.url).to.equal(
      'http://api.test/trpc/practice.publicProfile?batch=1&input=%7B%7D',
    );
  });

  it('batches queries made in one task into one request, like httpBatchLink', async () => {
    const { a, b, ours, theirs } = both();
    await Promise.all([a.practice!.publicProfile!.query(), a.clients!.get!.query({ id: 'c1' })]);
    await Promise.all([b.practice!.publicProfile!.query(), b.clients!.get!.query({ id: 'c1' })]);
    expect(ours).to.have.length(1);
    expect(comparable(ours)).to.deep.equal(comparable(theirs));
  });

  it('sends mutations as JSON POST bodies, like httpBatchLink', async () => {
    const { a, b, ours, theirs } = both();
    await a.intake!.submit!.mutate({ answers: { name: 'x' }, key: 'idem-1' });
    await b.intake!.submit!.mutate({ answers: { name: 'x' }, key: 'idem-1' });
    expect(comparable(ours)).to.deep.equal(comparable(theirs));
    expect(ours[0]!.method).to.equal('POST');
    expect(ours[0]!.headers['content-type']).to.equal('application/json');
  });

  it('rejects with the server code and signs out on an expired session', async () => {
    let signedOut = 0;
    const { fetch } = recorder(
      () => [
        {
          error: {
            message: 'Session expired',
            code: -32001,
            data: { appCode: 'SESSION_EXPIRED', httpStatus: 401 },
          },
        },
      ],
      401,
    );
    const api = createApiClient({
      url: 'http://api.test/trpc/',
      headers,
      fetch,
      onUnauthorized: () => signedOut++,
    }) as unknown as Untyped;
    const error = await api.clients!.me!.query().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TcrmApiError);
    expect((error as TcrmApiError).code).to.equal('SESSION_EXPIRED');
    expect(signedOut).to.equal(1);
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const api = createApiClient({
      url: 'http://api.test/trpc',
      headers,
      fetch: () => Promise.reject(new TypeError('offline')),
    }) as unknown as Untyped;
    const error = await api.practice!.publicProfile!.query().catch((e: unknown) => e);
    expect((error as TcrmApiError).code).to.equal('NETWORK_ERROR');
  });

  it('can be awaited without calling the API (no `then` on the proxy)', async () => {
    const { fetch, seen } = recorder(ok);
    const api = createApiClient({ url: 'http://api.test/trpc', headers, fetch });
    expect(await Promise.resolve(api)).to.equal(api);
    expect(seen).to.have.length(0);
  });
});
