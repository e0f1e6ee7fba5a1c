// Back from Stripe Checkout: what the page's query says about the payment.
/**
 * The payment seam: Stripe Checkout returns the client to the page with the
 * appointment and the outcome in the query (`?booking=<id>&status=success|cancel`;
 * the server's `?tcrm-checkout=success|cancelled&appointment=<id>` is read too).
 */
export function paymentReturn(): { appointmentId: string; status: 'success' | 'cancel' } | null {
  const q = new URLSearchParams(location.search);
  const appointmentId = q.get('booking') ?? q.get('appointment');
  const status = q.get('status') ?? q.get('tcrm-checkout');
  if (!appointmentId || !status) return null;
  if (status === 'success') return { appointmentId, status };
  return status === 'cancel' || status === 'cancelled' ? { appointmentId, status: 'cancel' } : null;
}
