// The week of other times the reschedule view offers: which week (never
// before today in the client's zone), its free times for the appointment's
// type and clinician (a newer request wins over an older one), and focus
// into the grid once they are in.
import type { ReactiveControllerHost } from 'lit';
import type { TcrmApi } from '../api/api-client.js';
import { failure } from '../booking/booking-api.js';
import type { GridSlot, TcrmSlotGrid } from '../booking/slot-grid.js';
import { addDays, localDate, startOfDay } from '../booking/zoned-time.js';

interface Host extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly timeZone: string;
}

export interface TimesFor {
  readonly appointmentTypeId: string;
  readonly clinicianId: string;
}

export class WeekOfTimes {
  /** First day (`YYYY-MM-DD`, client's zone) of the week shown. */
  weekStart = '';
  /** The week's free times; undefined while they load. */
  slots: readonly GridSlot[] | undefined;
  #request = 0;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: Host,
    private readonly api: () => TcrmApi,
    /** A failed load: `NETWORK_ERROR` or another code. */
    private readonly onFailure: (code: string) => void,
  ) {}

  get today(): string {
    return localDate(this.host.timeZone, Date.now());
  }

  /** This week. */
  reset(): void {
    this.weekStart = this.today;
  }

  /** "Today" moves with the zone: never a week that starts before it. */
  clamp(): void {
    if (this.weekStart < this.today) this.weekStart = this.today;
  }

  step(weeks: number): void {
    const next = addDays(this.weekStart, weeks * 7);
    this.weekStart = next < this.today ? this.today : next;
  }

  load(of: TimesFor): Promise<void> {
    return (this.#pending = this.#fetch(of));
  }

  async #fetch(of: TimesFor): Promise<void> {
    const request = ++this.#request;
    const zone = this.host.timeZone;
    this.slots = undefined;
    this.host.requestUpdate();
    try {
      const answer = await this.api().booking.availability.query({
        ...of,
        from: new Date(Math.max(Date.now(), startOfDay(zone, this.weekStart))).toISOString(),
        to: new Date(startOfDay(zone, addDays(this.weekStart, 7))).toISOString(),
        timeZone: zone,
      });
      if (request !== this.#request) return;
      this.slots = answer.slots;
    } catch (error) {
      if (request !== this.#request) return;
      this.slots = [];
      this.onFailure(failure(error).code);
    }
    this.host.requestUpdate();
  }

  /** Once the week's times are in: focus the grid, or the week's heading when there are none. */
  async focusGrid(): Promise<void> {
    // A newer request (another week or zone) replaces the pending one.
    while (this.slots === undefined) await this.#pending;
    await this.host.updateComplete;
    const grid = this.host.renderRoot.querySelector<TcrmSlotGrid>('tcrm-slot-grid');
    if (grid) {
      await grid.updateComplete;
      grid.focus();
    } else this.host.renderRoot.querySelector<HTMLElement>('#week-title')?.focus();
  }
}
