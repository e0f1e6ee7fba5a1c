import { html, nothing, type TemplateResult } from 'lit';
import type { ScoreResult } from '@therapycrm/plugin-sdk';
import type { ConsoleStrings } from '../i18n/strings.js';

/** The stored score as scorer results: one, several, or none (plugins write it; the console only reads). */
export function scoreResults(stored: unknown): ScoreResult[] {
  const candidates = Array.isArray(stored) ? stored : stored ? [stored] : [];
  return candidates.filter(
    (s): s is ScoreResult =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as ScoreResult).instrument === 'string' &&
      typeof (s as ScoreResult).score === 'number',
  );
}

/**
 * Scored instruments (PHQ-9, GAD-7…) with their band, and flags a clinician
 * must see (e.g. PHQ-9 item 9) set apart so they are not missed.
 */
export function scoreSummary(
  stored: unknown,
  strings: ConsoleStrings,
): TemplateResult | typeof nothing {
  const results = scoreResults(stored);
  if (!results.length) return nothing;
  return html`<ul class="scores" data-testid="submission-scores">
    ${results.map(
      (r) =>
        html`<li data-instrument=${r.instrument}>
          <strong>${r.instrument.toUpperCase()}</strong>:
          ${strings.number(r.score)}${r.maxScore !== undefined ? ` / ${strings.number(r.maxScore)}` : ''}${r.band ? ` (${r.band})` : ''}
          ${(r.flags ?? []).map(
            (f) =>
              html`<p class="error flag" data-testid="score-flag">
                ${strings.t('submission.flag', { alert: f.alert, severity: f.severity ?? '' })}
              </p>`,
          )}
        </li>`,
    )}
  </ul>`;
}
