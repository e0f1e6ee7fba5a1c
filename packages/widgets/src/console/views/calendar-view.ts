import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { errorCode } from '../api.js';
import { ConsoleView } from '../console-view.js';
import { calendarStyles } from './booking.styles.js';
import type { AppointmentCancelledEvent } from './appointment-cancel.js';
import {
  addDays,
  formatDate,
  loadClinicians,
  localDate,
  practiceZone,
  startOfDay,
  weekStart,
  type Appointment,
  type Clinician,
  withCancelledHere,
} from './booking-shared.js';

export type CalendarMode = 'day' | 'week';
type Status = Appointment['status'] | 'cancelled';

/**
 * The staff calendar: a day or a week of appointments in the practice's
 * timezone, one table per day under its own heading (screen-reader users
 * jump by heading, then read rows). Requests are approved or declined in
 * place; every outcome is said through the console's live region and focus
 * stays in the row (the buttons it was on disappear).
 */
export class ConsoleCalendarView extends ConsoleView {
  static override styles = [...[ConsoleView.styles].flat(), calendarStyles];
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    mode: {},
    date: {},
    appointments: { state: true },
    decided: { state: true },
    confirming: { state: true },
    busy: { state: true },
    error: { state: true },
    clinicians: { state: true },
    clinicianFilter: { state: true },
  };

  declare mode: CalendarMode;
  /** A practice-local `YYYY-MM-DD` inside the range shown; empty: today. */
  declare date: string;
  declare appointments: readonly Appointment[] | null;
  /** Decisions made here: declined rows leave the server's list but stay visible as cancelled. */
  declare decided: Readonly<Record<string, Status>>;
  declare confirming: string | null;
  declare busy: string | null;
  declare error: string;
  declare clinicians: readonly Clinician[];
  /** '' = everyone the member may see (the server narrows a clinician to their own anyway). */
  declare clinicianFilter: string;

  #typeNames = new Map<string, string>();
  #clinicianNames = new Map<string, string>();
  #loads = 0;
  /** The user moved the range: say the new one once it has loaded. */
  #announceNext = false;
  /** Cancelled in this view: the server's list omits them, but they stay shown (as Cancelled) in their range. */
  #cancelledHere = new Map<string, Appointment>();

  constructor() {
    super();
    this.mode = 'week';
    this.date = '';
    this.appointments = null;
    this.decided = {};
    this.confirming = null;
    this.busy = null;
    this.error = '';
    this.clinicians = [];
    this.clinicianFilter = '';
  }

  get #zone(): string {
    return practiceZone(this.ctx);
  }

  /** The practice-local dates shown. */
  get #days(): string[] {
    const anchor = this.date || localDate(this.#zone, Date.now());
    const first = this.mode === 'week' ? weekStart(anchor) : anchor;
    return Array.from({ length: this.mode === 'week' ? 7 : 1 }, (_, i) => addDays(first, i));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ctx') && !changed.get('ctx')) void this.#loadNames();
    if (
      changed.has('ctx') ||
      changed.has('mode') ||
      changed.has('date') ||
      changed.has('clinicianFilter')
    ) {
      void this.#load(this.#announceNext);
      this.#announceNext = false;
    }
  }

  async #loadNames(): Promise<void> {
    const [types, clinicians] = await Promise.all([
      this.ctx.api.booking.admin.appointmentTypes.list.query().catch(() => []),
      loadClinicians(this.ctx).catch(() => []),
    ]);
    this.#typeNames = new Map(types.map((t) => [t.id, t.name]));
    this.#clinicianNames = new Map(clinicians.map((c) => [c.id, c.name]));
    this.clinicians = clinicians;
    this.requestUpdate();
  }

  async #load(announce = false): Promise<void> {
    const days = this.#days;
    const load = ++this.#loads;
    const from = startOfDay(this.#zone, days[0]!);
    const to = startOfDay(this.#zone, addDays(days.at(-1)!, 1));
    try {
      const rows = await this.ctx.api.booking.appointments.list.query({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...(this.clinicianFilter ? { clinicianId: this.clinicianFilter } : {}),
      });
      if (load !== this.#loads) return; // a later range was asked for meanwhile
      this.appointments = withCancelledHere(rows, this.#cancelledHere.values(), from, to);
      this.error = '';
      if (announce)
        this.ctx.announce(
          `${this.#rangeText()}. ${this.t('calendar.count', { count: rows.length })}`,
        );
    } catch (error) {
      if (load === this.#loads) this.error = this.errorMessage(error);
    }
  }

  /** Moves the range; the hash follows (for reload and sharing) without a route change, so focus stays on the button. */
  #go(mode: CalendarMode, date: string): void {
    this.mode = mode;
    this.date = date;
    history.replaceState(null, '', `#/calendar?view=${mode}&date=${date}`);
    // willUpdate loads the new range (one load per change, announced).
    this.#announceNext = true;
  }

  #step(direction: -1 | 1): void {
    const days = this.#days;
    this.#go(this.mode, addDays(days[0]!, direction * days.length));
  }

  #rangeText(): string {
    const days = this.#days;
    const locale = this.ctx.strings.locale;
    const range =
      days.length === 1
        ? formatDate(locale, days[0]!)
        : `${formatDate(locale, days[0]!, 'medium')} – ${formatDate(locale, days.at(-1)!, 'medium')}`;
    return this.t('calendar.range', { range });
  }

  #time(a: Appointment): string {
    return new Intl.DateTimeFormat(this.ctx.strings.locale, {
      timeZone: this.#zone,
      timeStyle: 'short',
    }).formatRange(new Date(a.startsAt), new Date(a.endsAt));
  }

  #client(a: Appointment): string {
    return a.client ? `${a.client.firstName} ${a.client.lastName}` : this.t('calendar.noClient');
  }

  async #decide(a: Appointment, decision: 'approve' | 'decline'): Promise<void> {
    this.busy = a.id;
    this.confirming = null;
    try {
      const done = await this.ctx.api.booking.appointments[decision].mutate({
        appointmentId: a.id,
      });
      this.decided = { ...this.decided, [a.id]: done.status };
      const key = decision === 'approve' ? 'calendar.approved' : 'calendar.declined';
      this.ctx.announce(this.t(key, { time: this.#time(a) }));
    } catch (error) {
      this.ctx.announce(
        errorCode(error) === 'PRECONDITION_FAILED'
          ? this.t('calendar.notAwaiting')
          : this.errorMessage(error),
      );
      await this.#load();
    } finally {
      this.busy = null;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-appointment-id="${a.id}"] .badge`)?.focus();
  }

  protected override render() {
    const locale = this.ctx.strings.locale;
    const zone = this.#zone;
    const zoneLabel = `${new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(Date.now()).find((p) => p.type === 'timeZoneName')?.value ?? zone} (${zone})`;
    const days = this.#days;
    return html`<section>
      <h1 tabindex="-1">${this.t('calendar.title')}</h1>
      <p class="hint" data-testid="calendar-timezone">
        ${this.t('booking.timeZone', { zone: zoneLabel })}
      </p>
      <div class="toolbar">
        <div role="group" aria-label=${this.t('calendar.view')} class="actions">
          ${(['day', 'week'] as const).map(
            (m) =>
              html`<button
                class=${this.mode === m ? '' : 'secondary'}
                aria-pressed=${this.mode === m ? 'true' : 'false'}
                data-testid="calendar-view-${m}"
                @click=${() => this.#go(m, days[0]!)}
              >
                ${this.t(m === 'day' ? 'calendar.day' : 'calendar.week')}
              </button>`,
          )}
        </div>
        <div class="actions">
          <button class="secondary" data-testid="calendar-previous" @click=${() => this.#step(-1)}>
            ${this.t('calendar.previous')}
          </button>
          <button
            class="secondary"
            data-testid="calendar-today"
            @click=${() => this.#go(this.mode, localDate(zone, Date.now()))}
          >
            ${this.t('calendar.today')}
          </button>
          <button class="secondary" data-testid="calendar-next" @click=${() => this.#step(1)}>
            ${this.t('calendar.next')}
          </button>
        </div>
      </div>
      ${this.clinicians.length > 1 ? this.#filter() : nothing}
      <p data-testid="calendar-range">${this.#rangeText()}</p>
      <p class="error" role="alert" data-testid="calendar-error">${this.error}</p>
      ${
        this.appointments === null
          ? html`<p>${this.t('app.loading')}</p>`
          : days.map((day) => this.#day(day))
      }
    </section>`;
  }

  /** Only for members who manage several calendars and can name them (owners). */
  #filter() {
    return html`<div class="row">
      <label for="calendar-clinician">${this.t('booking.clinician')}</label>
      <select
        id="calendar-clinician"
        data-testid="calendar-clinician"
        @change=${(e: Event) => {
          this.#announceNext = true;
          this.clinicianFilter = (e.target as HTMLSelectElement).value;
        }}
      >
        <option value="" ?selected=${!this.clinicianFilter}>
          ${this.t('calendar.allClinicians')}
        </option>
        ${this.clinicians.map(
          (c) =>
            html`<option value=${c.id} ?selected=${c.id === this.clinicianFilter}>
              ${c.name}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #day(day: string) {
    const rows = (this.appointments ?? []).filter(
      (a) => localDate(this.#zone, Date.parse(String(a.startsAt))) === day,
    );
    const headingId = `day-${day}`;
    return html`<h2 id=${headingId}>${formatDate(this.ctx.strings.locale, day)}</h2>
      ${
        rows.length
          ? html`<table aria-labelledby=${headingId} data-testid="calendar-day" data-date=${day}>
              <thead>
                <tr>
                  <th scope="col">${this.t('calendar.time')}</th>
                  <th scope="col">${this.t('calendar.client')}</th>
                  <th scope="col">${this.t('calendar.type')}</th>
                  <th scope="col">${this.t('booking.clinician')}</th>
                  <th scope="col">${this.t('calendar.status')}</th>
                  <th scope="col">${this.t('calendar.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((a) => this.#row(a))}
              </tbody>
            </table>`
          : html`<p class="hint" data-testid="calendar-day-empty" data-date=${day}>
              ${this.t('calendar.none')}
            </p>`
      }`;
  }

  #row(a: Appointment) {
    const status: Status = this.decided[a.id] ?? a.status;
    const time = this.#time(a);
    const client = this.#client(a);
    return html`<tr data-testid="appointment-row" data-appointment-id=${a.id} data-status=${status}>
      <th scope="row" data-testid="appointment-time">${time}</th>
      <td data-testid="appointment-client">${client}</td>
      <td>${this.#typeNames.get(a.appointmentTypeId) ?? '—'}</td>
      <td>${this.#clinicianNames.get(a.clinicianId) ?? '—'}</td>
      <td>
        <span
          class="badge status-${status}"
          tabindex="-1"
          data-testid="appointment-status"
          data-status=${status}
          >${this.t(`apptStatus.${status}`)}</span
        >
      </td>
      <td>
        ${status === 'requested' ? this.#decision(a, time, client) : nothing}
        ${
          (status === 'requested' || status === 'confirmed') &&
          Date.parse(String(a.startsAt)) > Date.now()
            ? html`<tcrm-console-appointment-cancel
                .ctx=${this.ctx}
                .appointmentId=${a.id}
                .time=${time}
                .client=${client}
                @tcrm-console-appointment-cancelled=${(e: AppointmentCancelledEvent) => void this.#cancelled(a, e)}
              ></tcrm-console-appointment-cancel>`
            : nothing
        }
      </td>
    </tr>`;
  }

  /** Cancelled from the row: say so, refresh the calendar (the row stays, as Cancelled), focus its status. */
  async #cancelled(a: Appointment, e: AppointmentCancelledEvent): Promise<void> {
    this.decided = { ...this.decided, [a.id]: 'cancelled' };
    this.#cancelledHere.set(a.id, a);
    this.ctx.announce(e.message);
    await this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-appointment-id="${a.id}"] .badge`)?.focus();
  }

  #decision(a: Appointment, time: string, client: string) {
    const busy = this.busy === a.id;
    if (this.confirming === a.id) {
      return html`<div role="group" aria-labelledby="confirm-${a.id}" class="confirm">
        <p id="confirm-${a.id}">${this.t('calendar.declineConfirm')}</p>
        <button
          data-testid="appointment-decline-confirm"
          @click=${() => void this.#decide(a, 'decline')}
        >
          ${this.t('calendar.declineYes')}
        </button>
        <button
          class="secondary"
          data-testid="appointment-decline-keep"
          @click=${async () => {
            // The question goes away: put focus back on the Decline button that asked it.
            this.confirming = null;
            await this.updateComplete;
            this.renderRoot
              .querySelector<HTMLElement>(
                `tr[data-appointment-id="${a.id}"] [data-testid="appointment-decline"]`,
              )
              ?.focus();
          }}
        >
          ${this.t('calendar.keep')}
        </button>
      </div>`;
    }
    return html`<div class="actions">
      <button
        ?disabled=${busy}
        aria-label=${this.t('calendar.approveLabel', { time, client })}
        data-testid="appointment-approve"
        @click=${() => void this.#decide(a, 'approve')}
      >
        ${this.t('calendar.approve')}
      </button>
      <button
        class="secondary"
        ?disabled=${busy}
        aria-label=${this.t('calendar.declineLabel', { time, client })}
        data-testid="appointment-decline"
        @click=${async () => {
          this.confirming = a.id;
          await this.updateComplete;
          this.renderRoot
            .querySelector<HTMLElement>('[data-testid="appointment-decline-confirm"]')
            ?.focus();
        }}
      >
        ${this.t('calendar.decline')}
      </button>
    </div>`;
  }
}
