import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsUtc } from './ics.js';

const event = {
  uid: '0b7c3c1e-0000-4000-8000-000000000001@therapycrm',
  stamp: new Date('2026-03-02T12:00:00.123Z'),
  start: new Date('2026-03-03T15:00:00Z'),
  end: new Date('2026-03-03T15:50:00Z'),
  summary: 'Appointment with Harbor Light Counseling, LLC; Ñandú',
  method: 'REQUEST' as const,
};

describe('ics', () => {
  it('writes UTC times, CRLF line ends and the required properties', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20260303T150000Z');
    expect(lines).toContain('DTEND:20260303T155000Z');
    expect(lines).toContain('DTSTAMP:20260302T120000Z');
    expect(lines).toContain(`UID:${event.uid}`);
    expect(lines).toContain('METHOD:REQUEST');
    expect(ics).toContain('SUMMARY:Appointment with Harbor Light Counseling\\, LLC\\; Ñandú');
    expect(icsUtc(new Date('2026-12-31T23:59:59Z'))).toBe('20261231T235959Z');
  });

  it('folds lines at 75 octets without splitting a multi-byte character, and unfolds back to the original', () => {
    const long = 'DESCRIPTION:' + 'é'.repeat(50) + 'x'.repeat(100);
    const folded = foldLine(long);
    for (const line of folded.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').length).toBeGreaterThan(2);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    const exact = 'X'.repeat(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(exact + 'Y')).toBe(exact + '\r\n Y');
  });

  it('escapes TEXT values and marks cancellations', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const cancel = buildIcs({ ...event, method: 'CANCEL', sequence: 2 });
    expect(cancel).toContain('METHOD:CANCEL\r\n');
    expect(cancel).toContain('STATUS:CANCELLED\r\n');
    expect(cancel).toContain('SEQUENCE:2\r\n');
  });
});
