// The intake form's templates, one per state. Pure: everything comes in
// through the view, so the element keeps the behaviour and this the markup.
import {
  effectiveAnswers,
  formFields,
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
import { repeat } from 'lit/directives/repeat.js';
import type { Translator } from '../i18n/translator.js';
import type { DraftState } from './draft-keeper.js';
import type { RawValues, Uploads } from './form-answers.js';
import { resumeLink } from './form-answers.js';
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
    ${keyed(v.errorRound, renderSummary(v, definition))} ${renderPage(v, definition, page)}
    ${v.linkShown && v.resumeToken ? renderLink(v, v.resumeToken) : nothing}
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
  const items = page.items.filter((item) => visible(item.id));
  const view = {
    locale: v.locale,
    fallbackLocale: definition.defaultLocale ?? 'en',
    text: v.text,
    bytes: (n: number) => v.translator.bytes(n),
    removeFile: v.on.removeFile,
    redoSignature: v.on.redoSignature,
  };
  // Keyed by item id: a question appearing above another must not take over its element (and its state).
  return html`<div class="items">
    ${repeat(
      items,
      (item) => item.id,
      (item) =>
        renderItem(item, {
          ...view,
          raw: v.raw.get(item.id),
          required: isRequired(item, effective),
          uploaded: v.uploads.get(item.id) ?? [],
          uploading: v.uploading.has(item.id),
        }),
    )}
  </div>`;
}

function renderSummary(v: IntakeView, definition: FormDefinition): TemplateResult {
  const entries = Object.entries(v.errors).filter(([, errors]) => errors.length > 0);
  if (!entries.length) return html``;
  const fields = new Map(formFields(definition).map((f) => [f.id, f]));
  const label = (id: string) => {
    const field = fields.get(id);
    return field ? localize(field.label, v.locale, definition.defaultLocale ?? 'en') : '';
  };
  const focus = (e: Event, id: string) => {
    const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
    root.querySelector<HTMLElement>(`[name="${id}"]`)?.focus();
  };
  const count = entries.length;
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
    <p>
      <strong>${count === 1 ? v.text('summary.one') : v.text('summary.other', { count })}</strong>
    </p>
    <ul>
      ${entries.map(([id, errors]) => {
        const message = v.translator.error(errors[0]!);
        const name = label(id);
        return html`<li>
          ${
            fields.has(id)
              ? html`<button type="button" class="link" @click=${(e: Event) => focus(e, id)}>
                  ${name ? `${name}: ${message}` : message}
                </button>`
              : message
          }
        </li>`;
      })}
    </ul>
  </div>`;
}

function renderLink(v: IntakeView, token: string): TemplateResult {
  const t = v.text;
  const link = resumeLink(token);
  const mail = `mailto:?subject=${encodeURIComponent(t('link.subject'))}&body=${encodeURIComponent(link)}`;
  const copy = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    await navigator.clipboard?.writeText(link).catch(() => {});
    button.textContent = t('link.copied');
  };
  return html`<section part="resume-link" class="resume-link" aria-labelledby="link-title">
    <h3 id="link-title" tabindex="-1">${t('link.title')}</h3>
    <p>${t('link.body')}</p>
    <label for="resume-url">${t('link.label')}</label>
    <input
      id="resume-url"
      readonly
      .value=${link}
      @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
    />
    <div class="actions">
      <button type="button" part="button" aria-live="polite" @click=${copy}>
        ${t('link.copy')}
      </button>
      <a part="button" class="button" href=${mail}>${t('link.email')}</a>
      <button type="button" part="button" @click=${v.on.hideLink}>${t('link.back')}</button>
    </div>
  </section>`;
}
