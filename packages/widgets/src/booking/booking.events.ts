// Events of <tcrm-booking>. They bubble out of the shadow root to the
// practice's page, where analytics or tag managers may listen, so their
// details carry ids and times only: never the client's name, e-mail or
// phone, nor the hold token (the capability to confirm the hold).

const init: EventInit = { bubbles: true, composed: true };

/** A slot is held for the client while they enter their details. */
export class TcrmSlotHeldEvent extends Event {
  constructor(
    readonly detail: {
      readonly holdId: string;
      readonly startsAt: string;
      readonly endsAt: string;
      readonly expiresAt: string;
    },
  ) {
    super('tcrm-slot-held', init);
  }
}

/**
 * The server booked the appointment (`confirmed`) or recorded the request
 * (`requested`). Not fired when the client leaves to pay: the booking is
 * confirmed later, by the payment's webhook.
 */
export class TcrmBookedEvent extends Event {
  constructor(
    readonly detail: { readonly appointmentId: string; readonly status: 'confirmed' | 'requested' },
  ) {
    super('tcrm-booked', init);
  }
}

/**
 * A waitlist offer link (`#hold=` or `hold-token`) named a live hold: the
 * widget shows that time with its countdown and asks for the client's
 * details. Not fired for an expired, used or unknown offer.
 */
export class TcrmOfferOpenedEvent extends Event {
  constructor(
    readonly detail: {
      readonly holdId: string;
      readonly startsAt: string;
      readonly endsAt: string;
      readonly expiresAt: string;
    },
  ) {
    super('tcrm-offer-opened', init);
  }
}

/**
 * The client joined the waitlist (or was already on it: the server answers
 * the same). Their e-mail address is not in the detail.
 */
export class TcrmWaitlistJoinedEvent extends Event {
  constructor(
    readonly detail: {
      readonly appointmentTypeId: string;
      /** `null`: any clinician. */
      readonly clinicianId: string | null;
      readonly from: string;
      readonly to: string;
    },
  ) {
    super('tcrm-waitlist-joined', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'tcrm-slot-held': TcrmSlotHeldEvent;
    'tcrm-booked': TcrmBookedEvent;
    'tcrm-offer-opened': TcrmOfferOpenedEvent;
    'tcrm-waitlist-joined': TcrmWaitlistJoinedEvent;
  }
}
