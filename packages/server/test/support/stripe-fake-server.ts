// A Stripe-compatible HTTP server on loopback, for the few endpoints the
// server uses. The official SDK is pointed at it (STRIPE_API_BASE), so its
// real form encoding, headers and idempotency keys go over real HTTP; only
// Stripe itself is replaced, at the network edge.
//   POST /v1/checkout/sessions      create (form-encoded, Idempotency-Key honoured)
//   GET  /v1/checkout/sessions/:id  retrieve
//   POST /v1/refunds                create (Idempotency-Key honoured)
// Tests drive the other side with complete()/expire(), which return the
// session object as Stripe would put it in a webhook event.
// For browser tests, serveCheckoutPage() turns the session URL into a
// minimal hosted-checkout page (GET /pay/:id) whose Pay button (POST
// /pay/:id) completes the session, delivers a signed
// `checkout.session.completed` webhook to the server and, once the server
// took it (2xx), redirects to the session's success_url. Given a TLS
// certificate, the page is served over HTTPS on its own port, as Stripe's is
// (a browser widget only follows an https checkout URL to another origin).
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, stripeEvent } from './stripe-webhooks.js';

type Json = Record<string, any>;

export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Json;
}

export interface StripeFake {
  /** Base URL for STRIPE_API_BASE. */
  url: string;
  requests: FakeRequest[];
  sessions: Map<string, Json>;
  refunds: Json[];
  /** The customer pays: the session becomes complete/paid with a PaymentIntent. */
  complete(sessionId: string, overrides?: Json): Json;
  /** The session times out unpaid. */
  expire(sessionId: string): Json;
  /** Makes the next `count` requests fail with a 500 (the SDK retries). */
  failNext(count: number): void;
  /** Serves the hosted checkout page at the URL of each session created from now on (see the header). */
  serveCheckoutPage(options: CheckoutPageOptions): Promise<void>;
  /** Webhooks the checkout page delivered, with the server's answer. */
  deliveries: { eventId: string; type: string; sessionId: string; status: number }[];
  close(): Promise<void>;
}

export interface CheckoutPageOptions {
  /** The app's base URL: webhooks go to `${webhookBase}/webhooks/stripe`. */
  webhookBase: string;
  /** The endpoint's signing secret (defaults to TEST_STRIPE_KEYS'). */
  secret?: string;
  /** The signature's timestamp (the app verifies it against its own clock). */
  now?: () => Date;
  /** PEM certificate and key: serve the page over HTTPS on 127.0.0.1 (its own port). */
  tls?: { cert: string; key: string };
}

const escapeHtml = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function checkoutPage(s: Json): string {
  const amount = `${(Number(s.amount_total) / 100).toFixed(2)} ${String(s.currency ?? '').toUpperCase()}`;
  const body =
    s.status === 'open'
      ? `<form method="post" action="/pay/${escapeHtml(s.id)}"><button type="submit">Pay</button></form>
<p><a href="${escapeHtml(s.cancel_url)}">Cancel and go back</a></p>`
      : `<p role="alert">This checkout is ${escapeHtml(s.status)}.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (test)</title></head>
<body><main><h1>Pay ${escapeHtml(amount)}</h1>
${body}
</main></body></html>`;
}

const id = (prefix: string) => `${prefix}_test_${crypto.randomBytes(12).toString('hex')}`;

/** Stripe's form encoding (a[b][0][c]=v) back into nested objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node: any = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]!);
      if (last) node[part] = value;
      else node = node[part] ??= nextIsIndex ? [] : {};
    });
  }
  return root;
}

const error = (status: number, type: string, message: string) => ({ status, body: { error: { type, message } } });

export async function startStripeFake(): Promise<StripeFake> {
  const requests: FakeRequest[] = [];
  const sessions = new Map<string, Json>();
  const refunds: Json[] = [];
  const idempotent = new Map<string, { bodyHash: string; status: number; body: Json }>();
  let failures = 0;
  let base = '';
  let page: CheckoutPageOptions | undefined;
  let pageBase = '';
  let pageServer: https.Server | undefined;
  const deliveries: StripeFake['deliveries'] = [];

  /** GET shows the page; POST pays, delivers the signed webhook, then redirects. */
  async function checkout(req: http.IncomingMessage, res: http.ServerResponse, sessionId: string) {
    const s = sessions.get(sessionId);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (!page || !s) return html(404, '<!doctype html><title>Not found</title><p>No such checkout.</p>');
    if (req.method === 'GET') return html(200, checkoutPage(s));
    if (req.method !== 'POST') return html(405, '<!doctype html><title>Method not allowed</title>');
    if (s.status !== 'open') return html(409, checkoutPage(s));
    Object.assign(s, { status: 'complete', payment_status: 'paid', payment_intent: s.payment_intent ?? id('pi') });
    const event = stripeEvent('checkout.session.completed', { ...s });
    const answer = await deliverWebhook(page.webhookBase, event, {
      at: (page.now ?? (() => new Date()))(),
      ...(page.secret ? { secret: page.secret } : {}),
    });
    deliveries.push({ eventId: event.id, type: event.type, sessionId, status: answer.status });
    if (answer.status < 200 || answer.status > 299) {
      return html(502, `<!doctype html><title>Webhook refused</title><p role="alert">The webhook was answered ${answer.status}.</p>`);
    }
    res.writeHead(303, { location: s.success_url, 'cache-control': 'no-store' });
    res.end();
  }

  const servePage = (req: http.IncomingMessage, res: http.ServerResponse, sessionId: string) =>
    checkout(req, res, sessionId).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('checkout page failed');
    });

  function createSession(b: Json): { status: number; body: Json } {
    const items = (b.line_items ?? []) as Json[];
    if (b.mode !== 'payment' || !items.length) return error(400, 'invalid_request_error', 'mode=payment with line_items required');
    const amount = items.reduce((sum, li) => sum + Number(li.price_data?.unit_amount ?? 0) * Number(li.quantity ?? 1), 0);
    const currency = items[0]!.price_data?.currency;
    const session: Json = {
      id: id('cs'),
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      client_reference_id: b.client_reference_id ?? null,
      metadata: b.metadata ?? {},
      success_url: b.success_url,
      cancel_url: b.cancel_url,
      expires_at: Number(b.expires_at),
      payment_intent: null,
      url: `${base}/pay/${'cs'}`,
    };
    session.url = `${pageBase || base}/pay/${session.id}`;
    sessions.set(session.id, session);
    return { status: 200, body: session };
  }

  function createRefund(b: Json): { status: number; body: Json } {
    const paid = [...sessions.values()].find((s) => s.payment_intent === b.payment_intent);
    if (!paid) return error(400, 'invalid_request_error', 'No such payment_intent');
    const already = refunds.filter((r) => r.payment_intent === b.payment_intent).reduce((s, r) => s + r.amount, 0);
    const amount = b.amount === undefined ? paid.amount_total - already : Number(b.amount);
    if (amount <= 0 || already + amount > paid.amount_total) return error(400, 'invalid_request_error', 'Refund exceeds charge');
    const refund = { id: id('re'), object: 'refund', amount, currency: paid.currency, payment_intent: b.payment_intent, status: 'succeeded', metadata: b.metadata ?? {} };
    refunds.push(refund);
    return { status: 200, body: refund };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const pay = /^\/pay\/(cs_test_[0-9a-f]+)$/.exec(path);
      if (pay) return void servePage(req, res, pay[1]!);
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
      const body = parseStripeForm(raw);
      requests.push({ method: req.method ?? 'GET', path, idempotencyKey: key, authorization: req.headers.authorization ?? null, body });
      const send = (r: { status: number; body: Json }) => {
        res.writeHead(r.status, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(JSON.stringify(r.body));
      };
      if (failures > 0) {
        failures--;
        return send(error(500, 'api_error', 'Injected failure'));
      }
      if (!req.headers.authorization?.startsWith('Bearer sk_')) return send(error(401, 'invalid_request_error', 'Invalid API key'));
      const route = () => {
        if (req.method === 'POST' && path === '/v1/checkout/sessions') return createSession(body);
        if (req.method === 'POST' && path === '/v1/refunds') return createRefund(body);
        const m = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path);
        if (req.method === 'GET' && m) {
          const s = sessions.get(m[1]!);
          return s ? { status: 200, body: s } : error(404, 'invalid_request_error', 'No such checkout.session');
        }
        return error(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path})`);
      };
      // Like Stripe: a key replays the first answer; with another body it is an error.
      if (req.method === 'POST' && key) {
        const bodyHash = crypto.createHash('sha256').update(`${path}\n${raw}`).digest('hex');
        const seen = idempotent.get(key);
        if (seen) {
          if (seen.bodyHash !== bodyHash) return send(error(400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters'));
          return send(seen);
        }
        const answer = route();
        idempotent.set(key, { bodyHash, ...answer });
        return send(answer);
      }
      send(route());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sessionOf = (sessionId: string) => {
    const s = sessions.get(sessionId);
    if (!s) throw new Error(`fake Stripe: no session ${sessionId}`);
    return s;
  };
  return {
    url: base,
    requests,
    sessions,
    refunds,
    complete(sessionId, overrides = {}) {
      const s = sessionOf(sessionId);
      Object.assign(s, { status: 'complete', payment_status: 'paid', payment_intent: s.payment_intent ?? id('pi') }, overrides);
      return { ...s };
    },
    expire(sessionId) {
      const s = sessionOf(sessionId);
      Object.assign(s, { status: 'expired' });
      return { ...s };
    },
    failNext(count) {
      failures = count;
    },
    async serveCheckoutPage(options) {
      page = options;
      if (!options.tls || pageServer) return;
      const tlsServer = https.createServer(options.tls, (req, res) => {
        const pay = /^\/pay\/(cs_test_[0-9a-f]+)$/.exec((req.url ?? '/').split('?')[0]!);
        req.resume();
        req.on('end', () => {
          if (pay) return void servePage(req, res, pay[1]!);
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not found');
        });
      });
      pageServer = tlsServer;
      await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
      pageBase = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
    },
    deliveries,
    close: async () => {
      if (pageServer) {
        const tlsServer = pageServer;
        tlsServer.closeAllConnections();
        await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
