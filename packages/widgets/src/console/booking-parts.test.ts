// The booking screens' pure parts (no server): routes, practice-time
// arithmetic across DST, money and time parsing, the server's field errors.
import { expect } from '@open-wc/testing';
import { TcrmApiError } from '../api/api-error.js';
import { parseRoute, routeHash } from './route.js';
import {
  isoWeekday,
  minuteToTime,
  serverFieldErrors,
  timeToMinute,
  weekStart,
  zonedInstant,
} from './views/booking-shared.js';
import { emptyDraft, parseMoney, toInput } from './views/appointment-type-form.js';

describe('booking screens: parts', () => {
  it('parses and writes the booking routes', () => {
    expect(parseRoute('#/calendar')).to.deep.equal({ name: 'calendar', view: 'week', date: '' });
    const day = parseRoute('#/calendar?view=day&date=2026-03-08');
    expect(day).to.deep.equal({ name: 'calendar', view: 'day', date: '2026-03-08' });
    expect(routeHash(day)).to.equal('#/calendar?view=day&date=2026-03-08');
    expect(parseRoute('#/calendar?date=tomorrow')).to.deep.equal({
      name: 'calendar',
      view: 'week',
      date: '',
    });
    expect(parseRoute('#/availability')).to.deep.equal({ name: 'availability' });
    expect(parseRoute('#/appointment-types')).to.deep.equal({ name: 'appointment-types' });
  });

  it('turns practice wall-clock times into instants on DST days', () => {
    const ny = 'America/New_York';
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    expect(new Date(zonedInstant(ny, '2026-03-08', 60)).toISOString()).to.equal(
      '2026-03-08T06:00:00.000Z',
    );
    expect(new Date(zonedInstant(ny, '2026-03-08', 9 * 60)).toISOString()).to.equal(
      '2026-03-08T13:00:00.000Z',
    );
    // 1 November 2026: 02:00 EDT falls back to 01:00 EST.
    expect(new Date(zonedInstant(ny, '2026-11-01', 9 * 60)).toISOString()).to.equal(
      '2026-11-01T14:00:00.000Z',
    );
    expect(
      new Date(zonedInstant('Asia/Kolkata', '2026-06-01', 9 * 60 + 30)).toISOString(),
    ).to.equal('2026-06-01T04:00:00.000Z');
  });

  it('numbers weekdays as the server does (1 = Monday) and starts weeks on Monday', () => {
    expect(isoWeekday('2026-03-09')).to.equal(1);
    expect(isoWeekday('2026-03-08')).to.equal(7);
    expect(weekStart('2026-03-08')).to.equal('2026-03-02');
    expect(weekStart('2026-03-09')).to.equal('2026-03-09');
  });

  it('reads times and money as typed', () => {
    expect(timeToMinute('09:30')).to.equal(570);
    expect(timeToMinute('00:00', true)).to.equal(1440);
    expect(Number.isNaN(timeToMinute(''))).to.equal(true);
    expect(minuteToTime(1170)).to.equal('19:30');
    expect([
      parseMoney('150'),
      parseMoney('150.5'),
      parseMoney('150,05'),
      parseMoney('ten'),
    ]).to.deep.equal([15_000, 15_050, 15_005, null]);
    const { input, invalid } = toInput({
      ...emptyDraft(),
      name: 'X',
      priceCents: '1.5',
      dailyCap: '',
      durationMinutes: 'x',
    });
    expect(invalid).to.deep.equal([]);
    expect(input).to.include({ priceCents: 150, dailyCap: null, durationMinutes: 'x' });
  });

  it("maps the server's zod field errors and a DomainError's field", () => {
    const zod = new TcrmApiError('Invalid input', {
      message: 'Invalid input',
      data: {
        appCode: 'VALIDATION_FAILED',
        validation: { formErrors: [], fieldErrors: { hours: ['Hours must not overlap'] } },
      },
    });
    expect(serverFieldErrors(zod)).to.deep.equal({ hours: 'Hours must not overlap' });
    const domain = new TcrmApiError('The deposit cannot exceed the price', {
      message: 'The deposit cannot exceed the price',
      data: { appCode: 'VALIDATION_FAILED', details: { field: 'depositCents' } },
    });
    expect(serverFieldErrors(domain)).to.deep.equal({
      depositCents: 'The deposit cannot exceed the price',
    });
    expect(serverFieldErrors(new Error('x'))).to.deep.equal({});
  });
});
