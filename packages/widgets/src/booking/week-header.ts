// The week of times, as both the booking and the manage widget show it: the
// practice's zone stated under the client's, and previous/next week around
// the week's dates. Labels come from each widget's own catalogue.
import { html, type TemplateResult } from 'lit';
import { addDays, startOfDay, zoneName } from './zoned-time.js';

export interface WeekHost {
  readonly localeTag: string;
  /** `YYYY-MM-DD` of the week's first day, and of today, in the client's zone. */
  readonly weekStart: string;
  readonly today: string;
  moveWeek(weeks: number): void;
}

/** "December 7 – 13" for the week shown. */
export function weekRange(host: WeekHost): string {
  const from = startOfDay('UTC', host.weekStart);
  const to = startOfDay('UTC', addDays(host.weekStart, 6));
  return new Intl.DateTimeFormat(host.localeTag, {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
  }).formatRange(from, to);
}

/** "Eastern Standard Time (America/New York)": how the practice's zone is named. */
export function practiceZoneLabel(locale: string, zone: string): string {
  return `${zoneName(locale, zone, Date.now())} (${zone.replace(/_/g, ' ')})`;
}

export function weekHeader(
  host: WeekHost,
  range: string,
  labels: { practiceZone: string; prevWeek: string; nextWeek: string },
): TemplateResult {
  return html`<p id="practice-zone" class="hint">${labels.practiceZone}</p>
    <div class="week">
      <button
        part="button"
        ?disabled=${host.weekStart <= host.today}
        @click=${() => host.moveWeek(-1)}
      >
        <span aria-hidden="true" class="arrow">‹</span> ${labels.prevWeek}
      </button>
      <h3 id="week-title" tabindex="-1">${range}</h3>
      <button part="button" @click=${() => host.moveWeek(1)}>
        ${labels.nextWeek} <span aria-hidden="true" class="arrow">›</span>
      </button>
    </div>`;
}
