import { describe, expect, it } from 'vitest';
import { bookableWindow, freeSlots, type ClinicianSchedule, type SlotRules } from './slots.js';
import { IntervalIndex } from './interval-index.js';
import { DateTime } from 'luxon';
import { ZoneRules, formatUtc } from './zoned-time.js';

const NY = new ZoneRules('America/New_York');
const H = 3_600_000;
const M = 60_000;
const iso = (s: string) => Date.parse(s);

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  appointmentTypeId: 'type-a',
  durationMinutes: 30,
  slotIntervalMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  dailyCap: null,
  ...over,
});

const schedule = (over: Partial<ClinicianSchedule> = {}): ClinicianSchedule => ({
  clinicianId: 'c1',
  // Every day 09:00–17:00, and early hours on Sundays for the DST days.
  weeklyHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })).concat([
    { weekday: 7, startMinute: 0, endMinute: 360 },
  ]),
  overrides: new Map(),
  timeOff: [],
  busy: [],
  typeStarts: [],
  ...over,
});

/** Slots of one local day rendered in `zone`. */
function localTimes(slots: { startsAt: number }[], zone = NY) {
  return slots.map((s) => zone.formatLocal(s.startsAt));
}

const dayWindow = (date: string) => ({ from: iso(`${date}T00:00:00-12:00`) - 24 * H, to: iso(`${date}T00:00:00Z`) + 48 * H });
const onDate = (slots: { startsAt: number }[], date: string) => slots.filter((s) => NY.localDateOf(s.startsAt) === date);

describe('freeSlots across daylight-saving changes (America/New_York)', () => {
  it('has no slot in the skipped hour when clocks go forward, and correct offsets either side', () => {
    const slots = onDate(freeSlots(schedule(), rules(), dayWindow('2026-03-08'), NY), '2026-03-08');
    expect(localTimes(slots)).toEqual([
      '2026-03-08T00:00:00-05:00',
      '2026-03-08T00:30:00-05:00',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T01:30:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T04:00:00-04:00',
      '2026-03-08T04:30:00-04:00',
      '2026-03-08T05:00:00-04:00',
      '2026-03-08T05:30:00-04:00',
    ]);
    // 01:30 EST → 06:30Z lasts 30 real minutes and ends at 03:00 EDT.
    expect(new Date(slots[3]!.startsAt).toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(new Date(slots[4]!.startsAt).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('offers the repeated 01:30 once, at its first occurrence, when clocks go back', () => {
    const slots = onDate(freeSlots(schedule(), rules(), dayWindow('2026-11-01'), NY), '2026-11-01');
    const times = localTimes(slots);
    expect(times.filter((t) => t.includes('T01:30'))).toEqual(['2026-11-01T01:30:00-04:00']);
    expect(times).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T00:30:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T02:00:00-05:00',
      '2026-11-01T02:30:00-05:00',
      '2026-11-01T03:00:00-05:00',
      '2026-11-01T03:30:00-05:00',
      '2026-11-01T04:00:00-05:00',
      '2026-11-01T04:30:00-05:00',
      '2026-11-01T05:00:00-05:00',
      '2026-11-01T05:30:00-05:00',
    ]);
    expect(new Set(slots.map((s) => s.startsAt)).size).toBe(slots.length);
    expect(new Date(slots[3]!.startsAt).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(slots[4]!.startsAt).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('keeps 09:00 local on both sides of a change (UTC hour moves, wall time does not)', () => {
    const week = { from: iso('2026-03-06T00:00:00Z'), to: iso('2026-03-11T00:00:00Z') };
    const nine = freeSlots(schedule(), rules(), week, NY).filter((s) => NY.formatLocal(s.startsAt).includes('T09:00'));
    expect(nine.map((s) => new Date(s.startsAt).toISOString())).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
  });

  it('renders the same instants in the client timezone', () => {
    const slots = onDate(freeSlots(schedule(), rules(), dayWindow('2026-03-09'), NY), '2026-03-09');
    const london = new ZoneRules('Europe/London');
    expect(london.formatLocal(slots[0]!.startsAt)).toBe('2026-03-09T13:00:00+00:00');
    const kolkata = new ZoneRules('Asia/Kolkata');
    expect(kolkata.formatLocal(slots[0]!.startsAt)).toBe('2026-03-09T18:30:00+05:30');
  });
});

describe('freeSlots rules', () => {
  const monday = '2026-03-16';
  const at = (local: string) => iso(`${monday}T${local}:00-04:00`);
  const day = { from: at('00:00'), to: at('23:59') };

  it('applies minimum notice and maximum horizon through bookableWindow', () => {
    const now = at('09:10');
    const w = bookableWindow({ minNoticeMinutes: 120, maxHorizonDays: 1 }, now, { from: now - H, to: now + 10 * 24 * H })!;
    const slots = freeSlots(schedule(), rules(), w, NY);
    expect(NY.formatLocal(slots[0]!.startsAt)).toBe('2026-03-16T11:30:00-04:00');
    expect(Math.max(...slots.map((s) => s.startsAt))).toBeLessThan(now + 24 * H);
    expect(NY.formatLocal(slots.at(-1)!.startsAt)).toBe('2026-03-17T09:00:00-04:00');
    expect(bookableWindow({ minNoticeMinutes: 0, maxHorizonDays: 1 }, now, { from: now + 2 * 24 * H, to: now + 3 * 24 * H })).toBeNull();
  });

  it('keeps buffers around existing appointments on both sides', () => {
    // Busy 10:00–10:50 with its own 10-minute buffers → blocked 09:50–11:00.
    const busy = [{ from: at('09:50'), to: at('11:00') }];
    const plain = rules({ durationMinutes: 50, slotIntervalMinutes: 60 });
    const buffered = rules({ durationMinutes: 50, slotIntervalMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 });
    const times = (r: SlotRules) => localTimes(freeSlots(schedule({ busy }), r, day, NY)).map((t) => t.slice(11, 16));
    expect(times(plain)).toEqual(['09:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(times(buffered)).toEqual(['12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('uses date overrides instead of weekly hours (custom hours or unavailable)', () => {
    const overrides = new Map([
      [monday, [{ startMinute: 780, endMinute: 870 }]],
      ['2026-03-17', []],
    ]);
    const twoDays = { from: at('00:00'), to: at('00:00') + 48 * H };
    const slots = freeSlots(schedule({ overrides }), rules(), twoDays, NY);
    expect(localTimes(slots)).toEqual(['2026-03-16T13:00:00-04:00', '2026-03-16T13:30:00-04:00', '2026-03-16T14:00:00-04:00']);
  });

  it('removes slots that touch time off', () => {
    const timeOff = [{ from: at('09:45'), to: at('16:00') }];
    const slots = freeSlots(schedule({ timeOff }), rules(), day, NY);
    expect(localTimes(slots).map((t) => t.slice(11, 16))).toEqual(['09:00', '16:00', '16:30']);
  });

  it('stops offering a type on a day that reached its daily cap (other types do not count)', () => {
    // One of this type at 09:00; another type's appointment at 10:00 is busy time only.
    const busy = [
      { from: at('09:00'), to: at('09:30') },
      { from: at('10:00'), to: at('10:30') },
    ];
    const typeStarts = [at('09:00')];
    const twoDays = { from: at('00:00'), to: at('00:00') + 48 * H };
    const capped = freeSlots(schedule({ busy, typeStarts }), rules({ dailyCap: 1 }), twoDays, NY);
    expect(new Set(capped.map((s) => NY.localDateOf(s.startsAt)))).toEqual(new Set(['2026-03-17']));
    const capTwo = freeSlots(schedule({ busy, typeStarts }), rules({ dailyCap: 2 }), twoDays, NY);
    expect(capTwo.some((s) => NY.localDateOf(s.startsAt) === monday)).toBe(true);
  });

  it('steps by the slot interval, not the duration, and never runs past the working range', () => {
    const slots = freeSlots(schedule(), rules({ durationMinutes: 50, slotIntervalMinutes: 15 }), day, NY);
    const times = localTimes(slots).map((t) => t.slice(11, 16));
    expect(times.slice(0, 3)).toEqual(['09:00', '09:15', '09:30']);
    expect(times.at(-1)).toBe('16:00');
    expect(slots.every((s) => s.endsAt - s.startsAt === 50 * M)).toBe(true);
  });
});

describe('ZoneRules fast path', () => {
  it('formats instants exactly like Date and Luxon (whole minutes and not)', () => {
    const zones = ['America/New_York', 'Asia/Kathmandu', 'UTC', 'America/St_Johns'].map((z) => new ZoneRules(z));
    let seed = 3;
    const mismatches: string[] = [];
    for (let i = 0; i < 4000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // Whole minutes from 1960 to 2080, every other one nudged off the minute.
      const ts = Date.UTC(1960, 0, 1) + (seed % 63_000_000) * M + (i % 2 ? (seed % 59_999) + 1 : 0);
      if (formatUtc(ts) !== new Date(ts).toISOString()) mismatches.push(`utc ${ts}`);
      for (const z of zones) {
        const expected = DateTime.fromMillis(ts, { zone: z.name }).toISO({ suppressMilliseconds: true, includeOffset: true })!.replace('Z', '+00:00');
        const got = z.formatLocal(ts);
        if (got !== expected.slice(0, 19) + expected.slice(-6)) mismatches.push(`${z.name} ${ts} ${got} ${expected}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });


  it.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'])(
    'puts every slot of a whole year on the wall-clock grid of %s, once',
    (name) => {
      const zone = new ZoneRules(name);
      const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
      const year = { from: iso('2026-01-01T00:00:00Z'), to: iso('2027-01-01T00:00:00Z') };
      const slots = freeSlots(schedule({ weeklyHours: allDay }), rules({ durationMinutes: 15 }), year, zone);
      const seen = new Set<string>();
      const wrong: string[] = [];
      for (const s of slots) {
        const local = zone.formatLocal(s.startsAt);
        const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
        // On the grid, the careful conversion of the same wall time gives the same instant, and no repeats.
        if (minute % 30 !== 0 || zone.toInstant(local.slice(0, 10), minute, 'skip') !== s.startsAt || seen.has(local.slice(0, 16))) {
          wrong.push(local);
        }
        seen.add(local.slice(0, 16));
      }
      expect(wrong).toEqual([]);
      // 48 a day, minus the wall times a spring-forward skips.
      expect(slots.length).toBeGreaterThan(365 * 48 - 4);
      expect(slots.length).toBeLessThanOrEqual(365 * 48);
    },
  );
});

describe('IntervalIndex', () => {
  it('agrees with a brute-force overlap check, including overlapping intervals', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const intervals = Array.from({ length: 300 }, () => {
      const from = rnd(10_000);
      return { from, to: from + 1 + rnd(200) };
    });
    const index = new IntervalIndex(intervals);
    for (let i = 0; i < 3000; i++) {
      const from = rnd(10_300) - 100;
      const to = from + 1 + rnd(150);
      const expected = intervals.some((iv) => iv.from < to && iv.to > from);
      expect(index.overlaps(from, to)).toBe(expected);
    }
  });
});
