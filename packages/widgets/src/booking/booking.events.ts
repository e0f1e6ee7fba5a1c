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

declare global {
  interface HTMLElementEventMap {
    'tcrm-slot-held': TcrmSlotHeldEvent;
    'tcrm-booked': TcrmBookedEvent;
  }
}
