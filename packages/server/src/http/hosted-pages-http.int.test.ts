// Hosted booking pages over real HTTP: each page names the practice (escaped)
// and embeds its widget with the practice's oldest live publishable key;
// unknown and malformed slugs are an HTML 404 that says nothing more; a
// practice without a live key gets a page without a widget; headers (CSP,
// no-store, no-referrer).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../test/support/fixtures.js';
import { provisionPractice } from '../domains/practice/provision.js';

const PAGES = [
  { path: 'booking/manage', element: 'tcrm-booking-manage' },
  { path: 'booking/waitlist', element: 'tcrm-booking' },
  { path: 'book', element: 'tcrm-booking' },
] as const;

const HOSTILE_NAME = `Smith & Jones <script>alert("x")</script> 'Care'`;
const ESCAPED_NAME =
  'Smith &amp; Jones &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;Care&#39;';

let app: TestApp;
let base: string;
beforeAll(async () => {
  app = await startTestApp();
  base = await app.listen();
});
afterAll(async () => {
  await app?.close();
});

const id = () => crypto.randomBytes(4).toString('hex');

async function practiceNamed(name: string) {
  const tag = id();
  return provisionPractice(app.services, {
    name,
    slug: `hosted-${tag}`,
    timezone: 'America/New_York',
    owner: {
      email: `owner-${tag}@example.test`,
      displayName: 'Owner',
      password: `Correct-Horse-${tag}-Battery`,
    },
    allowedOrigins: [`https://hosted-${tag}.practice.test`],
  }).then((p) => ({ ...p, slug: `hosted-${tag}` }));
}

async function get(path: string) {
  const res = await fetch(`${base}${path}`);
  return { res, html: await res.text() };
}

const slugOf = async (p: TestPractice) =>
  (
    await app.services.prisma.practice.findUniqueOrThrow({
      where: { id: p.practiceId },
      select: { slug: true },
    })
  ).slug;

describe('hosted booking pages', () => {
  it('each page embeds its widget with the publishable key, and names the practice escaped', async () => {
    const p = await practiceNamed(HOSTILE_NAME);
    for (const page of PAGES) {
      const { res, html } = await get(`/p/${p.slug}/${page.path}`);
      expect(res.status, page.path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain(
        `<${page.element} publishable-key="${p.publishableKey}"></${page.element}>`,
      );
      // The other element is not on the page.
      const other = page.element === 'tcrm-booking' ? '<tcrm-booking-manage' : '<tcrm-booking ';
      expect(html).not.toContain(other);
      expect(html).toMatch(new RegExp(`<title>[^<]* · ${escapeRegExp(ESCAPED_NAME)}</title>`));
      expect(html).toContain(`<h1>${ESCAPED_NAME}</h1>`);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('Smith & Jones');
      // One script, the widget bundle from this server (CSP script-src 'self': no inline script).
      expect(html.match(/<script\b[^>]*>/g)).toEqual([
        '<script type="module" src="/widgets/tcrm-widgets.js">',
      ]);
      expect(html).toContain('<style>');
    }
  });

  it('sends CSP, no-store and no-referrer; personal-link pages are noindex', async () => {
    const p = await practiceNamed('Harbor Light Therapy');
    for (const page of PAGES) {
      const { res, html } = await get(`/p/${p.slug}/${page.path}`);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(html.includes('name="robots" content="noindex'), page.path).toBe(page.path !== 'book');
    }
  });

  it("uses the practice's oldest live publishable key, never a revoked one", async () => {
    const p = await createTestPractice(app, 'keys');
    const slug = await slugOf(p);
    const newer = `pk_test_${id()}${id()}`;
    await app.services.prisma.apiKey.create({
      data: {
        practiceId: p.practiceId,
        kind: 'publishable',
        label: 'Second site',
        publicKey: newer,
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    expect((await get(`/p/${slug}/book`)).html).toContain(`publishable-key="${p.publishableKey}"`);
    await app.services.prisma.apiKey.updateMany({
      where: { publicKey: p.publishableKey },
      data: { revokedAt: new Date() },
    });
    const { html } = await get(`/p/${slug}/booking/manage`);
    expect(html).toContain(`publishable-key="${newer}"`);
    expect(html).not.toContain(p.publishableKey);
  });

  it('a practice without a live publishable key gets a page without a widget', async () => {
    const p = await practiceNamed('Quiet Harbor & Co');
    await app.services.prisma.apiKey.updateMany({
      where: { practiceId: p.practiceId },
      data: { revokedAt: new Date() },
    });
    for (const page of PAGES) {
      const { res, html } = await get(`/p/${p.slug}/${page.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('<h1>Quiet Harbor &amp; Co</h1>');
      expect(html).toContain('Online booking is not available');
      expect(html).toContain('contact the practice');
      expect(html).not.toMatch(/<tcrm-|<script|publishable-key|pk_/);
    }
  });

  it('unknown and malformed slugs are an HTML 404 that names nothing', async () => {
    const p = await practiceNamed('Known Practice');
    const slugs = [
      `unknown-${id()}`,
      p.slug.toUpperCase(),
      'a%3Cb%3E',
      'a.b',
      'a_b',
      '%20',
      `${'a'.repeat(65)}`,
      encodeURIComponent('é'),
    ];
    for (const slug of slugs) {
      for (const page of PAGES) {
        const { res, html } = await get(`/p/${slug}/${page.path}`);
        expect(res.status, `${slug}/${page.path}`).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(html).toContain('<h1>Not found</h1>');
        const asked = decodeURIComponent(slug).trim();
        if (asked.length > 1) expect(html).not.toContain(asked);
        expect(html).not.toMatch(/<tcrm-|<script|pk_|Known Practice/);
      }
    }
    // The known slug itself is served (positive control).
    expect((await get(`/p/${p.slug}/book`)).res.status).toBe(200);
  });

  it('serves nothing else under /p/ (JSON 404 as for any unknown route)', async () => {
    const p = await practiceNamed('Other Paths');
    for (const path of [`/p/${p.slug}`, `/p/${p.slug}/booking`, `/p/${p.slug}/booking/other`]) {
      const { res, html } = await get(path);
      expect(res.status, path).toBe(404);
      expect(html).not.toContain('Other Paths');
    }
  });
});

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
