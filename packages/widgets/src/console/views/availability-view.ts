import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleView } from '../console-view.js';
import { calendarStyles } from './booking.styles.js';
import {
  loadClinicians,
  minuteToTime,
  practiceZone,
  serverFieldErrors,
  timeToMinute,
  weekdayName,
  type Clinician,
} from './booking-shared.js';

interface Range {
  readonly weekday: number;
  readonly start: string;
  readonly end: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * A clinician's availability: weekly hours here (a fieldset per weekday,
 * ranges added and removed with buttons), date overrides and time off in
 * `tcrm-console-availability-dates`. The server is the only validator: its
 * refusals are shown on the fields they name, so rules live in one place.
 */
export class ConsoleAvailabilityView extends ConsoleView {
  static override styles = [...[ConsoleView.styles].flat(), calendarStyles];
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    clinicians: { state: true },
    clinicianId: { state: true },
    ranges: { state: true },
    errors: { state: true },
    busy: { state: true },
    loadError: { state: true },
    loadedFor: { state: true },
  };

  declare clinicians: readonly Clinician[] | null;
  declare clinicianId: string;
  /** Being edited: `HH:MM` strings exactly as typed (the server judges them). */
  declare ranges: readonly Range[];
  declare errors: Readonly<Record<string, string>>;
  declare busy: boolean;
  declare loadError: string;
  /** Whose hours `ranges` holds: the editor waits for them, so nobody edits the previous clinician's week. */
  declare loadedFor: string;

  constructor() {
    super();
    this.clinicians = null;
    this.clinicianId = '';
    this.ranges = [];
    this.errors = {};
    this.busy = false;
    this.loadError = '';
    this.loadedFor = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ctx') && !changed.get('ctx')) void this.#loadClinicians();
  }

  async #loadClinicians(): Promise<void> {
    try {
      this.clinicians = await loadClinicians(this.ctx);
      const mine = this.clinicians.find((c) => c.id === this.ctx.me?.user.id);
      const first = mine ?? this.clinicians[0];
      if (first) await this.#select(first.id);
    } catch (error) {
      this.clinicians = [];
      this.loadError = this.errorMessage(error);
    }
  }

  async #select(clinicianId: string): Promise<void> {
    this.clinicianId = clinicianId;
    this.errors = {};
    try {
      const rows = await this.ctx.api.booking.admin.schedule.weeklyHours.query({ clinicianId });
      if (clinicianId !== this.clinicianId) return;
      this.ranges = rows.map((r) => ({
        weekday: r.weekday,
        start: minuteToTime(r.startMinute),
        // 24:00 cannot be typed into a time field; 00:00 as an end means the same.
        end: r.endMinute === 1440 ? '00:00' : minuteToTime(r.endMinute),
      }));
      this.loadedFor = clinicianId;
      this.loadError = '';
    } catch (error) {
      this.loadError = this.errorMessage(error);
    }
  }

  async #add(weekday: number): Promise<void> {
    this.ranges = [...this.ranges, { weekday, start: '09:00', end: '17:00' }];
    await this.updateComplete;
    const starts = this.renderRoot.querySelectorAll<HTMLInputElement>(
      `[data-weekday="${weekday}"] [data-testid="hours-start"]`,
    );
    starts[starts.length - 1]?.focus();
  }

  async #remove(range: Range): Promise<void> {
    this.ranges = this.ranges.filter((r) => r !== range); // a click follows a render: `range` is current
    await this.updateComplete;
    // The removed row's button is gone: keep the user in the same day.
    this.renderRoot
      .querySelector<HTMLElement>(`[data-testid="hours-add-${range.weekday}"]`)
      ?.focus();
  }

  /** By position: two edits before a re-render must both land (the range objects are replaced on each). */
  #edit(index: number, part: 'start' | 'end', value: string): void {
    this.ranges = this.ranges.map((r, i) => (i === index ? { ...r, [part]: value } : r));
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.errors = {};
    try {
      await this.ctx.api.booking.admin.schedule.setWeeklyHours.mutate({
        clinicianId: this.clinicianId,
        hours: this.ranges.map((r) => ({
          weekday: r.weekday,
          startMinute: timeToMinute(r.start),
          endMinute: timeToMinute(r.end, true),
        })),
      });
      this.ctx.announce(this.t('availability.saved'));
    } catch (error) {
      const fields = serverFieldErrors(error);
      this.errors = Object.keys(fields).length ? fields : { _form: this.errorMessage(error) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-testid="weekly-hours-error"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const zone = practiceZone(this.ctx);
    return html`<section>
      <h1 tabindex="-1">${this.t('availability.title')}</h1>
      <p class="hint">${this.t('booking.timeZone', { zone })}</p>
      <p class="error" role="alert">${this.loadError}</p>
      ${
        this.clinicians === null
          ? html`<p>${this.t('app.loading')}</p>`
          : this.clinicians.length === 0
            ? html`<p data-testid="availability-no-clinicians">
                ${this.t('booking.noClinicians')}
              </p>`
            : html`${this.#clinicianPicker()}
              ${this.loadedFor && this.loadedFor === this.clinicianId ? this.#weekly() : nothing}
              ${
                this.clinicianId
                  ? html`<tcrm-console-availability-dates
                      .ctx=${this.ctx}
                      .clinicianId=${this.clinicianId}
                    ></tcrm-console-availability-dates>`
                  : nothing
              }`
      }
    </section>`;
  }

  #clinicianPicker() {
    const me = this.ctx.me?.user.id;
    return html`<div class="row">
      <label for="clinician">${this.t('booking.clinician')}</label>
      <select
        id="clinician"
        data-testid="availability-clinician"
        @change=${(e: Event) => void this.#select((e.target as HTMLSelectElement).value)}
      >
        ${this.clinicians!.map(
          (c) =>
            html`<option value=${c.id} ?selected=${c.id === this.clinicianId}>
              ${c.id === me ? this.t('booking.clinicianYou', { name: c.name }) : c.name}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #weekly() {
    const error = [this.errors['hours'], this.errors['clinicianId'], this.errors['_form']]
      .filter(Boolean)
      .join(' ');
    return html`<form
      data-testid="weekly-hours"
      data-clinician-id=${this.loadedFor}
      @submit=${(e: Event) => void this.#save(e)}
      novalidate
    >
      <h2>${this.t('availability.weekly')}</h2>
      <p class="hint" id="weekly-help">${this.t('availability.weeklyHelp')}</p>
      <p
        class="error"
        id="weekly-error"
        role="alert"
        tabindex="-1"
        data-testid="weekly-hours-error"
      >
        ${error}
      </p>
      <div class="grid">${WEEKDAYS.map((d) => this.#weekday(d, !!error))}</div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy} data-testid="weekly-hours-save">
          ${this.busy ? this.t('booking.saving') : this.t('availability.save')}
        </button>
      </div>
    </form>`;
  }

  #weekday(weekday: number, invalid: boolean) {
    const day = weekdayName(this.ctx.strings.locale, weekday);
    const ranges = this.ranges.flatMap((range, index) =>
      range.weekday === weekday ? [{ range, index }] : [],
    );
    return html`<fieldset data-testid="weekday" data-weekday=${weekday}>
      <legend>${day}</legend>
      ${ranges.length === 0 ? html`<p class="hint">${this.t('availability.closed')}</p>` : nothing}
      ${ranges.map(({ range, index }, i) => {
        const n = i + 1;
        const label = (part: 'availability.start' | 'availability.end') =>
          this.t('availability.rangeLabel', { day, number: n, part: this.t(part) });
        return html`<div class="range" data-testid="hours-row">
          <span>
            <label class="visually-hidden" for="s-${weekday}-${i}"
              >${label('availability.start')}</label
            >
            <span aria-hidden="true">${this.t('availability.start')}</span>
            <input
              id="s-${weekday}-${i}"
              type="time"
              .value=${range.start}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby="weekly-error"
              data-testid="hours-start"
              @input=${(e: Event) => this.#edit(index, 'start', (e.target as HTMLInputElement).value)}
            />
          </span>
          <span>
            <label class="visually-hidden" for="e-${weekday}-${i}"
              >${label('availability.end')}</label
            >
            <span aria-hidden="true">${this.t('availability.end')}</span>
            <input
              id="e-${weekday}-${i}"
              type="time"
              .value=${range.end}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby="weekly-error"
              data-testid="hours-end"
              @input=${(e: Event) => this.#edit(index, 'end', (e.target as HTMLInputElement).value)}
            />
          </span>
          <button
            type="button"
            class="secondary"
            data-testid="hours-remove"
            @click=${() => void this.#remove(range)}
          >
            ${this.t('availability.remove', { day, number: n })}
          </button>
        </div>`;
      })}
      <button
        type="button"
        class="secondary"
        data-testid="hours-add-${weekday}"
        @click=${() => void this.#add(weekday)}
      >
        ${this.t('availability.add', { day })}
      </button>
    </fieldset>`;
  }
}
