// The HTTP surface over real sockets: CORS only for a practice's listed
// origins, staff (cookie) procedures refuse other sites, JSON-only
// mutations, body caps, no caching, hardening headers, clean errors, JSON
// 404s, and health endpoints on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/router.js';
import { PUBLISHABLE_KEY_HEADER, STAFF_SESSION_COOKIE } from '../../src/trpc/context.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestPractice, signedInStaff, type TestPractice } from '../support/fixtures.js';
import { listProcedures, PROCEDURE_CATALOGUE } from '../support/procedure-catalogue.js';
import { changedCounts, tableCounts, tenantRows } from './support/row-snapshot.js';
import { internalsIn } from './support/trpc-http.js';

const EVIL = 'https://evil.example';
const mutations = listProcedures(appRouter).filter((p) => p.type === 'mutation');

let app: TestApp;
let base: string;
let a: TestPractice;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp({ rateLimitRules: { request: { points: 100_000, duration: 60 } } });
  base = await app.listen();
  a = await createTestPractice(app, 'a');
  cookie = `${STAFF_SESSION_COOKIE}=${(await signedInStaff(app, a.practiceId, 'owner')).token}`;
});
afterAll(async () => {
  await app?.close();
});

/** Runs `fn` and asserts no row was added or removed anywhere, and A's rows are unchanged. */
async function expectNothingChanged(fn: () => Promise<void>) {
  const counts = await tableCounts(app);
  const rows = await tenantRows(app, a.practiceId);
  await fn();
  expect(changedCounts(counts, await tableCounts(app))).toEqual([]);
  const after = await tenantRows(app, a.practiceId);
  for (const snapshot of [rows, after]) {
    delete snapshot.AuditEvent;
    delete snapshot.AuditChainHead;
  }
  expect(after).toEqual(rows);
}

const widgetHeaders = (origin: string) => ({ [PUBLISHABLE_KEY_HEADER]: a.publishableKey, origin });

describe('CORS for widgets', () => {
  it("answers a preflight from the practice's listed origin for that origin only", async () => {
    const res = await fetch(`${base}/trpc/practice.publicProfile`, {
      method: 'OPTIONS',
      headers: { origin: a.origin, 'access-control-request-method': 'GET', 'access-control-request-headers': PUBLISHABLE_KEY_HEADER },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(a.origin);
    expect(res.headers.get('access-control-allow-headers')).toContain(PUBLISHABLE_KEY_HEADER);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('refuses a preflight from an unlisted origin with 403 and no CORS headers', async () => {
    const res = await fetch(`${base}/trpc/clientAuth.requestCode`, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves a real widget request from the listed origin with CORS headers', async () => {
    const res = await fetch(`${base}/trpc/practice.publicProfile`, { headers: widgetHeaders(a.origin) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(a.origin);
  });

  it('refuses the publishable key from an unlisted origin (FORBIDDEN) and changes nothing', async () => {
    const other = await createTestPractice(app, 'b');
    await expectNothingChanged(async () => {
      for (const origin of [EVIL, other.origin, 'null']) {
        const read = await fetch(`${base}/trpc/practice.publicProfile`, { headers: widgetHeaders(origin) });
        expect(read.status).toBe(403);
        expect(read.headers.get('access-control-allow-origin')).toBeNull();
        expect(await read.json()).toMatchObject({ error: { data: { appCode: 'FORBIDDEN' } } });
        const write = await fetch(`${base}/trpc/clientAuth.requestCode`, {
          method: 'POST',
          headers: { ...widgetHeaders(origin), 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'someone@example.test' }),
        });
        expect(write.status).toBe(403);
      }
    });
  });
});

describe("the server's own origin (hosted pages)", () => {
  it('may use any publishable key, even one listing no origins; another origin may not', async () => {
    const p = await createTestPractice(app, 'own');
    await app.services.prisma.apiKey.updateMany({ where: { practiceId: p.practiceId }, data: { allowedOrigins: [] } });
    const read = (origin: string) =>
      fetch(`${base}/trpc/practice.publicProfile`, { headers: { [PUBLISHABLE_KEY_HEADER]: p.publishableKey, origin } });
    const publicUrl = new URL(app.config.publicUrl).origin;
    expect(publicUrl).not.toBe(base);
    expect((await read(publicUrl)).status).toBe(200);
    // Opened on the host it is served from (Origin matches Host).
    expect((await read(base)).status).toBe(200);
    for (const origin of [EVIL, p.origin, a.origin, 'null']) {
      const res = await read(origin);
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toMatchObject({ error: { data: { appCode: 'FORBIDDEN' } } });
    }
  });
});

describe('staff (cookie) procedures', () => {
  const staffPaths = Object.entries(PROCEDURE_CATALOGUE)
    .filter(([, e]) => e.principal.kind === 'staff')
    .map(([path]) => path);
  const typeOf = (path: string) => listProcedures(appRouter).find((p) => p.path === path)?.type;

  async function callWithOrigin(path: string, origin: string | null) {
    const headers: Record<string, string> = { cookie, 'content-type': 'application/json' };
    if (origin) headers.origin = origin;
    return typeOf(path) === 'mutation'
      ? fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: '{}' })
      : fetch(`${base}/trpc/${path}`, { headers });
  }

  it('refuse a request from another site (Origin not this server) for every staff procedure, changing nothing', async () => {
    expect(staffPaths.length).toBeGreaterThan(10);
    await expectNothingChanged(async () => {
      for (const path of staffPaths) {
        for (const origin of [EVIL, a.origin, 'null']) {
          const res = await callWithOrigin(path, origin);
          expect(res.status, `${path} from ${origin}`).toBe(403);
          expect(await res.json()).toMatchObject({ error: { data: { appCode: 'FORBIDDEN' } } });
        }
      }
    });
  });

  it('refuse cross-site sign-in and sign-out (login CSRF)', async () => {
    for (const path of ['auth.signIn', 'auth.signOut']) {
      const res = await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { origin: EVIL, 'content-type': 'application/json' },
        body: JSON.stringify(path === 'auth.signIn' ? { email: a.ownerEmail, password: a.ownerPassword } : undefined) ?? '',
      });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it("accept the server's own origin, PUBLIC_URL's, and requests without Origin (positive control)", async () => {
    const own = await callWithOrigin('practice.settings', base);
    expect(own.status).toBe(200);
    const none = await callWithOrigin('practice.settings', null);
    expect(none.status).toBe(200);
    // Behind a proxy that rewrites Host, the browser's Origin is PUBLIC_URL's.
    const publicUrl = new URL(app.config.publicUrl).origin;
    expect(publicUrl).not.toBe(base);
    expect((await callWithOrigin('practice.settings', publicUrl)).status).toBe(200);
  });
});

describe('request guards', () => {
  it('GET of every mutation is refused (405) and changes nothing', async () => {
    await expectNothingChanged(async () => {
      for (const m of mutations) {
        const res = await fetch(`${base}/trpc/${m.path}?input=${encodeURIComponent('{"name":"x"}')}`, {
          headers: { cookie, ...widgetHeaders(a.origin) },
        });
        expect(res.status, m.path).toBe(405);
      }
    });
  });

  it('form posts (urlencoded, multipart, text/plain) to every mutation are refused (415) and change nothing', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'firstName=Zelda&lastName=Canary'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="firstName"\r\n\r\nZelda\r\n--x--\r\n'],
      ['text/plain', '{"firstName":"Zelda","lastName":"Canary"}'],
    ];
    await expectNothingChanged(async () => {
      for (const m of mutations) {
        for (const [type, body] of bodies) {
          const res = await fetch(`${base}/trpc/${m.path}`, { method: 'POST', headers: { cookie, 'content-type': type }, body });
          expect(res.status, `${m.path} ${type}`).toBe(415);
        }
      }
    });
  });

  it('refuses an oversize body with 413, declared or streamed', async () => {
    const big = JSON.stringify({ firstName: 'x'.repeat(app.config.maxBodyBytes + 10), lastName: 'y' });
    await expectNothingChanged(async () => {
      const declared = await fetch(`${base}/trpc/clients.create`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: big,
      });
      expect(declared.status).toBe(413);
      const streamed = await fetch(`${base}/trpc/clients.create`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
    });
  });

  it('marks every /trpc response no-store (success, error, refusal)', async () => {
    const responses = [
      await fetch(`${base}/trpc/practice.settings`, { headers: { cookie } }),
      await fetch(`${base}/trpc/clients.get?input=${encodeURIComponent('{"clientId":"nope"}')}`, { headers: { cookie } }),
      await fetch(`${base}/trpc/no.such.procedure`, { headers: { cookie } }),
      await fetch(`${base}/trpc/clients.create`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: 'x' }),
      await fetch(`${base}/trpc/clients.create`, { method: 'PUT', headers: { cookie }, body: 'x' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 404, 415, 405]);
    for (const r of responses) expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('response hygiene', () => {
  it('sends CSP (frame-ancestors none), HSTS, nosniff and no X-Powered-By everywhere', async () => {
    for (const url of [`${base}/trpc/practice.settings`, `${base}/healthz`, `${base}/no-such-page`]) {
      const res = await fetch(url, { headers: { cookie } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('error responses carry no stack trace, source path or internals', async () => {
    const errors = [
      await fetch(`${base}/trpc/clients.get?input=${encodeURIComponent('{"clientId":5}')}`, { headers: { cookie } }),
      await fetch(`${base}/trpc/clients.get?input=${encodeURIComponent('{"clientId":')}`, { headers: { cookie } }),
      await fetch(`${base}/trpc/clients.get?input=${encodeURIComponent('{"clientId":"00000000-0000-4000-8000-000000000000"}')}`, {
        headers: { cookie },
      }),
      await fetch(`${base}/trpc/clients.list`),
      await fetch(`${base}/trpc/clients.create`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"a":' }),
      await fetch(`${base}/trpc/no.such.procedure`),
      await fetch(`${base}/no-such-page`),
    ];
    expect(errors.map((r) => r.status)).toEqual([400, 400, 404, 401, 400, 404, 404]);
    for (const r of errors) expect(internalsIn(await r.text())).toEqual([]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-page'],
      ['POST', '/api/v1/clients'],
      ['DELETE', '/trpc-not'],
    ] as const) {
      const res = await fetch(`${base}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
  });
});

describe('health endpoints', () => {
  it('work on PostgreSQL', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, database: 'postgres' });
  });

  // PGlite boots Postgres in WebAssembly and migrates: slow on a loaded machine.
  it('work on PGlite, and report a lost database without internals', { timeout: 120_000 }, async () => {
    const lite = await startTestApp({ db: 'pglite' });
    try {
      const url = await lite.listen();
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ok: true, database: 'pglite' });

      // With the database gone: not ready, and a procedure fails as a bare 500.
      const practice = await createTestPractice(lite, 'down');
      await lite.services.database.close();
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      const failed = await fetch(`${url}/trpc/practice.publicProfile`, { headers: { [PUBLISHABLE_KEY_HEADER]: practice.publishableKey } });
      expect(failed.status).toBe(500);
      const text = await failed.text();
      expect(JSON.parse(text)).toMatchObject({ error: { message: 'Internal error', data: { appCode: 'INTERNAL' } } });
      expect(internalsIn(text)).toEqual([]);
    } finally {
      // The database is already closed above; closing it again may throw.
      await lite.close().catch(() => undefined);
    }
  });
});
