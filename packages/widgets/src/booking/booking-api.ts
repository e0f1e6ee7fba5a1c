// The widget's server calls and what their answers mean. Queries and `hold`
// go through the provider's batching client; `confirm` needs its own
// client because its Idempotency-Key header belongs to that one request.
import { createApiClient, type TcrmApi } from '../api/api-client.js';
import { TcrmApiError } from '../api/api-error.js';
import { PUBLISHABLE_KEY_HEADER } from '../context/provider-controller.js';
import type { ClientSession } from '../context/session.js';

export type AppointmentType = Awaited<
  ReturnType<TcrmApi['booking']['appointmentTypes']['query']>
>[number];
export type Clinician = Awaited<ReturnType<TcrmApi['booking']['clinicians']['query']>>[number];
export type Hold = Awaited<ReturnType<TcrmApi['booking']['hold']['mutate']>>;
/** A waitlist offer: the held time a `#hold=` link names (`booking.offer`). */
export type Offer = Awaited<ReturnType<TcrmApi['booking']['offer']['query']>>;
export type WaitlistInput = Parameters<TcrmApi['booking']['waitlist']['join']['mutate']>[0];
/**
 * What `confirm` answers. `checkoutUrl` is the payment seam: when the server
 * asks for a deposit or prepayment it answers with a Stripe Checkout URL,
 * the widget sends the client there, and Stripe returns them to this page
 * with `?booking=<id>&status=success|cancel`.
 */
export type Booking = Awaited<ReturnType<TcrmApi['booking']['confirm']['mutate']>> & {
  readonly checkoutUrl?: string;
};
export type ClientDetails = { firstName: string; lastName: string; email: string; phone?: string };

// The API lives where the script came from unless the page says otherwise.
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

type Settings = Element & { apiUrl?: string | undefined; publishableKey?: string | undefined };

/** Publishable key and API origin: the element's own, else its provider's (across shadow roots). */
function connectionOf(host: Element): { apiUrl: string; publishableKey: string } | null {
  let node: Node | null = host;
  while (node) {
    const el = node as Settings;
    if (el instanceof Element && el.publishableKey)
      return { apiUrl: el.apiUrl || SCRIPT_ORIGIN, publishableKey: el.publishableKey };
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** `booking.confirm` with its Idempotency-Key (and the client's session, for eligibility-limited types). */
export function confirmBooking(
  host: Element,
  session: ClientSession | undefined,
  idempotencyKey: string,
  input: { holdToken: string; client: ClientDetails; returnUrl: string },
): Promise<Booking> {
  const connection = connectionOf(host);
  if (!connection) return Promise.reject(new TcrmApiError('Not configured'));
  const api = createApiClient({
    url: `${connection.apiUrl.replace(/\/$/, '')}/trpc`,
    headers: () => ({
      [PUBLISHABLE_KEY_HEADER]: connection.publishableKey,
      'idempotency-key': idempotencyKey,
      ...(session?.token ? { authorization: `Bearer ${session.token}` } : {}),
    }),
  });
  return api.booking.confirm.mutate(input) as Promise<Booking>;
}

/** The server's code and `details.reason` of a failed call. */
export function failure(error: unknown): { code: string; reason: string } {
  if (!(error instanceof TcrmApiError)) return { code: 'UNKNOWN', reason: '' };
  return { code: error.code, reason: String(error.data?.details?.['reason'] ?? '') };
}

/** Only https (or the page's own origin in development) may receive the client. */
export function safeCheckoutUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.origin === location.origin ? parsed.href : null;
  } catch {
    return null;
  }
}
