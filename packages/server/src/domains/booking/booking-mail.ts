// The client e-mails of a booking: confirmation, reminder, change and
// cancellation. What they may say (REQUIREMENTS: no PHI in e-mail): the
// practice's name, the date and time in the practice's timezone and a manage
// link. Never the client's name, the appointment type (it can reveal the kind
// of care) or anything clinical; the recipient's address is only in the
// envelope and To: header. The .ics attachment follows the same rule.
import { DateTime } from 'luxon';
import type { OutgoingMail } from '../../mail/mailer.js';
import { buildIcs } from './ics.js';

export type BookingMailKind = 'confirmation' | 'reminder' | 'change' | 'cancellation';

export interface BookingMailFacts {
  to: string;
  practiceName: string;
  practiceTimeZone: string;
  appointmentId: string;
  startsAt: Date;
  endsAt: Date;
  now: Date;
  /** Absent for a cancellation (nothing left to manage). */
  manageUrl?: string;
  /** A change: the appointment it replaced, whose calendar entry is cancelled. */
  previousAppointmentId?: string;
}

/** "Tuesday, March 3, 2026 at 10:00 AM EST (America/New_York)" */
export function practiceTime(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone }).setLocale('en-US');
  return `${local.toFormat("cccc, LLLL d, yyyy 'at' h:mm a ZZZZ")} (${zone})`;
}

export const calendarUid = (appointmentId: string) => `${appointmentId}@therapycrm`;

function calendarFile(
  f: BookingMailFacts,
  appointmentId: string,
  method: 'REQUEST' | 'CANCEL',
  filename: string,
) {
  return {
    filename,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: buildIcs({
      uid: calendarUid(appointmentId),
      stamp: f.now,
      start: f.startsAt,
      end: f.endsAt,
      summary: `Appointment with ${f.practiceName}`,
      method,
      sequence: method === 'CANCEL' ? 1 : 0,
      ...(f.manageUrl
        ? { url: f.manageUrl, description: `Reschedule or cancel: ${f.manageUrl}` }
        : {}),
    }),
  };
}

const SUBJECTS: Record<BookingMailKind, (p: string) => string> = {
  confirmation: (p) => `Your appointment with ${p} is booked`,
  reminder: (p) => `Reminder: your appointment with ${p}`,
  change: (p) => `Your appointment with ${p} has moved`,
  cancellation: (p) => `Your appointment with ${p} is cancelled`,
};

const OPENERS: Record<BookingMailKind, string> = {
  confirmation: 'Your appointment is booked for',
  reminder: 'This is a reminder of your appointment on',
  change: 'Your appointment has moved to',
  cancellation: 'Your appointment has been cancelled. It was on',
};

export function bookingMail(kind: BookingMailKind, f: BookingMailFacts): OutgoingMail {
  const when = practiceTime(f.startsAt, f.practiceTimeZone);
  const lines = [`${OPENERS[kind]} ${when} with ${f.practiceName}.`, ''];
  if (f.manageUrl) lines.push('To reschedule or cancel, use this link:', f.manageUrl, '');
  lines.push(
    kind === 'cancellation'
      ? "To book another time, visit the practice's website."
      : 'The attached calendar file adds it to your calendar.',
    '',
    `This message was sent by ${f.practiceName} through therapyCRM.`,
  );
  const attachments =
    kind === 'cancellation'
      ? [calendarFile(f, f.appointmentId, 'CANCEL', 'cancelled.ics')]
      : [
          calendarFile(f, f.appointmentId, 'REQUEST', 'appointment.ics'),
          ...(f.previousAppointmentId
            ? [calendarFile(f, f.previousAppointmentId, 'CANCEL', 'cancelled.ics')]
            : []),
        ];
  return { to: f.to, subject: SUBJECTS[kind](f.practiceName), text: lines.join('\n'), attachments };
}
