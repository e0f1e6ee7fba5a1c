// Pages the server hosts for every practice, in every environment: the
// targets of the links in booking e-mails and a plain booking page.
//   GET /p/:slug/booking/manage    <tcrm-booking-manage> (reads #token=)
//   GET /p/:slug/booking/waitlist  <tcrm-booking> (reads #hold=, booking.offer)
//   GET /p/:slug/book              <tcrm-booking>
// Nothing here is PHI: the practice's name and its publishable key (public by
// design). The capability rides in the URL fragment, which never reaches the
// server. The widget script comes from this server (CSP script-src 'self',
// so no inline script); with no `api-url` the widgets call the origin their
// script came from, i.e. this server, whatever host the page was opened on,
// and publishable-key.ts accepts the server's own origin for any key.
import { Router, type Request, type Response } from 'express';
import type { AppServices } from '../services.js';

/** Slugs are lower-case letters, digits and hyphens (auth.schema.ts); anything else is refused unread. */
const SLUG = /^[a-z0-9-]{1,64}$/;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values (always double-quoted) in the pages below. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

interface PageKind {
  /** What the page is for, after the practice name in the title. */
  title: string;
  /** The widget element; the publishable key is added to it. */
  element: 'tcrm-booking-manage' | 'tcrm-booking';
  /** Pages opened from a personal link stay out of search engines. */
  noindex: boolean;
}

const PAGES: Record<string, PageKind> = {
  '/booking/manage': { title: 'Your appointment', element: 'tcrm-booking-manage', noindex: true },
  '/booking/waitlist': { title: 'A time for you', element: 'tcrm-booking', noindex: true },
  '/book': { title: 'Book an appointment', element: 'tcrm-booking', noindex: false },
};

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1f2933; background: #f7f8fa; }
  body { margin: 0; }
  main { max-width: 44rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .lede { margin: 0 0 1.5rem; color: #52606d; }
  .notice { padding: 1rem 1.25rem; border-radius: .5rem; background: #fff; border: 1px solid #d9e2ec; }
`;

function page(opts: {
  title: string;
  heading?: string;
  lede?: string;
  body: string;
  noindex: boolean;
  script: boolean;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.noindex ? '<meta name="robots" content="noindex, nofollow">\n' : ''}<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}</style>
${opts.script ? '<script type="module" src="/widgets/tcrm-widgets.js"></script>\n' : ''}</head>
<body>
<main>
${opts.heading ? `<h1>${escapeHtml(opts.heading)}</h1>\n` : ''}${opts.lede ? `<p class="lede">${escapeHtml(opts.lede)}</p>\n` : ''}${opts.body}
</main>
</body>
</html>
`;
}

function send(res: Response, status: number, html: string): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(html);
}

const notFoundPage = () =>
  page({ title: 'Not found', heading: 'Not found', body: '', noindex: true, script: false });

export function hostedPages(services: Pick<AppServices, 'prisma'>): Router {
  const pages = Router();
  for (const [suffix, kind] of Object.entries(PAGES)) {
    // Express 5 passes a rejected promise to the error handler itself.
    pages.get(`/p/:slug${suffix}`, async (req: Request<{ slug: string }>, res) => {
      const slug = req.params.slug;
      if (!SLUG.test(slug)) return send(res, 404, notFoundPage());
      const practice = await services.prisma.practice.findUnique({
        where: { slug },
        select: {
          name: true,
          // The oldest live publishable key: the one a practice set up first.
          apiKeys: {
            where: { kind: 'publishable', revokedAt: null },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: 1,
            select: { publicKey: true },
          },
        },
      });
      if (!practice) return send(res, 404, notFoundPage());
      const key = practice.apiKeys[0]?.publicKey;
      const title = `${kind.title} · ${practice.name}`;
      if (!key) {
        return send(
          res,
          200,
          page({
            title,
            heading: practice.name,
            body: `<p class="notice">Online booking is not available for this practice. Please contact the practice directly.</p>`,
            noindex: kind.noindex,
            script: false,
          }),
        );
      }
      const widget = `<${kind.element} publishable-key="${escapeHtml(key)}"></${kind.element}>`;
      send(
        res,
        200,
        page({
          title,
          heading: practice.name,
          lede: kind.title,
          body: widget,
          noindex: kind.noindex,
          script: true,
        }),
      );
    });
  }
  return pages;
}
