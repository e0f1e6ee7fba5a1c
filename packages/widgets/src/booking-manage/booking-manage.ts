import type { CSSResultGroup, PropertyDeclarations, PropertyValues } from 'lit';
import { html } from 'lit';
import { TcrmElement } from '../internal/tcrm-element.js';
import { languageOf } from '../i18n/locale.js';
import { failure } from '../booking/booking-api.js';
import { fill } from '../booking/booking-messages.js';
import type { GridSlot } from '../booking/slot-grid.js';
import { browserTimeZone } from '../booking/zoned-time.js';
import {
  TcrmAppointmentCancelledEvent,
  TcrmAppointmentRescheduledEvent,
} from './booking-manage.events.js';
import {
  loadProblem,
  replaceFragmentToken,
  tokenFromFragment,
  type Cancellation,
  type LoadProblem,
  type ManagedAppointment,
  type Rescheduled,
} from './manage-api.js';
import { formatWhen } from './manage-format.js';
import { manageCatalogue, type ManageCatalogue, type ManageMessageKey } from './manage-messages.js';
import { renderManage } from './booking-manage.render.js';
import { manageStyles } from './booking-manage.styles.js';
import { WeekOfTimes } from './week-of-times.js';

/** What the widget shows. */
export type ManageView =
  'loading' | 'problem' | 'summary' | 'cancel' | 'cancelled' | 'reschedule' | 'move' | 'moved';

/**
 * The page behind a booking e-mail's link: the appointment (time in the
 * client's zone with the practice's stated, type, modality, clinician,
 * status, amount paid) and the cancellation policy in words; cancel after a
 * step that states the consequence (refund, late fee, what is kept and
 * due); reschedule through a week of other times for the same type and
 * clinician, then "Move to …?". A rescheduled appointment has a new manage
 * link: the element continues with it and puts it in the page's fragment.
 *
 * The token is the `token` attribute or property, else `#token=` in the
 * page's URL; it is kept in memory only, never in browser storage, and
 * never leaves in an event.
 *
 * @summary Reschedule or cancel a booked appointment from its e-mailed link.
 *
 * @fires tcrm-appointment-cancelled - Cancelled (detail: appointmentId).
 * @fires tcrm-appointment-rescheduled - Moved (detail: appointmentId, previousAppointmentId).
 *
 * @csspart step-title - Each step's heading.
 * @csspart summary - The appointment's facts.
 * @csspart status - The status badge.
 * @csspart policy - The cancellation policy.
 * @csspart notice - Conflicts and failures.
 * @csspart button - Every button; `primary` on the main action, `danger` on cancelling.
 * @csspart result - The cancelled / moved confirmation.
 */
export class TcrmBookingManage extends TcrmElement {
  static override styles: CSSResultGroup = [TcrmElement.styles, manageStyles];

  static override properties: PropertyDeclarations = {
    token: {},
    timeZone: { attribute: 'time-zone' },
    view: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
    announcement: { state: true },
  };

  /** The signed manage token (`tma_…`); default: `#token=` in the page's URL. */
  declare token: string | undefined;
  /** The client's IANA time zone; default: the browser's. */
  declare timeZone: string;
  declare view: ManageView;
  declare problem: LoadProblem | undefined;
  declare notice: ManageMessageKey | undefined;
  declare busy: boolean;
  declare announcement: string;

  appointment: ManagedAppointment | undefined;
  cancellation: Cancellation | undefined;
  /** The time picked in the grid, waiting for "Move to …?". */
  chosen: GridSlot | undefined;
  /** The start before the last move, shown on the result. */
  previousStartsAt: string | undefined;
  /** The reschedule view's week of other times. */
  readonly times = new WeekOfTimes(
    this,
    () => this.tcrm.api!,
    (code) => (this.notice = code === 'NETWORK_ERROR' ? 'error.network' : 'error.load'),
  );

  #loadedApi: unknown;
  #loadedToken: string | undefined;
  /** The token came from the URL fragment: a new one goes back there. */
  #fromFragment = false;
  /** The token this element set itself (after a move), as opposed to the page's. */
  #ownToken: string | undefined;
  #focusTarget: string | undefined;
  #onHashChange = () => {
    if (!this.#fromFragment || tokenFromFragment() === this.#loadedToken) return;
    // Another link pasted into the address bar: the fragment wins over our own token.
    this.token = this.#ownToken = undefined;
    void this.load(true);
  };

  constructor() {
    super();
    this.timeZone = browserTimeZone();
    this.view = 'loading';
    this.busy = false;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  get strings(): ManageCatalogue {
    return manageCatalogue(languageOf(this.tcrm.locale), this);
  }

  t(key: ManageMessageKey, params?: Readonly<Record<string, string | number>>): string {
    return fill(this.strings[key], params);
  }

  get localeTag(): string {
    return this.tcrm.locale;
  }

  /** Who to contact: the appointment's practice, else the key's, else "the practice". */
  get practiceName(): string {
    const practice = this.tcrm.practice;
    const ofKey = practice.status === 'ready' ? practice.profile.name : '';
    return this.appointment?.practiceName || ofKey || this.t('thePractice');
  }

  get today(): string {
    return this.times.today;
  }

  /** First day (`YYYY-MM-DD`, client's zone) of the week of times shown. */
  get weekStart(): string {
    return this.times.weekStart;
  }

  /** The shown week's free times; undefined while they load. */
  get slots(): readonly GridSlot[] | undefined {
    return this.times.slots;
  }

  /** "Tuesday, March 3, 2026 at 10:00 AM" in the client's zone. */
  when(iso: string | number): string {
    return formatWhen(this.localeTag, iso, this.timeZone);
  }

  /** The token in use: the property, else the page's fragment. */
  get currentToken(): string {
    return this.token || tokenFromFragment();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const api = this.tcrm.api;
    if (!api) return;
    const tokenChanged = changed.has('token') && this.currentToken !== this.#loadedToken;
    if (api !== this.#loadedApi || tokenChanged) {
      this.#loadedApi = api;
      void this.load();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
    if (target) {
      this.#focusTarget = undefined;
      target.focus();
    }
  }

  /** Focuses `selector` in the shadow root after the next render. */
  focusAfterRender(selector = '#step-title'): void {
    this.#focusTarget = selector;
    this.requestUpdate();
  }

  #announce(text: string): void {
    // Cleared first, so the same sentence twice is spoken twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** Opens the appointment the token names. */
  async load(focus = false): Promise<void> {
    if (!this.token) this.#fromFragment = true;
    else if (this.token !== this.#ownToken) this.#fromFragment = false;
    const token = this.currentToken;
    this.#loadedToken = token;
    this.view = 'loading';
    this.notice = undefined;
    if (!token) return this.#showProblem('invalid', focus);
    try {
      this.appointment = await this.tcrm.api!.booking.manage.get.query({ token });
    } catch (error) {
      if (token === this.#loadedToken) this.#showProblem(loadProblem(error), focus);
      return;
    }
    if (token !== this.#loadedToken) return; // a newer token took over meanwhile
    this.view = 'summary';
    if (focus) this.focusAfterRender();
  }

  #showProblem(problem: LoadProblem, focus: boolean): void {
    this.problem = problem;
    this.view = 'problem';
    if (focus) this.focusAfterRender();
  }

  /** The failures every change can meet: the link went bad meanwhile. True when handled. */
  #linkFailed(error: unknown): boolean {
    const { code, reason } = failure(error);
    const problem =
      code === 'NOT_FOUND' ? 'invalid' : reason === 'link_expired' ? 'expired' : undefined;
    if (!problem) return false;
    this.#showProblem(problem, true);
    return true;
  }

  /** Back to the appointment (after "Keep appointment", "Back"), fresh from the server. */
  showSummary(notice?: ManageMessageKey): Promise<void> {
    return this.load(true).then(() => {
      this.notice = notice;
    });
  }

  askCancel(): void {
    this.notice = undefined;
    this.view = 'cancel';
    this.focusAfterRender();
  }

  keep(): void {
    this.notice = undefined;
    this.view = 'summary';
    this.focusAfterRender();
  }

  async cancel(): Promise<void> {
    const appointment = this.appointment;
    if (this.busy || !appointment) return;
    this.busy = true;
    this.notice = undefined;
    try {
      this.cancellation = await this.tcrm.api!.booking.manage.cancel.mutate({
        token: this.currentToken,
      });
    } catch (error) {
      this.busy = false;
      if (this.#linkFailed(error)) return;
      const { code } = failure(error);
      if (code === 'PRECONDITION_FAILED') return this.showSummary('notCancellable');
      this.notice = code === 'NETWORK_ERROR' ? 'error.network' : 'cancel.failed';
      return;
    }
    this.busy = false;
    this.appointment = {
      ...appointment,
      status: 'cancelled',
      canCancel: false,
      canReschedule: false,
    };
    this.view = 'cancelled';
    this.focusAfterRender();
    this.#announce(this.t('cancelled.title'));
    this.dispatchEvent(
      new TcrmAppointmentCancelledEvent({ appointmentId: this.cancellation.appointmentId }),
    );
  }

  startReschedule(): void {
    this.notice = undefined;
    this.chosen = undefined;
    this.view = 'reschedule';
    this.times.reset();
    void this.loadSlots();
    this.focusAfterRender();
  }

  setTimeZone(zone: string): void {
    this.timeZone = zone;
    if (this.view !== 'reschedule') return;
    this.notice = undefined;
    // "Today" moves with the zone; never show a week that starts before it.
    this.times.clamp();
    void this.loadSlots();
  }

  moveWeek(weeks: number): void {
    this.notice = undefined;
    this.times.step(weeks);
    void this.loadSlots();
  }

  /** PageDown/PageUp in the grid: the other week, focus back in its grid. */
  async stepWeekFromGrid(weeks: number): Promise<void> {
    if (weeks < 0 && this.weekStart <= this.today) return;
    this.moveWeek(weeks);
    await this.times.focusGrid();
  }

  /** The shown week's free times for the same type and clinician; a newer request wins. */
  loadSlots(): Promise<void> {
    const a = this.appointment;
    if (!a) return Promise.resolve();
    return this.times.load({ appointmentTypeId: a.appointmentTypeId, clinicianId: a.clinicianId });
  }

  /** A time picked in the grid: ask "Move to …?". */
  chooseSlot(slot: GridSlot): void {
    this.chosen = slot;
    this.notice = undefined;
    this.view = 'move';
    this.focusAfterRender();
  }

  /** Back to the grid with fresh times (and a message), focus in the grid. */
  async backToTimes(notice?: ManageMessageKey): Promise<void> {
    this.chosen = undefined;
    this.notice = notice;
    this.view = 'reschedule';
    await this.loadSlots();
    await this.times.focusGrid();
  }

  /** Moves the appointment to the chosen time; continues with the new link. */
  async move(): Promise<void> {
    const slot = this.chosen;
    const before = this.appointment;
    if (this.busy || !slot || !before) return;
    this.busy = true;
    this.notice = undefined;
    let moved: Rescheduled;
    try {
      moved = await this.tcrm.api!.booking.manage.reschedule.mutate({
        token: this.currentToken,
        startsAt: slot.startsAt,
      });
    } catch (error) {
      this.busy = false;
      if (this.#linkFailed(error)) return;
      const { code } = failure(error);
      if (code === 'CONFLICT') return this.backToTimes('taken');
      if (code === 'VALIDATION_FAILED') return this.backToTimes('unavailable');
      // Too late to move, or changed meanwhile: the summary says what holds now.
      if (code === 'PRECONDITION_FAILED') return this.showSummary('outsideWindow');
      this.notice = code === 'NETWORK_ERROR' ? 'error.network' : 'move.failed';
      return;
    }
    // The old link now opens a cancelled appointment: carry on with the new one.
    this.#loadedToken = this.#ownToken = moved.manageToken;
    this.token = moved.manageToken;
    if (this.#fromFragment) replaceFragmentToken(moved.manageToken);
    this.previousStartsAt = before.startsAt;
    try {
      this.appointment = await this.tcrm.api!.booking.manage.get.query({
        token: moved.manageToken,
      });
    } catch {
      // The move happened; show it with what the answer says.
      const { appointmentId, status, startsAt, endsAt } = moved;
      this.appointment = { ...before, appointmentId, status, startsAt, endsAt };
    }
    this.busy = false;
    this.chosen = undefined;
    this.view = 'moved';
    this.focusAfterRender();
    this.#announce(this.t('moved.body', { time: this.when(moved.startsAt) }));
    this.dispatchEvent(
      new TcrmAppointmentRescheduledEvent({
        appointmentId: moved.appointmentId,
        previousAppointmentId: moved.previousAppointmentId,
      }),
    );
  }

  protected override render() {
    return html`${renderManage(this)}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}
