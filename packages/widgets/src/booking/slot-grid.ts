import { LitElement, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { token } from '../theme/tokens.js';
import { isRtl } from '../internal/roving.js';
import { localDate } from './zoned-time.js';

/** One bookable start (UTC instants, as the server sends them). */
export interface GridSlot {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly clinicianId: string;
}

interface Day {
  readonly date: string;
  readonly label: string;
  readonly slots: readonly { slot: GridSlot; time: string; name: string }[];
}

/**
 * The week's free times as an ARIA grid: one row per day that has times
 * (the day is the row header), one cell per time. One button is in the tab
 * order (roving tabindex); arrows move within a day (left/right follow the
 * reading direction) and between days (up/down keep the column as far as
 * the day allows), Home/End go to the day's ends, Ctrl+Home/End to the
 * week's, PageDown/PageUp ask for the next/previous week. Each button's accessible name carries the date and the time, so
 * a screen reader never reads a bare "9:00 AM". Internal to `<tcrm-booking>`.
 *
 * @fires tcrm-slot-select - Not composed; `detail` is the chosen {@link GridSlot}.
 * @fires tcrm-week-step - Not composed; `detail` is +1 (PageDown) or -1 (PageUp).
 * @csspart day - A day's row; `day-label` its header; `slot` each time button.
 */
export class TcrmSlotGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    [role='row'] {
      display: grid;
      grid-template-columns: minmax(7rem, 10rem) 1fr;
      gap: calc(${token('spacingUnit')} * 2);
      padding-block: calc(${token('spacingUnit')} * 2);
      border-block-end: 1px solid ${token('colorBorder')};
    }
    [role='rowheader'] {
      font-weight: 600;
      padding-block-start: calc(${token('spacingUnit')} * 2);
    }
    .times {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${token('spacingUnit')} * 2);
    }
    button {
      font: inherit;
      min-block-size: 2.75rem;
      min-inline-size: 5.5rem;
      padding-inline: calc(${token('spacingUnit')} * 3);
      border-radius: ${token('borderRadius')};
      border: 1px solid ${token('colorPrimary')};
      background: ${token('colorSurface')};
      color: ${token('colorText')};
      cursor: pointer;
    }
    button:hover {
      background: ${token('colorPrimary')};
      color: ${token('colorOnPrimary')};
    }
    button:focus-visible {
      outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
      outline-offset: 2px;
    }
    button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    @media (max-width: 30rem) {
      [role='row'] {
        grid-template-columns: 1fr;
      }
    }
  `;

  static override properties: PropertyDeclarations = {
    slots: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    locale: {},
    label: {},
    busy: { type: Boolean },
    active: { state: true },
  };

  slots: readonly GridSlot[] = [];
  timeZone = 'UTC';
  locale = 'en';
  /** The grid's accessible name (e.g. "Available times, March 2 – 8"). */
  label = '';
  /** While a choice is being held: buttons stay focusable but do nothing. */
  busy = false;
  /** Row and column of the button in the tab order. */
  declare protected active: readonly [number, number];

  #days: readonly Day[] = [];

  constructor() {
    super();
    this.active = [0, 0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('slots') || changed.has('timeZone') || changed.has('locale')) {
      this.#days = this.#group();
      if (changed.has('slots')) this.active = [0, 0];
    }
  }

  #group(): Day[] {
    const day = new Intl.DateTimeFormat(this.locale, {
      timeZone: this.timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    });
    const time = new Intl.DateTimeFormat(this.locale, {
      timeZone: this.timeZone,
      hour: 'numeric',
      minute: '2-digit',
    });
    const days = new Map<string, { label: string; slots: Day['slots'][number][] }>();
    for (const slot of this.slots) {
      const at = Date.parse(slot.startsAt);
      const date = localDate(this.timeZone, at);
      let entry = days.get(date);
      if (!entry) days.set(date, (entry = { label: day.format(at), slots: [] }));
      const text = time.format(at);
      entry.slots.push({ slot, time: text, name: `${entry.label}, ${text}` });
    }
    return [...days].map(([date, d]) => ({ date, ...d }));
  }

  /** Moves focus to the button in the tab order. */
  override focus(): void {
    this.#button(...this.active)?.focus();
  }

  #button(row: number, col: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector(`[data-pos="${row}-${col}"]`);
  }

  #onKey(event: KeyboardEvent): void {
    const [row, col] = this.active;
    const days = this.#days;
    const last = (r: number) => days[r]!.slots.length - 1;
    const rtl = isRtl(this);
    let next: [number, number] | undefined;
    switch (event.key) {
      case rtl ? 'ArrowLeft' : 'ArrowRight':
        next = [row, Math.min(col + 1, last(row))];
        break;
      case rtl ? 'ArrowRight' : 'ArrowLeft':
        next = [row, Math.max(col - 1, 0)];
        break;
      case 'ArrowDown':
        if (row < days.length - 1) next = [row + 1, Math.min(col, last(row + 1))];
        break;
      case 'ArrowUp':
        if (row > 0) next = [row - 1, Math.min(col, last(row - 1))];
        break;
      case 'PageDown':
      case 'PageUp':
        // As in a date picker: the next or previous week (the booking widget loads it).
        event.preventDefault();
        this.dispatchEvent(
          new CustomEvent<number>('tcrm-week-step', { detail: event.key === 'PageDown' ? 1 : -1 }),
        );
        return;
      case 'Home':
        next = event.ctrlKey ? [0, 0] : [row, 0];
        break;
      case 'End':
        next = event.ctrlKey ? [days.length - 1, last(days.length - 1)] : [row, last(row)];
        break;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    this.active = next;
    void this.updateComplete.then(() => this.focus());
  }

  #choose(slot: GridSlot, row: number, col: number): void {
    this.active = [row, col];
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent<GridSlot>('tcrm-slot-select', { detail: slot }));
  }

  protected override render() {
    const [activeRow, activeCol] = this.active;
    return html`<div role="grid" aria-label=${this.label} @keydown=${this.#onKey}>
      ${this.#days.map(
        (day, r) =>
          html`<div role="row" part="day" data-date=${day.date}>
            <span role="rowheader" part="day-label">${day.label}</span>
            <div class="times" role="presentation">
              ${day.slots.map(
                ({ slot, time, name }, c) =>
                  html`<span role="gridcell"
                    ><button
                      part="slot"
                      data-pos="${r}-${c}"
                      data-starts-at=${slot.startsAt}
                      tabindex=${r === activeRow && c === activeCol ? 0 : -1}
                      aria-label=${name}
                      aria-disabled=${this.busy ? 'true' : 'false'}
                      @click=${() => this.#choose(slot, r, c)}
                    >
                      ${time}
                    </button></span
                  >`,
              )}
            </div>
          </div>`,
      )}
    </div>`;
  }
}
