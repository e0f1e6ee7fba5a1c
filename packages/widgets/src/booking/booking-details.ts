// The details step (name, e-mail, phone while the time is held), confirm
// with an Idempotency-Key, and the confirmation. Loaded lazily: a page that
// only lists times does not pay for the form fields.
import { html, nothing, type TemplateResult } from 'lit';
import { submitOnEnter, type TcrmBookingField } from './booking-field.js';
import { TcrmBookedEvent } from './booking.events.js';
import { confirmBooking, failure, safeCheckoutUrl, type ClientDetails } from './booking-api.js';
import type { TcrmBooking } from './booking.js';
import type { BookingMessageKey } from './booking-messages.js';
import { money, notice, title } from './booking.render.js';
import { icsDataUrl } from './ics.js';
import { zoneName } from './zoned-time.js';

// Memory only (never storage): what the client typed, so choosing another
// time keeps it, and the current confirm attempt's key, so a retry of the
// same details reuses it and the server books once.
const drafts = new WeakMap<TcrmBooking, Record<string, string>>();
const attempts = new WeakMap<TcrmBooking, { key: string; payload: string }>();

/** The server's own phone rule for client records (clients.schema.ts). */
const PHONE_PATTERN = '\\+?[0-9 ()\\-]{7,20}';

const FIELDS = [
  { name: 'firstName', label: 'firstName', autocomplete: 'given-name', max: 100 },
  { name: 'lastName', label: 'lastName', autocomplete: 'family-name', max: 100 },
  { name: 'email', label: 'email', autocomplete: 'email', max: 254, type: 'email' },
  { name: 'phone', label: 'phone', autocomplete: 'tel', max: 20, type: 'tel', optional: true },
] as const;

/** "Tuesday, March 3, 9:00 AM" in `zone`. */
function when(host: TcrmBooking, iso: string, zone: string): string {
  return new Intl.DateTimeFormat(host.localeTag, {
    timeZone: zone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(Date.parse(iso));
}

function whenBlock(host: TcrmBooking, startsAt: string): TemplateResult {
  const zone = host.timeZone;
  const practiceZone = host.practiceZone;
  return html`<p class="when">
      <strong>${when(host, startsAt, zone)}</strong>
      (${zoneName(host.localeTag, zone, Date.parse(startsAt))})
    </p>
    ${
      practiceZone !== zone
        ? html`<p class="hint">
            ${host.t('practiceTime', {
              time: `${when(host, startsAt, practiceZone)} (${zoneName(host.localeTag, practiceZone, Date.parse(startsAt))})`,
            })}
          </p>`
        : nothing
    }`;
}

/** "9:41", or "1:59:41" for a waitlist offer's longer hold. */
const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
    : `${Math.floor(s / 60)}:${two(s % 60)}`;
};

/**
 * A waitlist offer's intro: what and with whom, and until when it is held
 * (the time in the client's zone; the countdown below says how long).
 */
function offerIntro(host: TcrmBooking): TemplateResult | typeof nothing {
  const offer = host.offer;
  if (!offer || offer.holdId !== host.hold?.holdId) return nothing;
  const until = new Intl.DateTimeFormat(host.localeTag, {
    timeZone: host.timeZone,
    timeStyle: 'short',
  }).format(Date.parse(offer.expiresAt));
  return html`${
      host.type
        ? html`<p class="chosen">
            ${host.t('offer.with', { type: host.type.name, clinician: offer.clinicianName })}
          </p>`
        : nothing
    }
    ${whenBlock(host, offer.startsAt)}
    <p>${host.t('offer.heldUntil', { time: until })}</p>`;
}

export function renderDetails(host: TcrmBooking): TemplateResult {
  const hold = host.hold!;
  const draft = drafts.get(host) ?? {};
  const expired = host.remaining <= 0;
  const request = host.type?.bookingMode === 'request';
  const keep = (e: Event) => {
    const field = e.target as TcrmBookingField;
    drafts.set(host, { ...drafts.get(host), [field.name]: field.value });
  };
  const offered = host.offer?.holdId === hold.holdId;
  return html`${title(host.t(offered ? 'offer.title' : 'details.title'))}
    ${offered ? offerIntro(host) : whenBlock(host, hold.startsAt)}
    ${
      expired
        ? notice(host, 'expired')
        : html`<p class="countdown" part="countdown" role="timer">
              ${host.t('heldFor', { time: clock(host.remaining) })}
            </p>
            ${notice(host, host.notice)}`
    }
    <form
      novalidate
      @tcrm-input=${keep}
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void submit(host, e.target as HTMLFormElement);
      }}
      @keydown=${submitOnEnter}
    >
      ${FIELDS.map(
        (f) =>
          html`<tcrm-booking-field
            name=${f.name}
            label=${host.t(f.label)}
            type=${'type' in f ? f.type : 'text'}
            autocomplete=${f.autocomplete}
            maxlength=${f.max}
            pattern=${f.name === 'phone' ? PHONE_PATTERN : nothing}
            description=${f.name === 'phone' ? host.t('phoneHint') : nothing}
            ?required=${!('optional' in f)}
            .locale=${host.localeTag}
            .value=${draft[f.name] ?? ''}
          ></tcrm-booking-field>`,
      )}
      <div class="actions">
        ${
          expired
            ? nothing
            : html`<button
                type="submit"
                part="button primary"
                class="primary"
                aria-disabled=${host.busy ? 'true' : 'false'}
              >
                ${host.busy ? host.t('booking') : host.t(request ? 'sendRequest' : 'book')}
              </button>`
        }
        <button
          type="button"
          part="button"
          class=${expired ? 'primary' : ''}
          @click=${() => void host.backToTimes()}
        >
          ${host.t('otherTime')}
        </button>
      </div>
    </form>`;
}

/** What a confirm failure means for the client, and where they go next. */
function onFailure(host: TcrmBooking, error: unknown): void {
  const { code, reason } = failure(error);
  if (code === 'CONFLICT') return void host.backToTimes('taken');
  if (reason === 'hold_expired' || code === 'NOT_FOUND') return void host.backToTimes('expired');
  const key: BookingMessageKey =
    reason === 'payments_not_configured'
      ? 'confirm.payment'
      : code === 'UNAUTHORIZED'
        ? 'confirm.verify'
        : code === 'PRECONDITION_FAILED'
          ? 'confirm.eligibility'
          : code === 'VALIDATION_FAILED' || code === 'BAD_REQUEST'
            ? 'confirm.invalid'
            : 'confirm.failed';
  host.notice = key;
}

/** This page, without a previous payment's outcome in the query or any fragment. */
function returnUrl(): string {
  const url = new URL(location.href);
  for (const name of ['booking', 'status', 'tcrm-checkout', 'appointment'])
    url.searchParams.delete(name);
  url.hash = '';
  return url.href;
}

async function submit(host: TcrmBooking, form: HTMLFormElement): Promise<void> {
  const hold = host.hold;
  if (host.busy || !hold || host.remaining <= 0) return;
  const fields = [...form.querySelectorAll('tcrm-booking-field')];
  const invalid = fields.filter((field) => !field.reportValidity());
  if (invalid.length) return invalid[0]!.focus();
  const value = (name: string) => fields.find((f) => f.name === name)!.value.trim();
  const client: ClientDetails = {
    firstName: value('firstName'),
    lastName: value('lastName'),
    email: value('email'),
    ...(value('phone') ? { phone: value('phone') } : {}),
  };
  // Where Stripe Checkout sends the client back (the server adds ?booking=…&status=…).
  const input = { holdToken: hold.holdToken, client, returnUrl: returnUrl() };
  // One key per attempt: the same details again (a retry) reuse it.
  const payload = JSON.stringify(input);
  let attempt = attempts.get(host);
  if (attempt?.payload !== payload)
    attempts.set(host, (attempt = { key: crypto.randomUUID(), payload }));
  host.busy = true;
  host.notice = undefined;
  try {
    const booking = await confirmBooking(host, host.session, attempt.key, input);
    attempts.delete(host);
    if (booking.status === 'awaiting_payment') {
      // Payment first: the server confirms the booking on Stripe's signed webhook.
      const checkout = safeCheckoutUrl(booking.checkoutUrl);
      if (checkout) return location.assign(checkout);
      throw new Error('No usable checkout URL');
    }
    drafts.delete(host);
    host.finish(booking);
    host.dispatchEvent(
      new TcrmBookedEvent({ appointmentId: booking.appointmentId, status: booking.status }),
    );
  } catch (error) {
    onFailure(host, error);
  } finally {
    host.busy = false;
  }
}

export function renderDone(host: TcrmBooking): TemplateResult {
  const booking = host.booking!;
  const requested = booking.status === 'requested';
  const type = host.type;
  return html`${title(host.t(requested ? 'done.requested' : 'done.booked'))}
    <div class="confirmation" part="confirmation">
      ${
        host.paymentReturn
          ? html`<p>${host.t('done.paid')}</p>`
          : html`${whenBlock(host, booking.startsAt)}
              ${requested ? html`<p>${host.t('done.requestedBody')}</p>` : nothing}
              ${
                type?.lateCancelFeeCents
                  ? html`<p>
                      ${host.t('policy.free', { hours: type.cancellationWindowHours })}
                      ${host.t('policy.fee', { fee: money(host, type.lateCancelFeeCents) })}
                    </p>`
                  : nothing
              }
              <p>
                <a
                  part="button"
                  class="button"
                  download="appointment.ics"
                  href=${icsDataUrl({
                    startsAt: booking.startsAt,
                    endsAt: booking.endsAt,
                    title: host.t('calendarTitle', { practice: host.practiceName }),
                  })}
                  >${host.t('addToCalendar')}</a
                >
              </p>`
      }
    </div>
    <div class="actions">
      <button part="button" @click=${() => host.startOver()}>${host.t('bookAnother')}</button>
    </div>`;
}
