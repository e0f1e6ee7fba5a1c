// "None of these times work? Join the waitlist": the small form below the
// times (an e-mail address and how long to wait), `booking.waitlist.join`,
// and its confirmation. Loaded lazily, when the client opens it.
import { html, type TemplateResult } from 'lit';
import { submitOnEnter, type TcrmBookingField } from './booking-field.js';
import { TcrmWaitlistJoinedEvent } from './booking.events.js';
import { failure, type WaitlistInput } from './booking-api.js';
import type { TcrmBooking } from './booking.js';
import type { BookingMessageKey } from './booking-messages.js';
import { notice } from './booking.render.js';
import { addDays, startOfDay } from './zoned-time.js';

/** Weeks to wait, counted from the week shown; the server takes at most 62 days. */
const WEEKS = [1, 2, 4, 8] as const;
const DEFAULT_WEEKS = 4;
const MAX_RANGE_MS = 62 * 86_400_000;

interface WaitlistState {
  weeks: number;
  /** What the client typed (memory only), kept across re-renders. */
  email: string;
  busy: boolean;
  error: BookingMessageKey | undefined;
  joined: { from: string; to: string } | undefined;
}

const states = new WeakMap<TcrmBooking, WaitlistState>();

function stateOf(host: TcrmBooking): WaitlistState {
  let state = states.get(host);
  if (!state) {
    state = { weeks: DEFAULT_WEEKS, email: '', busy: false, error: undefined, joined: undefined };
    states.set(host, state);
  }
  return state;
}

/** Forgets the form (another type, or back to the list). */
export function resetWaitlist(host: TcrmBooking): void {
  states.delete(host);
}

/**
 * The range asked for: from the first midnight of the week shown (in the
 * client's zone) for `weeks` weeks, capped at 62 days. The same week and
 * choice give the same instants, so a retry is the same request and the
 * server answers it the same.
 */
export function waitlistRange(host: TcrmBooking, weeks: number): { from: string; to: string } {
  const from = startOfDay(host.timeZone, host.weekStart);
  const end = startOfDay(host.timeZone, addDays(host.weekStart, weeks * 7));
  return {
    from: new Date(from).toISOString(),
    to: new Date(Math.min(end, from + MAX_RANGE_MS)).toISOString(),
  };
}

/** "Sunday, December 6" in the client's zone. */
function day(host: TcrmBooking, instant: number): string {
  return new Intl.DateTimeFormat(host.localeTag, {
    timeZone: host.timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(instant);
}

/** The range's first and last day (`to` is the midnight after it). */
function days(host: TcrmBooking, range: { from: string; to: string }) {
  return { from: day(host, Date.parse(range.from)), to: day(host, Date.parse(range.to) - 1) };
}

function errorOf(error: unknown): BookingMessageKey {
  const { code } = failure(error);
  if (code === 'RATE_LIMITED') return 'waitlist.rateLimited';
  if (code === 'VALIDATION_FAILED' || code === 'BAD_REQUEST') return 'waitlist.invalid';
  if (code === 'NOT_FOUND') return 'waitlist.gone';
  return code === 'NETWORK_ERROR' ? 'error.network' : 'waitlist.failed';
}

async function join(host: TcrmBooking, form: HTMLFormElement): Promise<void> {
  const state = stateOf(host);
  const type = host.type;
  const api = host.api;
  if (state.busy || !type || !api) return;
  const field = form.querySelector('tcrm-booking-field')!;
  if (!field.reportValidity()) return field.focus();
  const clinicianId = host.clinicianId || null;
  const input: WaitlistInput = {
    appointmentTypeId: type.id,
    ...(clinicianId ? { clinicianId } : {}),
    ...waitlistRange(host, state.weeks),
    email: field.value.trim(),
  };
  state.busy = true;
  state.error = undefined;
  host.requestUpdate();
  try {
    const { from, to } = await api.booking.waitlist.join.mutate(input);
    state.joined = { from, to };
    state.email = '';
    host.announcement = `${host.t('waitlist.joined')}. ${host.t('waitlist.joinedBody', days(host, state.joined))}`;
    host.focusAfterRender('#waitlist-title');
    host.dispatchEvent(
      new TcrmWaitlistJoinedEvent({ appointmentTypeId: type.id, clinicianId, from, to }),
    );
  } catch (error) {
    state.error = errorOf(error);
  } finally {
    state.busy = false;
    host.requestUpdate();
  }
}

export function renderWaitlist(host: TcrmBooking): TemplateResult {
  const state = stateOf(host);
  const t = host.t.bind(host);
  if (state.joined)
    return html`<section class="waitlist" part="waitlist" aria-labelledby="waitlist-title">
      <h3 id="waitlist-title" tabindex="-1">${t('waitlist.joined')}</h3>
      <p>${t('waitlist.joinedBody', days(host, state.joined))}</p>
    </section>`;
  const clinician =
    host.clinicians.find((c) => c.id === host.clinicianId)?.displayName ??
    t('waitlist.anyClinician');
  return html`<section class="waitlist" part="waitlist" aria-labelledby="waitlist-title">
    <h3 id="waitlist-title" tabindex="-1">${t('waitlist.title')}</h3>
    <p>${t('waitlist.intro', { type: host.type?.name ?? '', clinician })}</p>
    <form
      novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void join(host, e.target as HTMLFormElement);
      }}
      @keydown=${submitOnEnter}
    >
      <label
        >${t('waitlist.until')}
        <select
          id="waitlist-until"
          @change=${(e: Event) => {
            state.weeks = Number((e.target as HTMLSelectElement).value);
            host.requestUpdate();
          }}
        >
          ${WEEKS.map(
            (weeks) =>
              html`<option value=${weeks} ?selected=${weeks === state.weeks}>
                ${days(host, waitlistRange(host, weeks)).to}
              </option>`,
          )}
        </select></label
      >
      <tcrm-booking-field
        name="email"
        type="email"
        label=${t('email')}
        autocomplete="email"
        maxlength="254"
        required
        .locale=${host.localeTag}
        .value=${state.email}
        @tcrm-input=${(e: Event) => (state.email = (e.target as TcrmBookingField).value)}
      ></tcrm-booking-field>
      ${notice(host, state.error)}
      <div class="actions">
        <button
          type="submit"
          part="button primary"
          class="primary"
          aria-disabled=${state.busy ? 'true' : 'false'}
        >
          ${state.busy ? t('waitlist.joining') : t('waitlist.open')}
        </button>
        <button type="button" part="button" @click=${() => host.closeWaitlist()}>
          ${t('cancel')}
        </button>
      </div>
    </form>
  </section>`;
}
