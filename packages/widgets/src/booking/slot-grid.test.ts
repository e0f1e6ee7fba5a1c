import { expect, html } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, press, render } from '../testing/fixtures.js';
import type { GridSlot, TcrmSlotGrid } from './slot-grid.js';
import { addDays, localDate, startOfDay } from './zoned-time.js';
import './define.js';

// The grid and the timezone arithmetic on their own, around New York's
// spring-forward day (2026-03-08: 02:00 → 03:00), where a 24-hour step
// would put a time on the wrong day.
const NY = 'America/New_York';
const at = (iso: string): GridSlot => ({
  startsAt: new Date(iso).toISOString(),
  endsAt: new Date(Date.parse(iso) + 50 * 60_000).toISOString(),
  clinicianId: 'c',
});
const SLOTS = [
  at('2026-03-07T14:00:00Z'), // Sat 09:00 EST
  at('2026-03-07T15:00:00Z'),
  at('2026-03-08T06:30:00Z'), // Sun 01:30 EST, before the change
  at('2026-03-08T13:00:00Z'), // Sun 09:00 EDT
  at('2026-03-08T14:00:00Z'),
  at('2026-03-08T15:00:00Z'),
  at('2026-03-09T04:30:00Z'), // Mon 00:30 EDT: Monday, not Sunday
];

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

describe('tcrm-slot-grid and zoned time', () => {
  it('has no axe violations', async () => {
    const grid = await render<TcrmSlotGrid>(
      html`<tcrm-slot-grid
        .slots=${SLOTS}
        time-zone=${NY}
        label="Available times"
      ></tcrm-slot-grid>`,
    );
    expect(await axeViolations(grid)).to.deep.equal([]);
  });

  it('finds local midnight and local dates across a DST change', () => {
    expect(new Date(startOfDay(NY, '2026-03-08')).toISOString()).to.equal(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(startOfDay(NY, '2026-03-09')).toISOString()).to.equal(
      '2026-03-09T04:00:00.000Z',
    );
    expect(new Date(startOfDay(NY, '2026-11-01')).toISOString()).to.equal(
      '2026-11-01T04:00:00.000Z',
    );
    expect(new Date(startOfDay('Asia/Kolkata', '2026-03-08')).toISOString()).to.equal(
      '2026-03-07T18:30:00.000Z',
    );
    expect(localDate(NY, Date.parse('2026-03-09T03:59:00Z'))).to.equal('2026-03-08');
    expect(localDate(NY, Date.parse('2026-03-09T04:00:00Z'))).to.equal('2026-03-09');
    expect(addDays('2026-02-27', 7)).to.equal('2026-03-06');
  });

  it('puts each time on its local day, in the zone given, with date and time in its name', async () => {
    const grid = await render<TcrmSlotGrid>(
      html`<tcrm-slot-grid .slots=${SLOTS} time-zone=${NY} locale="en"></tcrm-slot-grid>`,
    );
    const rows = [...grid.shadowRoot!.querySelectorAll('[role="row"]')];
    expect(rows.map((r) => r.getAttribute('data-date'))).to.deep.equal([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    const names = rows.map((r) =>
      [...r.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')),
    );
    expect(names[1]).to.deep.equal([
      'Sunday, March 8, 1:30 AM',
      'Sunday, March 8, 9:00 AM',
      'Sunday, March 8, 10:00 AM',
      'Sunday, March 8, 11:00 AM',
    ]);
    expect(names[2]).to.deep.equal(['Monday, March 9, 12:30 AM']);

    grid.timeZone = 'Europe/Madrid';
    await grid.updateComplete;
    const first = grid.shadowRoot!.querySelector('button')!;
    expect(first.getAttribute('aria-label')).to.equal('Saturday, March 7, 3:00 PM');
  });

  it('arrows stop at the edges (no wrap), Ctrl+End goes to the last time, one tab stop', async () => {
    const grid = await render<TcrmSlotGrid>(
      html`<tcrm-slot-grid .slots=${SLOTS} time-zone=${NY} locale="en"></tcrm-slot-grid>`,
    );
    grid.focus();
    const pos = () => deepActiveElement()?.getAttribute('data-pos');
    await press('ArrowLeft');
    expect(pos()).to.equal('0-0');
    await press('ArrowUp');
    expect(pos()).to.equal('0-0');
    await press('End');
    expect(pos()).to.equal('0-1');
    await press('ArrowDown');
    expect(pos()).to.equal('1-1');
    await press('ArrowDown'); // Monday has one time: the column clamps
    expect(pos()).to.equal('2-0');
    await ctrl('Home');
    expect(pos()).to.equal('0-0');
    await ctrl('End');
    expect(pos()).to.equal('2-0');
    const tabbable = grid.shadowRoot!.querySelectorAll('button[tabindex="0"]');
    expect(tabbable).to.have.length(1);
  });

  it('selects with Enter and Space, and not while busy', async () => {
    const grid = await render<TcrmSlotGrid>(
      html`<tcrm-slot-grid .slots=${SLOTS} time-zone=${NY} locale="en"></tcrm-slot-grid>`,
    );
    const chosen: GridSlot[] = [];
    grid.addEventListener('tcrm-slot-select', (e) => chosen.push((e as CustomEvent).detail));
    grid.focus();
    await press('ArrowRight');
    await press('Enter');
    await press('ArrowDown');
    await press(' ');
    expect(chosen.map((s) => s.startsAt)).to.deep.equal([SLOTS[1]!.startsAt, SLOTS[3]!.startsAt]);
    grid.busy = true;
    await grid.updateComplete;
    await press('Enter');
    expect(chosen).to.have.length(2);
  });
});
