// Events of <tcrm-booking-manage>. They bubble out of the shadow root to the
// page, so they carry ids only: never the manage token (the capability to
// change the booking), times, names or amounts.

const init: EventInit = { bubbles: true, composed: true };

/** The client cancelled the appointment through the manage link. */
export class TcrmAppointmentCancelledEvent extends Event {
  constructor(readonly detail: { readonly appointmentId: string }) {
    super('tcrm-appointment-cancelled', init);
  }
}

/**
 * The client moved the appointment: the server released the old row and
 * booked a new one (a new id, and a new manage link the element now uses).
 */
export class TcrmAppointmentRescheduledEvent extends Event {
  constructor(
    readonly detail: { readonly appointmentId: string; readonly previousAppointmentId: string },
  ) {
    super('tcrm-appointment-rescheduled', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'tcrm-appointment-cancelled': TcrmAppointmentCancelledEvent;
    'tcrm-appointment-rescheduled': TcrmAppointmentRescheduledEvent;
  }
}
