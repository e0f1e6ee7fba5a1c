// Pieces every view of the manage widget uses: heading, alert, money, the
// time in the client's zone (and the practice's), the zone switch.
import { html, nothing, type TemplateResult } from 'lit';
import { timeZones, zoneName } from '../booking/zoned-time.js';
import type { TcrmBookingManage } from './booking-manage.js';
import { formatMoney, formatWhen } from './manage-format.js';
import type { ManageMessageKey } from './manage-messages.js';

export const title = (text: string) =>
  html`<h2 id="step-title" part="step-title" tabindex="-1">${text}</h2>`;

/** A message the client must notice (announced as an alert). */
export const notice = (host: TcrmBookingManage, key: ManageMessageKey | undefined) =>
  html`<div role="alert">
    ${
      key
        ? html`<p class="notice" part="notice">${host.t(key, { practice: host.practiceName })}</p>`
        : nothing
    }
  </div>`;

export const money = (host: TcrmBookingManage, cents: number) =>
  formatMoney(host.localeTag, cents, host.appointment!.policy.currency);

/** The client's zone, switchable; the practice's zone is stated beside the times. */
export function zoneSelect(host: TcrmBookingManage): TemplateResult {
  return html`<label class="zone"
    >${host.t('timeZone')}
    <select
      id="time-zone"
      @change=${(e: Event) => host.setTimeZone((e.target as HTMLSelectElement).value)}
    >
      ${timeZones(host.timeZone).map(
        (zone) =>
          html`<option value=${zone} ?selected=${zone === host.timeZone}>
            ${zone.replace(/_/g, ' ')}
          </option>`,
      )}
    </select></label
  >`;
}

/** The start in the client's zone, and at the practice when that differs. */
export function whenText(host: TcrmBookingManage, iso: string): TemplateResult {
  const a = host.appointment!;
  const at = Date.parse(iso);
  const practiceZone = a.practiceTimeZone;
  return html`<strong class="when">${host.when(iso)}</strong>
    (${zoneName(host.localeTag, host.timeZone, at)})
    ${
      practiceZone !== host.timeZone
        ? html`<span class="hint practice-time"
            >${host.t('practiceTime', {
              time: formatWhen(host.localeTag, iso, practiceZone),
              zone: `${zoneName(host.localeTag, practiceZone, at)}`,
            })}</span
          >`
        : nothing
    }`;
}
