import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleView } from '../console-view.js';
import { calendarStyles } from './booking.styles.js';
import {
  addDays,
  formatDate,
  localDate,
  minuteToTime,
  practiceZone,
  serverFieldErrors,
  timeToMinute,
  zonedInstant,
} from './booking-shared.js';
import type { TcrmApi } from '../../api/api-client.js';

type Override = Awaited<
  ReturnType<TcrmApi['booking']['admin']['schedule']['dateOverrides']['query']>
>[number];
type TimeOff = Awaited<
  ReturnType<TcrmApi['booking']['admin']['schedule']['timeOff']['query']>
>[number];

/** `YYYY-MM-DDTHH:MM` (a datetime-local field, read as practice time) as an ISO instant; '' when empty. */
function practiceInstant(zone: string, value: string): string {
  const [date, time] = value.split('T');
  if (!date || !time) return '';
  return new Date(zonedInstant(zone, date, timeToMinute(time))).toISOString();
}

/**
 * Date overrides and time off of one clinician (the lower half of the
 * availability screen). Each form shows the server's field errors next to
 * the field; lists are re-read from the server after every change, so what
 * is shown is what availability uses.
 */
export class ConsoleAvailabilityDates extends ConsoleView {
  static override styles = [...[ConsoleView.styles].flat(), calendarStyles];
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    clinicianId: {},
    overrides: { state: true },
    timeOff: { state: true },
    override: { state: true },
    absence: { state: true },
    errors: { state: true },
  };

  declare clinicianId: string;
  declare overrides: readonly Override[];
  declare timeOff: readonly TimeOff[];
  declare override: { date: string; unavailable: boolean; start: string; end: string };
  declare absence: { from: string; until: string };
  /** Field errors keyed `override.<field>` / `timeOff.<field>`. */
  declare errors: Readonly<Record<string, string>>;

  constructor() {
    super();
    this.clinicianId = '';
    this.overrides = [];
    this.timeOff = [];
    this.override = { date: '', unavailable: true, start: '09:00', end: '13:00' };
    this.absence = { from: '', until: '' };
    this.errors = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clinicianId') && this.clinicianId) {
      this.errors = {};
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const zone = practiceZone(this.ctx);
    const today = localDate(zone, Date.now());
    const clinicianId = this.clinicianId;
    const schedule = this.ctx.api.booking.admin.schedule;
    const now = Date.now();
    const [overrides, timeOff] = await Promise.all([
      schedule.dateOverrides.query({ clinicianId, from: today, to: addDays(today, 365) }),
      schedule.timeOff.query({
        clinicianId,
        from: new Date(now).toISOString(),
        to: new Date(now + 365 * 86_400_000).toISOString(),
      }),
    ]);
    if (clinicianId !== this.clinicianId) return;
    this.overrides = overrides;
    this.timeOff = timeOff;
  }

  async #run(prefix: 'override' | 'timeOff', call: () => Promise<unknown>, done: string) {
    this.errors = {};
    try {
      await call();
      this.ctx.announce(done);
      await this.#load();
      return true;
    } catch (error) {
      const fields = serverFieldErrors(error);
      const entries: [string, string][] = Object.entries(fields);
      this.errors = Object.fromEntries(
        (entries.length ? entries : [['_form', this.errorMessage(error)] as [string, string]]).map(
          ([k, v]) => [`${prefix}.${k}`, v],
        ),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[aria-invalid="true"]`)?.focus();
      return false;
    }
  }

  async #saveOverride(event: Event): Promise<void> {
    event.preventDefault();
    const o = this.override;
    const hours = o.unavailable
      ? []
      : [{ startMinute: timeToMinute(o.start), endMinute: timeToMinute(o.end, true) }];
    const ok = await this.#run(
      'override',
      () =>
        this.ctx.api.booking.admin.schedule.setDateOverride.mutate({
          clinicianId: this.clinicianId,
          date: o.date,
          hours,
        }),
      this.t('availability.overrideSaved', {
        date: o.date && formatDate(this.ctx.strings.locale, o.date),
      }),
    );
    if (ok) this.override = { ...o, date: '' };
  }

  async #addTimeOff(event: Event): Promise<void> {
    event.preventDefault();
    const zone = practiceZone(this.ctx);
    const ok = await this.#run(
      'timeOff',
      () =>
        this.ctx.api.booking.admin.schedule.addTimeOff.mutate({
          clinicianId: this.clinicianId,
          startsAt: practiceInstant(zone, this.absence.from),
          endsAt: practiceInstant(zone, this.absence.until),
        }),
      this.t('availability.timeOffAdded'),
    );
    if (ok) this.absence = { from: '', until: '' };
  }

  /** A labelled field with its server error under it, linked by aria-describedby. */
  #field(key: string, label: string, input: (describedBy: string, invalid: boolean) => unknown) {
    const error = this.errors[key] ?? '';
    const id = `err-${key.replace('.', '-')}`;
    return html`<div class="row">
      <label for=${key}>${label}</label>
      ${input(id, !!error)}
      <p class="field-error" id=${id} data-testid="${key.replace('.', '-')}-error">${error}</p>
    </div>`;
  }

  #range(from: string | Date, to: string | Date): string {
    return new Intl.DateTimeFormat(this.ctx.strings.locale, {
      timeZone: practiceZone(this.ctx),
      dateStyle: 'medium',
      timeStyle: 'short',
    }).formatRange(new Date(from), new Date(to));
  }

  protected override render() {
    const o = this.override;
    // From the current state, not this render's `o`: several fields may change before the next render.
    const set = (patch: Partial<typeof o>) => (this.override = { ...this.override, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const locale = this.ctx.strings.locale;
    return html`<h2>${this.t('availability.overrides')}</h2>
      <p class="hint">${this.t('availability.overridesHelp')}</p>
      ${
        this.overrides.length
          ? html`<table data-testid="overrides">
              <thead>
                <tr>
                  <th scope="col">${this.t('availability.date')}</th>
                  <th scope="col">${this.t('availability.hours')}</th>
                  <th scope="col">
                    <span class="visually-hidden">${this.t('calendar.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                ${this.overrides.map(
                  (r) =>
                    html`<tr data-testid="override-row" data-date=${r.date}>
                      <th scope="row">${formatDate(locale, r.date)}</th>
                      <td>
                        ${r.unavailable ? this.t('availability.unavailable') : r.hours.map((h) => `${minuteToTime(h.startMinute)}–${minuteToTime(h.endMinute)}`).join(', ')}
                      </td>
                      <td>
                        <button
                          class="secondary"
                          data-testid="override-clear"
                          @click=${() => void this.#run('override', () => this.ctx.api.booking.admin.schedule.clearDateOverride.mutate({ clinicianId: this.clinicianId, date: r.date }), this.t('availability.overrideCleared', { date: formatDate(locale, r.date) }))}
                        >
                          ${this.t('availability.overrideClear', { date: formatDate(locale, r.date, 'medium') })}
                        </button>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="hint">${this.t('availability.noOverrides')}</p>`
      }
      <form @submit=${(e: Event) => void this.#saveOverride(e)} novalidate>
        <p class="error" role="alert">${this.errors['override._form'] ?? ''}</p>
        ${this.#field('override.date', this.t('availability.date'), (d, invalid) => html`<input id="override.date" type="date" .value=${o.date} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} data-testid="override-date" @input=${(e: Event) => set({ date: value(e) })} />`)}
        <label class="inline"
          ><input
            type="checkbox"
            .checked=${o.unavailable}
            data-testid="override-unavailable"
            @change=${(e: Event) => set({ unavailable: (e.target as HTMLInputElement).checked })}
          />${this.t('availability.unavailable')}</label
        >
        ${
          o.unavailable
            ? nothing
            : html`<div class="range">
                ${this.#field('override.hours', this.t('availability.start'), (d, invalid) => html`<input id="override.hours" type="time" .value=${o.start} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} data-testid="override-start" @input=${(e: Event) => set({ start: value(e) })} />`)}
                <div class="row">
                  <label for="override-end">${this.t('availability.end')}</label
                  ><input
                    id="override-end"
                    type="time"
                    .value=${o.end}
                    aria-invalid=${this.errors['override.hours'] ? 'true' : 'false'}
                    aria-describedby="err-override-hours"
                    data-testid="override-end"
                    @input=${(e: Event) => set({ end: value(e) })}
                  />
                </div>
              </div>`
        }
        <div class="actions">
          <button type="submit" data-testid="override-save">
            ${this.t('availability.overrideSave')}
          </button>
        </div>
      </form>
      <h2>${this.t('availability.timeOff')}</h2>
      <p class="hint">${this.t('availability.timeOffHelp')}</p>
      ${
        this.timeOff.length
          ? html`<ul data-testid="time-off">
              ${this.timeOff.map(
                (r) =>
                  html`<li data-testid="time-off-row" data-time-off-id=${r.id}>
                    ${this.#range(r.startsAt, r.endsAt)}
                    <button
                      class="secondary"
                      data-testid="time-off-remove"
                      aria-label=${this.t('availability.timeOffRemove', { range: this.#range(r.startsAt, r.endsAt) })}
                      @click=${() => void this.#run('timeOff', () => this.ctx.api.booking.admin.schedule.removeTimeOff.mutate({ timeOffId: r.id }), this.t('availability.timeOffRemoved'))}
                    >
                      ${this.t('availability.timeOffRemove', { range: '' }).trim()}
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${this.t('availability.noTimeOff')}</p>`
      }
      <form @submit=${(e: Event) => void this.#addTimeOff(e)} novalidate>
        <p class="error" role="alert">${this.errors['timeOff._form'] ?? ''}</p>
        <div class="range">
          ${this.#field('timeOff.startsAt', this.t('availability.from'), (d, invalid) => html`<input id="timeOff.startsAt" type="datetime-local" .value=${this.absence.from} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} data-testid="time-off-start" @input=${(e: Event) => (this.absence = { ...this.absence, from: value(e) })} />`)}
          ${this.#field('timeOff.endsAt', this.t('availability.until'), (d, invalid) => html`<input id="timeOff.endsAt" type="datetime-local" .value=${this.absence.until} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} data-testid="time-off-end" @input=${(e: Event) => (this.absence = { ...this.absence, until: value(e) })} />`)}
        </div>
        <div class="actions">
          <button type="submit" data-testid="time-off-add">
            ${this.t('availability.timeOffAdd')}
          </button>
        </div>
      </form>`;
  }
}
