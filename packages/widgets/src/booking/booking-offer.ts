// Waitlist offers. When a time frees, the server holds it for the next
// waitlisted client and e-mails a link ending `#hold=thd_…`; the hosted page
// (or any page, through `hold-token`) opens the widget on that hold. The token
// is the capability to confirm it: it is read from the element or the
// fragment (which browsers never send to a server) and kept in memory only.
import type { TcrmApi } from '../api/api-client.js';
import { failure, type Offer } from './booking-api.js';
import type { TcrmBooking } from './booking.js';
import { TcrmOfferOpenedEvent } from './booking.events.js';

/** The offer's token: the element's own, else the page's `#hold=`; null when neither. */
export function offerToken(attribute: string | undefined): string | null {
  if (attribute) return attribute;
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('hold') || null;
}

/**
 * What `booking.offer` says about a token: the live offer, or the notice to
 * show instead: `offer.gone` when it expired, was used, was never issued or
 * is malformed (the client books the ordinary way), else a failure to load
 * (no answer, or the server's own fault: the client may try again).
 */
export async function readOffer(
  api: TcrmApi,
  holdToken: string,
): Promise<Offer | 'offer.gone' | 'error.network' | 'error.load'> {
  try {
    return await api.booking.offer.query({ holdToken });
  } catch (error) {
    const { code } = failure(error);
    if (code === 'NOT_FOUND' || code === 'PRECONDITION_FAILED' || code === 'VALIDATION_FAILED')
      return 'offer.gone';
    return code === 'NETWORK_ERROR' ? 'error.network' : 'error.load';
  }
}

/**
 * Opens the offer `token` names straight at the details step, with the
 * type from the list (an inactive type is not in it) and the offer's
 * countdown. Returns false when the offer is gone: the notice is set and the
 * client books the ordinary way.
 */
export async function openOffer(host: TcrmBooking, api: TcrmApi, token: string): Promise<boolean> {
  const offer = await readOffer(api, token);
  if (typeof offer === 'string') {
    host.notice = offer;
    if (offer === 'offer.gone') return false;
    host.step = 'error';
    return true;
  }
  const { holdId, startsAt, endsAt, expiresAt } = offer;
  host.offer = offer;
  host.type = host.types.find((t) => t.id === offer.appointmentTypeId);
  host.weekStart = host.today;
  host.hold = { holdId, holdToken: token, startsAt, endsAt, expiresAt };
  host.dispatchEvent(new TcrmOfferOpenedEvent({ holdId, startsAt, endsAt, expiresAt }));
  // No focus move: the page has just opened on this step.
  await host.showHeld(false);
  return true;
}
