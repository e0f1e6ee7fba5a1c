import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  isAnswered,
  isFormField,
  type FormDefinition,
  type FormField,
} from '@therapycrm/plugin-sdk/forms';
import type { TcrmApi } from '../../api/api-client.js';
import { ConsoleView } from '../console-view.js';
import { formatAnswer, shownItems, text, type AnswerContext } from './answer-format.js';
import { scoreResults, scoreSummary } from './score-summary.js';

type Submission = Awaited<ReturnType<TcrmApi['intake']['submissions']['get']['query']>>;

/**
 * One intake submission: who, which form version, when, status, and the
 * decrypted answers laid out by that version's definition (labels and
 * answers; hidden questions absent; files and signatures as download links
 * to /files/:id, which the server audits). "Mark reviewed" moves it out of
 * the new inbox. Held in memory for this view only.
 */
export class ConsoleSubmissionView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    submissionId: {},
    submission: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare submissionId: string;
  declare submission: Submission | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.submissionId = '';
    this.submission = null;
    this.error = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('submissionId') && this.submissionId) void this.#load();
  }

  async #load(): Promise<void> {
    const id = this.submissionId;
    this.submission = null;
    this.error = '';
    try {
      const submission = await this.ctx.api.intake.submissions.get.query({ submissionId: id });
      if (id === this.submissionId) this.submission = submission;
    } catch (error) {
      if (id === this.submissionId) this.error = this.errorMessage(error);
    }
  }

  async #markReviewed(): Promise<void> {
    if (!this.submission) return;
    this.busy = true;
    this.error = '';
    try {
      const row = await this.ctx.api.intake.submissions.markReviewed.mutate({
        submissionId: this.submission.id,
      });
      this.submission = {
        ...this.submission,
        status: row.status,
        reviewedAt: row.reviewedAt,
        reviewedById: row.reviewedById,
      };
      this.ctx.announce(this.t('submission.markedReviewed'));
      // The button is gone: keep focus on what changed rather than losing it to <body>.
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('[data-testid="submission-status"]')?.focus();
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${this.t('submission.title')}</h1>
      <p><a href="#/inbox">${this.t('submission.back')}</a></p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.submission ? this.#details(this.submission) : this.error ? nothing : html`<p>${this.t('app.loading')}</p>`}
    `;
  }

  #details(s: Submission) {
    const timezone = this.ctx.me?.practice.timezone;
    const reviewed = s.status === 'reviewed';
    return html`<article data-testid="submission-detail" aria-labelledby="details-heading">
      <h2 id="details-heading">${this.t('submission.details')}</h2>
      <dl class="meta">
        <dt>${this.t('submission.client')}</dt>
        <dd data-testid="submission-client">
          ${s.client.firstName}
          ${s.client.lastName}${s.client.isMinor ? html` — ${this.t('submission.minor')}` : nothing}
        </dd>
        <dt>${this.t('submission.form')}</dt>
        <dd>${this.t('submission.formVersion', { title: s.form.title, version: s.version })}</dd>
        <dt>${this.t('submission.submitted')}</dt>
        <dd>
          ${this.ctx.strings.dateTime(s.submittedAt, timezone)}${timezone ? ` (${timezone})` : ''}
        </dd>
        <dt>${this.t('submission.identity')}</dt>
        <dd>
          ${this.t(s.identityVerified ? 'submission.identityVerified' : 'submission.identityUnverified')}
        </dd>
        ${
          scoreResults(s.score).length
            ? html`<dt>${this.t('submission.score')}</dt>
                <dd>${scoreSummary(s.score, this.ctx.strings)}</dd>`
            : nothing
        }
        <dt>${this.t('submission.status')}</dt>
        <dd>
          <span tabindex="-1" data-testid="submission-status" data-status=${s.status}
            >${this.t(reviewed ? 'status.reviewed' : 'status.new')}</span
          >
          ${reviewed && s.reviewedAt ? html` · ${this.t('submission.reviewedAt')} ${this.ctx.strings.dateTime(s.reviewedAt, timezone)}` : nothing}
        </dd>
      </dl>
      ${
        reviewed
          ? nothing
          : html`<div class="actions">
              <button
                ?disabled=${this.busy}
                @click=${() => void this.#markReviewed()}
                data-testid="mark-reviewed"
              >
                ${this.t('submission.markReviewed')}
              </button>
            </div>`
      }
      <h2>${this.t('submission.answers')}</h2>
      ${this.#answers(s)}
    </article>`;
  }

  #answers(s: Submission) {
    const definition = s.definition as FormDefinition;
    const answers = (s.answers ?? {}) as Record<string, unknown>;
    const ctx: AnswerContext = {
      strings: this.ctx.strings,
      files: s.files,
      fallbackLocale: definition.defaultLocale ?? 'en',
    };
    // Sections start a new list under their own heading: a <dl> may hold only name/value groups.
    const groups: { title: string; fields: FormField[] }[] = [{ title: '', fields: [] }];
    for (const item of shownItems(definition, answers)) {
      if (isFormField(item)) groups[groups.length - 1]!.fields.push(item);
      else if (item.type === 'section') groups.push({ title: text(item.title, ctx), fields: [] });
    }
    return html`<div data-testid="answers" class="answers">
      ${groups.map(
        (group) =>
          html`${group.title ? html`<h3>${group.title}</h3>` : nothing}
          ${
            group.fields.length
              ? html`<dl>
                  ${group.fields.map((field) => {
                    const value = answers[field.id];
                    return html`<div data-testid="answer" data-field-id=${field.id}>
                      <dt>${text(field.label, ctx)}</dt>
                      <dd>
                        ${isAnswered(value) ? formatAnswer(field, value, ctx) : html`<span class="none">${this.t('submission.noAnswer')}</span>`}
                      </dd>
                    </div>`;
                  })}
                </dl>`
              : nothing
          }`,
      )}
    </div>`;
  }
}
