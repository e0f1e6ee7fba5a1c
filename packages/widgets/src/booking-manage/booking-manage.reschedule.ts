// The reschedule views: a week of other times for the same type and
// clinician (the booking widget's keyboard grid), then "Move to …?" with
// the old time beside the new one.
import { html, type TemplateResult } from 'lit';
import { practiceZoneLabel, weekHeader, weekRange } from '../booking/week-header.js';
import type { TcrmBookingManage } from './booking-manage.js';
import { notice, title, whenText, zoneSelect } from './booking-manage.parts.js';

export function renderReschedule(host: TcrmBookingManage): TemplateResult {
  const t = host.t.bind(host);
  const a = host.appointment!;
  const range = weekRange(host);
  const slots = host.slots;
  return html`${title(t('reschedule.title'))}
    <p class="chosen">
      ${a.appointmentType.name} · ${t('minutes', { n: a.appointmentType.durationMinutes })} ·
      ${a.clinicianName}
    </p>
    <p class="current">${t('current', { time: host.when(a.startsAt) })}</p>
    <div class="controls">${zoneSelect(host)}</div>
    ${weekHeader(host, range, {
      practiceZone: t('practiceZone', {
        zone: practiceZoneLabel(host.localeTag, a.practiceTimeZone),
      }),
      prevWeek: t('prevWeek'),
      nextWeek: t('nextWeek'),
    })}
    ${notice(host, host.notice)}
    ${
      slots === undefined
        ? html`<p class="status-line">${t('loadingTimes')}</p>`
        : slots.length
          ? html`<tcrm-slot-grid
              .slots=${slots}
              .timeZone=${host.timeZone}
              .locale=${host.localeTag}
              .label=${t('slotsLabel', { range })}
              @tcrm-slot-select=${(e: CustomEvent) => host.chooseSlot(e.detail)}
              @tcrm-week-step=${(e: CustomEvent<number>) => void host.stepWeekFromGrid(e.detail)}
            ></tcrm-slot-grid>`
          : html`<p class="status-line empty">${t('noTimes')}</p>`
    }
    <div class="actions">
      <button part="button" @click=${() => void host.showSummary()}>${t('back')}</button>
    </div>`;
}

export function renderMove(host: TcrmBookingManage): TemplateResult {
  const t = host.t.bind(host);
  const a = host.appointment!;
  const slot = host.chosen!;
  return html`${title(t('move.title', { time: host.when(slot.startsAt) }))}
    <dl class="summary move" id="move-summary">
      <div>
        <dt>${t('from')}</dt>
        <dd class="from"><s>${whenText(host, a.startsAt)}</s></dd>
      </div>
      <div>
        <dt>${t('to')}</dt>
        <dd class="to">${whenText(host, slot.startsAt)}</dd>
      </div>
    </dl>
    <p class="chosen">${a.appointmentType.name} · ${a.clinicianName}</p>
    ${notice(host, host.notice)}
    <div class="actions">
      <button
        part="button primary"
        class="primary"
        aria-describedby="move-summary"
        aria-disabled=${host.busy ? 'true' : 'false'}
        @click=${() => void host.move()}
      >
        ${host.busy ? t('moving') : t('move.confirm')}
      </button>
      <button part="button" ?disabled=${host.busy} @click=${() => void host.backToTimes()}>
        ${t('otherTime')}
      </button>
    </div>`;
}
