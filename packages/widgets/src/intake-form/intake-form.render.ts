// The intake form's templates, one per state. Pure: everything comes in
// through the view, so the element keeps the behaviour and this the markup.
import {
  effectiveAnswers,
  isRequired,
  localize,
  visibilityOf,
  type FieldErrors,
  type FormDefinition,
  type FormPage,
  type LocalizedText,
} from '@therapycrm/plugin-sdk/forms';
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Translator } from '../i18n/translator.js';
import type { DraftState } from './draft-keeper.js';
import type { RawValues, Uploads } from './form-answers.js';
import type { IntakePhase } from './load-intake.js';
import type { IntakeMessageKey } from './intake-messages.js';
import { renderItem } from './render-item.js';

export interface IntakeView {
  readonly phase: IntakePhase;
  readonly definition: FormDefinition | undefined;
  readonly locale: string;
  readonly translator: Translator;
  readonly text: (key: IntakeMessageKey, params?: Record<string, string | number>) => string;
  readonly pages: readonly FormPage[];
  readonly pageId: string;
  readonly answers: Record<string, unknown>;
  readonly raw: RawValues;
  readonly uploads: Uploads;
  readonly uploading: ReadonlySet<string>;
  readonly errors: FieldErrors;
  /** Bumped on every failed check, so the summary is a new alert each time (and announced again). */
  readonly errorRound: number;
  readonly notice: IntakeMessageKey | undefined;
  readonly draftState: DraftState;
  readonly linkShown: boolean;
  readonly resumeToken: string | null;
  readonly submitting: boolean;
  readonly announcement: string;
  /** Error summary and resume-link templates: loaded with the actions, before either can show. */
  readonly late: typeof import('./intake-form.late.js') | undefined;
  readonly on: {
    readonly field: (e: Event) => void;
    readonly back: () => void;
    readonly next: () => void;
    readonly submit: () => void;
    readonly saveLater: () => void;
    readonly hideLink: () => void;
    readonly retry: () => void;
    readonly removeFile: (fieldId: string, fileId: string) => void;
    readonly redoSignature: (fieldId: string) => void;
  };
}

const ERROR_MESSAGES = {
  network: 'error.network',
  notFound: 'error.notFound',
  config: 'error.config',
  server: 'error.server',
} as const;
// Notices that report a failure are alerts; the others are polite status.
const ALERTS = new Set<IntakeMessageKey>([
  'submitFailed',
  'saveFailed',
  'error.identity',
  'error.config',
]);

export function renderIntake(v: IntakeView): TemplateResult {
  const t = v.text;
  const phase = v.phase;
  if (phase.kind === 'loading')
    return html`<p part="status" class="status" role="status">${t('loading')}</p>`;
  if (phase.kind === 'error') {
    const retry = phase.code === 'network' || phase.code === 'server';
    return html`<div part="status" class="status" role="alert">
      <p>${t(ERROR_MESSAGES[phase.code])}</p>
      ${retry ? html`<button type="button" part="button" @click=${v.on.retry}>${t('retry')}</button>` : nothing}
    </div>`;
  }
  if (phase.kind === 'submitted') {
    return html`<div part="confirmation" class="confirmation">
      <h2 id="done" tabindex="-1">${t('thanks.title')}</h2>
      <p>${t('thanks.body')}</p>
    </div>`;
  }
  return renderForm(v, v.definition!);
}

function renderForm(v: IntakeView, definition: FormDefinition): TemplateResult {
  const t = v.text;
  const l = (text: LocalizedText) => localize(text, v.locale, definition.defaultLocale ?? 'en');
  const index = Math.max(
    0,
    v.pages.findIndex((p) => p.id === v.pageId),
  );
  const page = v.pages[index];
  const notice = v.notice ? t(v.notice) : '';
  const header = html`<h2 id="form-title" part="title">${l(definition.title)}</h2>
    ${index === 0 && definition.description ? html`<p class="intro">${l(definition.description)}</p>` : nothing}
    <div part="notice" class="notice" role="status">
      ${notice && !ALERTS.has(v.notice!) ? html`<p>${notice}</p>` : nothing}
    </div>
    <div part="notice" class="notice alert" role="alert">
      ${notice && ALERTS.has(v.notice!) ? html`<p>${notice}</p>` : nothing}
    </div>`;
  if (!page)
    return html`${header}
      <p part="status" class="status">${t('empty')}</p>`;

  const progress = t('progress', { current: index + 1, total: v.pages.length });
  const last = index === v.pages.length - 1;
  return html`<form
    part="form"
    novalidate
    aria-labelledby="form-title"
    @submit=${(e: Event) => e.preventDefault()}
    @tcrm-input=${v.on.field}
    @tcrm-change=${v.on.field}
  >
    ${header}
    <div class="progress" part="progress">
      <p id="progress-text">${progress}</p>
      <progress
        part="progress-bar"
        max=${v.pages.length}
        value=${index + 1}
        aria-labelledby="progress-text"
        aria-valuetext=${progress}
      ></progress>
    </div>
    <h3 id="page-title" part="page-title" tabindex="-1">
      ${page.title ? l(page.title) : progress}
    </h3>
    ${v.late?.renderSummary(v, definition) ?? nothing} ${renderPage(v, definition, page)}
    ${v.linkShown && v.resumeToken && v.late ? v.late.renderLink(v, v.resumeToken) : nothing}
    <div part="actions" class="actions">
      ${index > 0 ? html`<button type="button" part="button" @click=${v.on.back}>${t('back')}</button>` : nothing}
      ${
        last
          ? html`<button
              type="button"
              part="button primary"
              class="primary"
              aria-disabled=${v.submitting ? 'true' : 'false'}
              @click=${v.on.submit}
            >
              ${v.submitting ? t('submitting') : t('submit')}
            </button>`
          : html`<button type="button" part="button primary" class="primary" @click=${v.on.next}>
              ${t('next')}
            </button>`
      }
      <button type="button" part="button" class="secondary" @click=${v.on.saveLater}>
        ${t('saveLater')}
      </button>
    </div>
    <p part="draft-status" class="draft-status" role="status">
      ${v.draftState === 'saving' ? t('saving') : v.draftState === 'saved' ? t('saved') : v.draftState === 'failed' ? t('saveFailed') : ''}
    </p>
    <div class="sr-only" aria-live="polite">${v.announcement}</div>
  </form>`;
}

function renderPage(v: IntakeView, definition: FormDefinition, page: FormPage): TemplateResult {
  const visible = visibilityOf(definition, v.answers);
  const effective = effectiveAnswers(definition, v.answers);
  const view = {
    locale: v.locale,
    fallbackLocale: definition.defaultLocale ?? 'en',
    text: v.text,
    bytes: (n: number) => v.translator.bytes(n),
    removeFile: v.on.removeFile,
    redoSignature: v.on.redoSignature,
  };
  // Every item of the page keeps its own place (an empty one while hidden), so a
  // question appearing above another never takes over its element (and its
  // state); keyed by page, so a new page gets new elements.
  return html`<div class="items">
    ${keyed(
      page.id,
      page.items.map((item) =>
        visible(item.id)
          ? renderItem(item, {
              ...view,
              raw: v.raw.get(item.id),
              required: isRequired(item, effective),
              uploaded: v.uploads.get(item.id) ?? [],
              uploading: v.uploading.has(item.id),
            })
          : nothing,
      ),
    )}
  </div>`;
}
