// The booking widget's own strings, beside it (English here, Spanish in a
// lazily loaded chunk), so the widget's wording grows without touching the
// fields' shared catalogue. `{name}` placeholders.
import { elementCatalogue } from '../i18n/element-catalogue.js';

export const bookingEn = {
  loading: 'Loading…',
  'error.load': 'Booking is not available right now. Please try again later.',
  'error.network': 'We could not reach the practice. Check your connection and try again.',
  retry: 'Try again',
  'types.title': 'Choose an appointment',
  'types.empty': 'There are no appointments to book online. Please contact the practice.',
  minutes: '{n} min',
  in_person: 'In person',
  telehealth: 'Video (telehealth)',
  free: 'Free',
  deposit: '{amount} deposit when booking.',
  instant: 'Booked instantly.',
  request: 'Request to book: the practice confirms your time.',
  new_only: 'For new clients.',
  existing_only: 'For existing clients.',
  'policy.free': 'Cancel or reschedule for free up to {hours} hours before.',
  'policy.fee': 'Later cancellations cost {fee}.',
  'policy.none': 'Cancel or reschedule at any time.',
  'time.title': 'Choose a time',
  change: 'Change',
  clinician: 'Clinician',
  anyClinician: 'Any available clinician',
  timeZone: 'Your time zone',
  practiceZone: 'Times are shown in your time zone. The practice is in {zone}.',
  prevWeek: 'Previous week',
  nextWeek: 'Next week',
  slotsLabel: 'Available times, {range}',
  noTimes: 'No times this week.',
  loadingTimes: 'Loading times…',
  taken: 'That time was just taken. Please choose another time.',
  unavailable: 'That time is no longer available. Please choose another time.',
  expired: 'Your hold on that time has expired. Please choose a time again.',
  'details.title': 'Your details',
  heldFor: 'We are holding this time for you: {time} left.',
  twoMinutes: '2 minutes left to finish booking.',
  practiceTime: '{time} at the practice',
  otherTime: 'Choose another time',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone (optional)',
  phoneHint: 'Digits, spaces, brackets and dashes, e.g. (207) 555-0142.',
  book: 'Book appointment',
  sendRequest: 'Send request',
  booking: 'Booking…',
  'confirm.failed':
    'Your appointment is not booked yet. Please try again: you will only be booked once.',
  'confirm.invalid': 'Please check your details.',
  'confirm.verify':
    'This appointment needs a verified e-mail address. Please contact the practice to book it.',
  'confirm.payment':
    'Online payment is not available right now. Please contact the practice to book.',
  'confirm.eligibility': 'This appointment is not available for you. Please choose another one.',
  'done.booked': 'You are booked',
  'done.requested': 'Request sent',
  'done.requestedBody': 'The practice will confirm your time by e-mail.',
  'done.paid': 'Payment received. Your appointment is confirmed.',
  'done.cancelled': 'Payment was cancelled, so the time was not booked.',
  addToCalendar: 'Add to calendar',
  calendarTitle: 'Appointment with {practice}',
  bookAnother: 'Book another appointment',
  'offer.title': 'A time opened up for you',
  'offer.with': '{type} with {clinician}',
  'offer.heldUntil': 'It is held for you until {time}. Enter your details to book it.',
  'offer.gone': 'This offer has expired or was already taken. You can still choose a time below.',
  'waitlist.prompt': 'None of these times work?',
  'waitlist.emptyPrompt': 'We can e-mail you when a time opens up.',
  'waitlist.open': 'Join the waitlist',
  'waitlist.title': 'Join the waitlist',
  'waitlist.intro': 'We will e-mail you if a time for {type} opens up with {clinician}.',
  'waitlist.anyClinician': 'any available clinician',
  'waitlist.until': 'Look for times until',
  'waitlist.joining': 'Joining…',
  cancel: 'Cancel',
  'waitlist.joined': 'You are on the waitlist',
  'waitlist.joinedBody': 'We will e-mail you if a time opens up between {from} and {to}.',
  'waitlist.rateLimited': 'Too many attempts. Please wait a few minutes and try again.',
  'waitlist.invalid': 'Please check your e-mail address and try again.',
  'waitlist.gone': 'This appointment can no longer be booked online. Please contact the practice.',
  'waitlist.failed': 'We could not add you to the waitlist. Please try again.',
} as const;

export type BookingMessageKey = keyof typeof bookingEn;
export type BookingCatalogue = Readonly<Record<BookingMessageKey, string>>;

// Pure: a page that imports only this module's helpers does not keep the strings.
const catalogue = /* @__PURE__ */ elementCatalogue<BookingCatalogue>(bookingEn, {
  es: () => import('./booking-messages.es.js').then((m) => m.bookingEs),
});

/**
 * Adds or replaces the booking strings of a language (a loader keeps them
 * out of the bundle until used), as `registerCatalogue` does for the fields.
 */
export const registerBookingCatalogue = catalogue.register;

/** The strings for `language`: English while another loads (the host re-renders when it arrives). */
export const bookingCatalogue = catalogue.get;

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, k: string) => String(params[k] ?? whole))
    : text;
}
