// What the manage procedures answer, what their failures mean to the
// client, and the cancellation preview. Errors are read with the booking
// widget's `failure` (the server's appCode and details.reason).
import type { TcrmApi } from '../api/api-client.js';
import { failure } from '../booking/booking-api.js';

type Manage = TcrmApi['booking']['manage'];
export type ManagedAppointment = Awaited<ReturnType<Manage['get']['query']>>;
export type Cancellation = Awaited<ReturnType<Manage['cancel']['mutate']>>;
export type Rescheduled = Awaited<ReturnType<Manage['reschedule']['mutate']>>;

/** Why the appointment cannot be shown. */
export type LoadProblem = 'invalid' | 'expired' | 'network' | 'load';

/** A failed `manage.get` as the client should read it. */
export function loadProblem(error: unknown): LoadProblem {
  const { code, reason } = failure(error);
  if (code === 'NETWORK_ERROR') return 'network';
  if (code === 'PRECONDITION_FAILED' && reason === 'link_expired') return 'expired';
  // A forged, foreign or malformed token (the input schema refuses it).
  if (code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') return 'invalid';
  return 'load';
}

/** The manage token from the page's fragment (`#token=tma_…`), where the e-mailed link puts it. */
export function tokenFromFragment(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
}

/**
 * Puts `token` in the page's fragment without a navigation or a new history
 * entry, so a reload opens the rescheduled appointment, not the old one.
 */
export function replaceFragmentToken(token: string): void {
  const params = new URLSearchParams(location.hash.slice(1));
  params.set('token', token);
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${params}`);
}

/** What cancelling now would cost; the server's own rules (payments/payment-policy.ts). */
export interface CancellationPreview {
  late: boolean;
  feeCents: number;
  /** Of the amount paid: refunded, and kept for the fee. */
  refundCents: number;
  retainedCents: number;
  /** Fee the payment does not cover. */
  owedCents: number;
}

/**
 * The preview shown before the client commits, by this browser's clock; the
 * server decides by its own, and its answer is what the result shows.
 */
export function cancellationPreview(a: ManagedAppointment, now: number): CancellationPreview {
  const late = Date.parse(a.startsAt) - now < a.policy.cancellationWindowHours * 3_600_000;
  const feeCents = late ? a.policy.lateCancelFeeCents : 0;
  const retainedCents = Math.min(feeCents, a.paidCents);
  return {
    late,
    feeCents,
    refundCents: a.paidCents - retainedCents,
    retainedCents,
    owedCents: feeCents - retainedCents,
  };
}
