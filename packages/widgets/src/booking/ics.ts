// An add-to-calendar file built in the browser: the appointment's time and
// the practice's name only. Calendars sync to third parties, so nothing
// about the client or the kind of appointment goes in.

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Escapes TEXT values (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** A `data:` URL of a one-event iCalendar file. */
export function icsDataUrl(event: { startsAt: string; endsAt: string; title: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//therapyCRM//booking//EN',
    'BEGIN:VEVENT',
    // A random UID: the appointment id would link the file back to a record.
    `UID:${crypto.randomUUID()}@therapycrm`,
    `DTSTAMP:${stamp(new Date().toISOString())}`,
    `DTSTART:${stamp(event.startsAt)}`,
    `DTEND:${stamp(event.endsAt)}`,
    `SUMMARY:${text(event.title)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(lines.join('\r\n'))}`;
}
