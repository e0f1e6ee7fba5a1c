// Strings of <tcrm-booking-manage> (English here, Spanish in a lazily loaded
// chunk), kept beside the element like the booking widget's. `{name}`
// placeholders, filled with the booking widget's `fill`.
import { elementCatalogue } from '../i18n/element-catalogue.js';

export const manageEn = {
  loading: 'Loading your appointment…',
  'error.network': 'We could not reach the practice. Check your connection and try again.',
  'error.load': 'Your appointment cannot be shown right now. Please try again later.',
  retry: 'Try again',
  thePractice: 'the practice',
  'invalid.title': 'This link does not work',
  'invalid.body':
    'Please use the link in the newest e-mail about your appointment, or contact {practice}.',
  'expired.title': 'This link has expired',
  'expired.body': 'To change or cancel this appointment, please contact {practice}.',
  'summary.title': 'Your appointment',
  status: 'Status',
  'status.confirmed': 'Confirmed',
  'status.requested': 'Requested: the practice will confirm your time',
  'status.cancelled': 'Cancelled',
  'status.past': 'Past appointment',
  when: 'When',
  appointment: 'Appointment',
  where: 'Where',
  with: 'With',
  paid: 'Paid',
  minutes: '{n} min',
  in_person: 'In person',
  telehealth: 'Video (telehealth)',
  practiceTime: '{time} at the practice ({zone})',
  timeZone: 'Your time zone',
  'policy.title': 'Cancellation policy',
  'policy.freeUntil': 'You can cancel or reschedule for free until {time}.',
  'policy.feeAfter': 'After that, a late-cancellation fee of {fee} applies.',
  'policy.noFeeAfter': 'After that, you can still cancel for free, but not reschedule online.',
  'policy.lateFee':
    'Free cancellation ended on {time}. Cancelling now costs a late-cancellation fee of {fee}.',
  'policy.lateNoFee': 'Free cancellation ended on {time}; you can still cancel at no charge.',
  outsideWindow:
    'It is too late to change the time online. To reschedule, please contact {practice}.',
  cancelledNote:
    'This appointment is cancelled. If you moved it to another time, use the link in the newest e-mail.',
  pastNote: 'This appointment has already started. For questions, please contact {practice}.',
  reschedule: 'Reschedule',
  cancel: 'Cancel appointment',
  'cancel.title': 'Cancel this appointment?',
  'cancel.free': 'Cancelling now is free.',
  'cancel.refund': 'Your payment of {paid} will be refunded.',
  'cancel.late': 'This is a late cancellation: a fee of {fee} applies.',
  'cancel.kept': '{kept} of your {paid} payment will be kept for the fee.',
  'cancel.refundRest': '{refund} will be refunded.',
  'cancel.due': '{due} will be due; the practice will contact you about paying it.',
  'cancel.confirm': 'Yes, cancel appointment',
  keep: 'Keep appointment',
  cancelling: 'Cancelling…',
  'cancel.failed': 'Your appointment is not cancelled yet. Please try again.',
  notCancellable: 'This appointment can no longer be cancelled online. Please contact {practice}.',
  'cancelled.title': 'Appointment cancelled',
  'cancelled.body': 'Your appointment on {time} is cancelled.',
  'cancelled.fee': 'A late-cancellation fee of {fee} applies.',
  'cancelled.refund': '{refund} will be refunded to your original payment method.',
  'cancelled.due': '{due} is due; the practice will contact you about paying it.',
  'reschedule.title': 'Choose a new time',
  current: 'Current time: {time}',
  practiceZone: 'Times are shown in your time zone. The practice is in {zone}.',
  prevWeek: 'Previous week',
  nextWeek: 'Next week',
  slotsLabel: 'Available times, {range}',
  noTimes: 'No times this week.',
  loadingTimes: 'Loading times…',
  back: 'Back to your appointment',
  'move.title': 'Move to {time}?',
  from: 'From',
  to: 'To',
  'move.confirm': 'Yes, move my appointment',
  otherTime: 'Choose another time',
  moving: 'Moving…',
  taken: 'That time was just taken. Please choose another time.',
  unavailable: 'That time is no longer available. Please choose another time.',
  'move.failed': 'Your appointment was not moved. Please try again.',
  'moved.title': 'Appointment moved',
  'moved.body': 'Your appointment is now on {time}.',
} as const;

export type ManageMessageKey = keyof typeof manageEn;
export type ManageCatalogue = Readonly<Record<ManageMessageKey, string>>;

// Pure: a page that imports only this module's helpers does not keep the strings.
const catalogue = /* @__PURE__ */ elementCatalogue<ManageCatalogue>(manageEn, {
  es: () => import('./manage-messages.es.js').then((m) => m.manageEs),
});

/** Adds or replaces a language's strings (a loader keeps them out of the bundle until used). */
export const registerManageCatalogue = catalogue.register;

/** The strings for `language`: English while another loads (the host re-renders when it arrives). */
export const manageCatalogue = catalogue.get;
