// The booking's own text field, shared by its lazily loaded steps (details,
// waitlist): a split chunk, so a page that only lists times loads neither.
import { defineElement } from '../internal/define.js';
import { TcrmTextField } from '../text-field/text-field.js';

/**
 * The text field without browser form-state restore: the client's name,
 * e-mail and phone must not be written into session history (which the
 * browser may keep on disk), e.g. when the page leaves for Stripe Checkout.
 */
export class TcrmBookingField extends TcrmTextField {
  protected override formState(): null {
    return null;
  }
}
defineElement('tcrm-booking-field', TcrmBookingField);

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-booking-field': TcrmBookingField;
  }
}

/** Fields render their input in a shadow root, where Enter does not submit the form: do it. */
export function submitOnEnter(e: KeyboardEvent): void {
  const target = e.target as Element;
  if (e.key === 'Enter' && target.localName === 'tcrm-booking-field')
    (e.currentTarget as HTMLFormElement).requestSubmit();
}
