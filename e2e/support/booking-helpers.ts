// Helpers for the paid-booking flow: the parts of a received e-mail the
// loopback SMTP helper does not decode (attachments), tRPC calls made by the
// browser itself (a page's own fetch, with its origin and cookies), and
// polling for what durable jobs do a moment later.
import type { Page } from 'playwright-core';
import type { ReceivedMail } from '../../packages/server/test/support/smtp.js';

export interface MailPart {
  contentType: string;
  filename: string | null;
  text: string;
}

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: m ? raw.slice(m.index + m[0].length) : '' };
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    default:
      return body;
  }
}

/** Every leaf part of a MIME message, decoded (nested multiparts flattened). */
export function mailParts(raw: string): MailPart[] {
  const { headers, body } = splitPart(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .flatMap((chunk) => mailParts(chunk.replace(/^\r?\n/, '')));
  }
  const disposition = headers.get('content-disposition') ?? '';
  const filename =
    /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(type)?.[1] ?? null;
  return [
    {
      contentType: type.split(';')[0]!.trim().toLowerCase(),
      filename,
      text: decode(body, headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n'),
    },
  ];
}

/** The calendar attachments of a message, by file name. */
export function calendarFiles(mail: ReceivedMail): Record<string, string> {
  return Object.fromEntries(
    mailParts(mail.raw)
      .filter((p) => p.contentType === 'text/calendar')
      .map((p) => [p.filename ?? '?', p.text.replace(/\n[ \t]/g, '')]),
  );
}

/** Subject and every decoded part (body and attachments), for PHI checks. */
export function everything(mail: ReceivedMail): string {
  return [mail.subject, ...mailParts(mail.raw).map((p) => p.text)].join('\n');
}

/** `20260303T150000Z`: an instant as iCalendar writes it in UTC. */
export const icsUtc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Calls a procedure from inside `page` with the page's own fetch (its origin,
 * its cookies), as the widgets and the console do. Queries are GETs,
 * mutations JSON POSTs. Returns the HTTP status and the result or error.
 */
export async function trpcFromPage<T = unknown>(
  page: Page,
  procedure: string,
  input: unknown,
  options: { mutation?: boolean; publishableKey?: string } = {},
): Promise<{ status: number; data: T; error: unknown }> {
  return page.evaluate(
    async ({ procedure, input, mutation, publishableKey }) => {
      const headers: Record<string, string> = {};
      if (publishableKey) headers['x-tcrm-publishable-key'] = publishableKey;
      let res: Response;
      if (mutation) {
        headers['content-type'] = 'application/json';
        res = await fetch(`/trpc/${procedure}`, {
          method: 'POST',
          headers,
          credentials: 'same-origin',
          body: JSON.stringify(input),
        });
      } else {
        const query = `?input=${encodeURIComponent(JSON.stringify(input))}`;
        res = await fetch(`/trpc/${procedure}${query}`, { headers, credentials: 'same-origin' });
      }
      const body = await res.json();
      return { status: res.status, data: body?.result?.data, error: body?.error };
    },
    {
      procedure,
      input,
      mutation: options.mutation ?? false,
      publishableKey: options.publishableKey,
    },
  );
}

/** Polls `read` until `done` holds (or throws with the last value after `timeoutMs`). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
