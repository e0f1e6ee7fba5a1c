// Templates of the first two steps (types, times) and the frame around the
// lazily loaded ones (details, confirmation). State lives on the element.
import { html, nothing, type TemplateResult } from 'lit';
import type { AppointmentType } from './booking-api.js';
import type { TcrmBooking } from './booking.js';
import type { BookingMessageKey } from './booking-messages.js';
import { timeZones } from './zoned-time.js';
import { practiceZoneLabel, weekHeader, weekRange } from './week-header.js';

/** Amounts in the practice's currency (USD until the practice profile names one). */
export function money(host: TcrmBooking, cents: number): string {
  return new Intl.NumberFormat(host.localeTag, { style: 'currency', currency: 'USD' }).format(
    cents / 100,
  );
}

export const title = (text: string) =>
  html`<h2 id="step-title" part="step-title" tabindex="-1">${text}</h2>`;

/** A message the client must notice: conflicts, expiry, failures (announced as an alert). */
export const notice = (host: TcrmBooking, key: BookingMessageKey | undefined) =>
  html`<div role="alert">
    ${key ? html`<p class="notice" part="notice">${host.t(key)}</p>` : nothing}
  </div>`;

/** Price, duration, modality, booking mode and policy of a type, as sentences. */
function typeFacts(host: TcrmBooking, type: AppointmentType): TemplateResult {
  const t = host.t.bind(host);
  const price = type.priceCents ? money(host, type.priceCents) : t('free');
  const policy = type.cancellationWindowHours
    ? t('policy.free', { hours: type.cancellationWindowHours })
    : t('policy.none');
  return html`<span class="meta"
      >${t('minutes', { n: type.durationMinutes })} · ${t(type.modality)} · ${price}</span
    >
    <span class="facts">
      ${type.depositCents ? html`<span>${t('deposit', { amount: money(host, type.depositCents) })}</span>` : nothing}
      <span>${t(type.bookingMode)}</span>
      ${type.clientEligibility !== 'any' ? html`<span>${t(type.clientEligibility)}</span>` : nothing}
      <span>${policy}</span>
      ${
        type.lateCancelFeeCents
          ? html`<span>${t('policy.fee', { fee: money(host, type.lateCancelFeeCents) })}</span>`
          : nothing
      }
    </span>`;
}

function renderTypes(host: TcrmBooking): TemplateResult {
  return html`${title(host.t('types.title'))} ${notice(host, host.notice)}
  ${
    host.types.length
      ? html`<ul class="types" role="list">
          ${host.types.map(
            (type) =>
              html`<li part="type">
                <button
                  part="button type-button"
                  class="type"
                  data-type-id=${type.id}
                  @click=${() => host.chooseType(type)}
                >
                  <span class="name">${type.name}</span>
                  ${typeFacts(host, type)}
                </button>
              </li>`,
          )}
        </ul>`
      : html`<p>${host.t('types.empty')}</p>`
  }`;
}

/**
 * Below the times: "None of these times work? Join the waitlist", a primary
 * action when the week has none; the form itself is a lazy chunk.
 */
function renderWaitlistEntry(host: TcrmBooking): TemplateResult | typeof nothing {
  if (host.waitlistOpen && host.waitlist) return host.waitlist.renderWaitlist(host);
  if (host.slots === undefined) return nothing;
  const empty = host.slots.length === 0;
  return html`<p class="waitlist-entry">
    ${host.t(empty ? 'waitlist.emptyPrompt' : 'waitlist.prompt')}
    <button
      id="waitlist-open"
      part=${empty ? 'button primary' : 'button'}
      class=${empty ? 'primary' : 'link'}
      @click=${() => void host.openWaitlist()}
    >
      ${host.t('waitlist.open')}
    </button>
  </p>`;
}

function renderTime(host: TcrmBooking): TemplateResult {
  const t = host.t.bind(host);
  const type = host.type!;
  const range = weekRange(host);
  const zones = timeZones(host.timeZone);
  const slots = host.slots;
  return html`${title(t('time.title'))}
    <p class="chosen">
      <span>${type.name} · ${t('minutes', { n: type.durationMinutes })}</span>
      <button part="button" class="link" @click=${() => host.showTypes()}>
        ${t('change')}<span class="sr-only">: ${type.name}</span>
      </button>
    </p>
    <div class="controls">
      ${
        host.clinicians.length > 1
          ? html`<label
              >${t('clinician')}
              <select
                id="clinician"
                .value=${host.clinicianId}
                @change=${(e: Event) => host.setClinician((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!host.clinicianId}>${t('anyClinician')}</option>
                ${host.clinicians.map(
                  (c) =>
                    html`<option value=${c.id} ?selected=${c.id === host.clinicianId}>
                      ${c.displayName}
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
      <label
        >${t('timeZone')}
        <select
          id="time-zone"
          aria-describedby="practice-zone"
          @change=${(e: Event) => host.setTimeZone((e.target as HTMLSelectElement).value)}
        >
          ${zones.map(
            (zone) =>
              html`<option value=${zone} ?selected=${zone === host.timeZone}>
                ${zone.replace(/_/g, ' ')}
              </option>`,
          )}
        </select></label
      >
    </div>
    ${weekHeader(host, range, {
      practiceZone: t('practiceZone', {
        zone: practiceZoneLabel(host.localeTag, host.practiceZone),
      }),
      prevWeek: t('prevWeek'),
      nextWeek: t('nextWeek'),
    })}
    ${notice(host, host.notice)}
    ${
      slots === undefined
        ? html`<p class="status">${t('loadingTimes')}</p>`
        : slots.length
          ? html`<tcrm-slot-grid
              .slots=${slots}
              .timeZone=${host.timeZone}
              .locale=${host.localeTag}
              .label=${t('slotsLabel', { range })}
              .busy=${host.busy}
              @tcrm-slot-select=${(e: CustomEvent) => void host.chooseSlot(e.detail)}
              @tcrm-week-step=${(e: CustomEvent<number>) => void host.stepWeekFromGrid(e.detail)}
            ></tcrm-slot-grid>`
          : html`<p class="status empty">${t('noTimes')}</p>`
    }
    ${renderWaitlistEntry(host)}`;
}

/** The step being shown. */
export function renderBooking(host: TcrmBooking): TemplateResult | typeof nothing {
  switch (host.step) {
    case 'loading':
      return html`<p class="status">${host.t('loading')}</p>`;
    case 'error':
      return html`${notice(host, host.notice)}
        <button part="button" @click=${() => void host.load()}>${host.t('retry')}</button>`;
    case 'types':
      return renderTypes(host);
    case 'time':
      return renderTime(host);
    case 'details':
      return host.details ? host.details.renderDetails(host) : nothing;
    case 'done':
      return host.details ? host.details.renderDone(host) : nothing;
  }
}
