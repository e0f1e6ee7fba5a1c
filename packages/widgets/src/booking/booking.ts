import type { CSSResultGroup, PropertyDeclarations, PropertyValues } from 'lit';
import { html } from 'lit';
import { TcrmElement } from '../internal/tcrm-element.js';
import type { TcrmApi } from '../api/api-client.js';
import { languageOf } from '../i18n/locale.js';
import {
  failure,
  type AppointmentType,
  type Booking,
  type Clinician,
  type Hold,
  type Offer,
} from './booking-api.js';
import { TcrmSlotHeldEvent } from './booking.events.js';
import { offerToken, openOffer } from './booking-offer.js';
import { paymentReturn } from './payment-return.js';
import {
  bookingCatalogue,
  fill,
  type BookingCatalogue,
  type BookingMessageKey,
} from './booking-messages.js';
import { renderBooking } from './booking.render.js';
import { HoldCountdown } from './hold-countdown.js';
import { bookingStyles } from './booking.styles.js';
import type { GridSlot, TcrmSlotGrid } from './slot-grid.js';
import { addDays, browserTimeZone, localDate, startOfDay } from './zoned-time.js';

/** What the widget shows. */
export type BookingStep = 'loading' | 'error' | 'types' | 'time' | 'details' | 'done';

/** The details step and confirmation, loaded when the client first reaches the time step. */
type DetailsModule = typeof import('./booking-details.js');
const loadDetails = (): Promise<DetailsModule> => import('./booking-details.js');
/** The join-the-waitlist form, loaded when the client asks for it. */
type WaitlistModule = typeof import('./booking-waitlist.js');
const loadWaitlist = (): Promise<WaitlistModule> => import('./booking-waitlist.js');

/**
 * Online booking: appointment types with their price and policies, a
 * clinician (or any), a week of free times in the client's timezone (the
 * practice's stated), a hold with a countdown while the client enters their
 * details, and a confirmation with an add-to-calendar file. Conflicts (the
 * time was just taken) and expired holds return to the times with a message.
 * When the server asks for payment, the client is sent to Stripe Checkout
 * and shown the confirmation on return (`?booking=…&status=success`).
 * A waitlist offer link (`#hold=…`, or `hold-token`) opens at the details
 * step for the time held for the client; below the times, clients for whom
 * none fits can join the waitlist.
 *
 * Works inside a `<tcrm-provider>` or alone with `publishable-key` (plus
 * `api-url` when the script is not served by the therapyCRM server).
 *
 * @summary Appointment booking: type, clinician, time, details, confirmation.
 *
 * @fires tcrm-slot-held - A time is held (detail: holdId, startsAt, endsAt, expiresAt).
 * @fires tcrm-booked - Booked or requested (detail: appointmentId, status).
 * @fires tcrm-offer-opened - A waitlist offer is shown (detail: holdId, startsAt, endsAt, expiresAt).
 * @fires tcrm-waitlist-joined - On the waitlist (detail: appointmentTypeId, clinicianId, from, to; no e-mail).
 *
 * @csspart step-title - Each step's heading.
 * @csspart type - An appointment type card; `type-button` its button.
 * @csspart notice - Conflict, expiry and failure messages.
 * @csspart countdown - The hold's remaining time.
 * @csspart button - Every button; `primary` also on the main action.
 * @csspart confirmation - The confirmation panel.
 */
export class TcrmBooking extends TcrmElement {
  static override styles: CSSResultGroup = [TcrmElement.styles, bookingStyles];

  static override properties: PropertyDeclarations = {
    appointmentType: { attribute: 'appointment-type' },
    clinician: {},
    timeZone: { attribute: 'time-zone' },
    holdToken: { attribute: 'hold-token' },
    step: { state: true },
    notice: { state: true },
    busy: { state: true },
    slots: { state: true },
    announcement: { state: true },
    waitlistOpen: { state: true },
  };

  /** Id of an appointment type to start with (skips the type list). */
  declare appointmentType: string | undefined;
  /** Id of a clinician to book with; the client can still choose another. */
  declare clinician: string | undefined;
  /** The client's IANA timezone to start with; defaults to the browser's. */
  declare timeZone: string;
  /**
   * The token of a waitlist offer to open (a `thd_…` hold token); without
   * it the page's `#hold=` fragment is read. Kept in memory only.
   */
  declare holdToken: string | undefined;
  declare step: BookingStep;
  declare notice: BookingMessageKey | undefined;
  declare busy: boolean;
  /** The week's free times; undefined while they load. */
  declare slots: readonly GridSlot[] | undefined;
  /** Milliseconds left on the hold (by this browser's clock). */
  get remaining(): number {
    return this.#countdown.remaining;
  }
  declare announcement: string;
  /** The join-the-waitlist form is shown below the times. */
  declare waitlistOpen: boolean;

  types: readonly AppointmentType[] = [];
  clinicians: readonly Clinician[] = [];
  type: AppointmentType | undefined;
  clinicianId = '';
  /** First day (`YYYY-MM-DD`, in the client's zone) of the week shown. */
  weekStart = '';
  hold: Hold | undefined;
  booking: Booking | undefined;
  /** Returned from payment: `success` or `cancel`. */
  paymentReturn: string | undefined;
  details: DetailsModule | undefined;
  waitlist: WaitlistModule | undefined;
  /** The waitlist offer being shown at the details step. */
  offer: Offer | undefined;

  #loadedApi: unknown;
  #slotRequest = 0;
  #pendingSlots: Promise<void> = Promise.resolve();
  #countdown = new HoldCountdown(this, (moment) => (this.announcement = this.t(moment)));
  #focusTarget: string | undefined;

  constructor() {
    super();
    this.timeZone = browserTimeZone();
    this.step = 'loading';
    this.busy = false;
    this.announcement = '';
    this.waitlistOpen = false;
  }

  /** Strings in the widget's language. */
  get strings(): BookingCatalogue {
    return bookingCatalogue(languageOf(this.tcrm.locale), this);
  }

  t(key: BookingMessageKey, params?: Readonly<Record<string, string | number>>): string {
    return fill(this.strings[key], params);
  }

  get localeTag(): string {
    return this.tcrm.locale;
  }

  get practiceName(): string {
    const practice = this.tcrm.practice;
    return practice.status === 'ready' ? practice.profile.name : '';
  }

  get practiceZone(): string {
    const practice = this.tcrm.practice;
    return practice.status === 'ready' ? practice.profile.timezone : 'UTC';
  }

  get session() {
    return this.tcrm.session;
  }

  /** The provider's API client (undefined until configured). */
  get api(): TcrmApi | undefined {
    return this.tcrm.api;
  }

  get today(): string {
    return localDate(this.timeZone, Date.now());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const api = this.tcrm.api;
    if (api && api !== this.#loadedApi) {
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
  focusAfterRender(selector: string): void {
    this.#focusTarget = selector;
    this.requestUpdate();
  }

  /** Loads types and clinicians; resumes a return from payment, or opens a waitlist offer. */
  async load(): Promise<void> {
    const api = this.tcrm.api!;
    this.step = 'loading';
    try {
      [this.types, this.clinicians] = await Promise.all([
        api.booking.appointmentTypes.query(),
        api.booking.clinicians.query(),
      ]);
    } catch (error) {
      this.notice = failure(error).code === 'NETWORK_ERROR' ? 'error.network' : 'error.load';
      this.step = 'error';
      return;
    }
    this.notice = undefined;
    if (this.clinician && this.clinicians.some((c) => c.id === this.clinician))
      this.clinicianId = this.clinician;
    const returned = paymentReturn();
    if (returned?.status === 'success') {
      // Stripe sent the client back: the server confirms on the signed webhook.
      this.paymentReturn = returned.status;
      this.details = await loadDetails();
      this.booking = {
        appointmentId: returned.appointmentId,
        status: 'confirmed',
        startsAt: '',
        endsAt: '',
      };
      this.step = 'done';
      return;
    }
    if (returned?.status === 'cancel') this.notice = 'done.cancelled';
    const token = returned ? null : offerToken(this.holdToken);
    if (token && (await openOffer(this, api, token))) return;
    const preset = this.types.find((t) => t.id === this.appointmentType);
    if (preset) this.chooseType(preset, false);
    else this.step = 'types';
  }

  /** `byClient`: chosen from the list (not preset), so earlier notices are done with. */
  chooseType(type: AppointmentType, byClient = true): void {
    this.#closeWaitlist();
    if (byClient) this.notice = undefined;
    this.type = type;
    this.step = 'time';
    this.weekStart = this.today;
    void this.loadSlots();
    // The details step is needed next: fetch it while the client chooses.
    void loadDetails().then((module) => (this.details = module));
    if (byClient) this.focusAfterRender('#step-title');
  }

  showTypes(): void {
    this.#closeWaitlist();
    this.step = 'types';
    this.notice = undefined;
    this.focusAfterRender('#step-title');
  }

  setClinician(id: string): void {
    this.clinicianId = id;
    this.notice = undefined;
    void this.loadSlots();
  }

  setTimeZone(zone: string): void {
    this.timeZone = zone;
    this.notice = undefined;
    // "Today" moves with the zone; never show a week that starts before it.
    if (this.weekStart < this.today) this.weekStart = this.today;
    void this.loadSlots();
  }

  moveWeek(weeks: number): void {
    this.notice = undefined;
    const next = addDays(this.weekStart, weeks * 7);
    this.weekStart = next < this.today ? this.today : next;
    void this.loadSlots();
  }

  /** PageDown/PageUp in the grid: the other week, focus back in its grid. */
  async stepWeekFromGrid(weeks: number): Promise<void> {
    if (weeks < 0 && this.weekStart <= this.today) return;
    this.moveWeek(weeks);
    await this.#focusGrid();
  }

  /** Fetches the shown week's free times; a newer request wins over an older one. */
  loadSlots(): Promise<void> {
    return (this.#pendingSlots = this.#fetchSlots());
  }

  async #fetchSlots(): Promise<void> {
    const type = this.type;
    if (!type) return;
    const request = ++this.#slotRequest;
    const zone = this.timeZone;
    this.slots = undefined;
    try {
      const answer = await this.tcrm.api!.booking.availability.query({
        appointmentTypeId: type.id,
        ...(this.clinicianId ? { clinicianId: this.clinicianId } : {}),
        from: new Date(Math.max(Date.now(), startOfDay(zone, this.weekStart))).toISOString(),
        to: new Date(startOfDay(zone, addDays(this.weekStart, 7))).toISOString(),
        timeZone: zone,
      });
      if (request !== this.#slotRequest) return;
      // With "any clinician" several may be free at one time: offer the time once.
      const seen = new Set<string>();
      this.slots = answer.slots.filter((s) => !seen.has(s.startsAt) && seen.add(s.startsAt));
    } catch (error) {
      if (request !== this.#slotRequest) return;
      this.slots = [];
      this.notice = failure(error).code === 'NETWORK_ERROR' ? 'error.network' : 'error.load';
    }
  }

  /** Holds the chosen time; a conflict returns to fresh times with a message. */
  async chooseSlot(slot: GridSlot): Promise<void> {
    if (this.busy || !this.type) return;
    this.busy = true;
    this.notice = undefined;
    try {
      this.hold = await this.tcrm.api!.booking.hold.mutate({
        appointmentTypeId: this.type.id,
        clinicianId: slot.clinicianId,
        startsAt: slot.startsAt,
        timeZone: this.timeZone,
      });
    } catch (error) {
      const { code } = failure(error);
      this.busy = false;
      await this.backToTimes(
        code === 'CONFLICT'
          ? 'taken'
          : code === 'VALIDATION_FAILED'
            ? 'unavailable'
            : 'error.network',
      );
      return;
    }
    this.busy = false;
    const { holdId, startsAt, endsAt, expiresAt } = this.hold;
    this.dispatchEvent(new TcrmSlotHeldEvent({ holdId, startsAt, endsAt, expiresAt }));
    await this.showHeld();
  }

  /** The details step for `hold` (just held, or offered), its countdown running. */
  async showHeld(focus = true): Promise<void> {
    this.details ??= await loadDetails();
    this.step = 'details';
    this.#countdown.start(this.hold!.expiresAt);
    if (focus) this.focusAfterRender('#step-title');
  }

  /** Back to the grid with fresh times (and a message), focus on the grid. */
  async backToTimes(notice?: BookingMessageKey): Promise<void> {
    this.#countdown.stop();
    this.hold = undefined;
    this.offer = undefined;
    if (!this.type) {
      // An offer of a type no longer listed: the client picks a type.
      this.showTypes();
      this.notice = notice;
      return;
    }
    this.notice = notice;
    this.step = 'time';
    if (notice) this.announcement = '';
    await this.loadSlots();
    await this.#focusGrid();
  }

  /** Once the week's times are in: focus the grid, or the week's heading when there are none. */
  async #focusGrid(): Promise<void> {
    // A newer request (another week, zone or clinician) replaces the pending one.
    while (this.slots === undefined) await this.#pendingSlots;
    await this.updateComplete;
    const grid = this.renderRoot.querySelector<TcrmSlotGrid>('tcrm-slot-grid');
    if (grid) {
      await grid.updateComplete;
      grid.focus();
    } else this.renderRoot.querySelector<HTMLElement>('#week-title')?.focus();
  }

  /** The booking went through (or is off to payment). */
  finish(booking: Booking): void {
    this.#countdown.stop();
    this.hold = undefined;
    this.offer = undefined;
    this.booking = booking;
    this.notice = undefined;
    this.step = 'done';
    this.focusAfterRender('#step-title');
  }

  /** Opens the join-the-waitlist form below the times, focus on its heading. */
  async openWaitlist(): Promise<void> {
    try {
      this.waitlist ??= await loadWaitlist();
    } catch {
      this.notice = 'error.network';
      return;
    }
    this.waitlistOpen = true;
    this.focusAfterRender('#waitlist-title');
  }

  /** Closes the form; focus back on the action that opened it. */
  closeWaitlist(): void {
    this.#closeWaitlist();
    this.focusAfterRender('#waitlist-open');
  }

  #closeWaitlist(): void {
    this.waitlistOpen = false;
    if (this.waitlist) this.waitlist.resetWaitlist(this);
  }

  startOver(): void {
    this.booking = undefined;
    this.paymentReturn = undefined;
    this.showTypes();
  }

  protected override render() {
    return html`${renderBooking(this)}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}
