import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { ConsoleView } from '../console-view.js';
import { errorCode, errorDetails } from '../api.js';

type FormRecord = Awaited<ReturnType<TcrmApi['intake']['forms']['get']['query']>>;
interface Issue {
  readonly path: string;
  readonly message: string;
}

/**
 * Edits a form as JSON with a live preview. The browser only checks that
 * the text is JSON; the definition itself is checked by the server (the
 * plugin SDK's schema) on save, and its issues are listed by path. Saving
 * edits the unpublished working version or starts the next one; publishing
 * saves pending edits first.
 */
export class ConsoleFormEditorView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    formId: {},
    form: { state: true },
    source: { state: true },
    parsed: { state: true },
    issues: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare formId: string;
  declare form: FormRecord | null;
  declare source: string;
  declare parsed: unknown;
  declare issues: readonly Issue[];
  declare error: string;
  declare busy: boolean;
  #dirty = false;
  #parseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.formId = '';
    this.form = null;
    this.source = '';
    this.parsed = null;
    this.issues = [];
    this.error = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('formId') && this.formId) void this.#load(true);
  }

  async #load(resetSource: boolean): Promise<void> {
    try {
      this.form = await this.ctx.api.intake.forms.get.query({ formId: this.formId });
      if (resetSource) {
        this.source = JSON.stringify(this.form.latestDefinition ?? {}, null, 2);
        this.parsed = this.form.latestDefinition;
        this.#dirty = false;
      }
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  #onInput(event: InputEvent): void {
    this.source = (event.target as HTMLTextAreaElement).value;
    this.#dirty = true;
    // Parse after a pause in typing, not on every key: the preview re-renders every field.
    clearTimeout(this.#parseTimer);
    this.#parseTimer = setTimeout(() => this.#parse(), 300);
  }

  #parse(): boolean {
    clearTimeout(this.#parseTimer);
    try {
      this.parsed = JSON.parse(this.source);
      this.issues = [];
      return true;
    } catch (error) {
      this.issues = [
        { path: '', message: this.t('editor.jsonError', { message: (error as Error).message }) },
      ];
      return false;
    }
  }

  async #save(): Promise<boolean> {
    if (!this.#parse()) return false;
    try {
      const saved = await this.ctx.api.intake.forms.saveVersion.mutate({
        formId: this.formId,
        definition: this.parsed,
      });
      this.#dirty = false;
      this.issues = [];
      this.ctx.announce(this.t('editor.saved', { version: saved.version }));
      await this.#load(false);
      return true;
    } catch (error) {
      const reported = errorDetails(error)['definitionIssues'];
      if (errorCode(error) === 'VALIDATION_FAILED' && Array.isArray(reported)) {
        this.issues = (reported as Issue[]).map((i) => ({
          path: String(i.path ?? ''),
          message: String(i.message ?? ''),
        }));
        this.ctx.announce(this.t('editor.invalid'));
      } else this.error = this.errorMessage(error);
      return false;
    }
  }

  async #act(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await action();
    } finally {
      this.busy = false;
    }
  }

  async #publish(): Promise<void> {
    if (this.#dirty && !(await this.#save())) return;
    try {
      const published = await this.ctx.api.intake.forms.publish.mutate({ formId: this.formId });
      this.ctx.announce(this.t('editor.published', { version: published.version }));
      await this.#load(false);
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  protected override render() {
    const form = this.form;
    return html`
      <h1 tabindex="-1">
        ${form ? this.t('editor.title', { title: form.title }) : this.t('app.loading')}
      </h1>
      <p><a href="#/forms">${this.t('editor.back')}</a></p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${form ? this.#editor(form) : nothing}
    `;
  }

  #status(form: FormRecord): string {
    const latest = form.versions[0];
    const published = form.versions.find((v) => v.id === form.currentVersionId);
    return this.t('editor.status', {
      version: latest?.version ?? 0,
      state: this.t(latest?.publishedAt ? 'formStatus.published' : 'formStatus.draft'),
      published: published ? String(published.version) : this.t('forms.none'),
    });
  }

  #editor(form: FormRecord) {
    const invalid = this.issues.length > 0;
    return html`
      <p data-testid="form-version-status">${this.#status(form)}</p>
      <div class="editor">
        <section class="source" aria-labelledby="definition-label">
          <label id="definition-label" for="definition">${this.t('editor.definition')}</label>
          <p class="hint" id="definition-hint">${this.t('editor.definitionHint')}</p>
          <textarea
            id="definition"
            rows="24"
            spellcheck="false"
            .value=${this.source}
            @input=${this.#onInput}
            aria-describedby="definition-hint${invalid ? ' issues' : ''}"
            aria-invalid=${invalid ? 'true' : 'false'}
            data-testid="form-definition"
          ></textarea>
          <div id="issues" role="alert" data-testid="form-issues">
            ${
              invalid
                ? html`<h2>${this.t('editor.issues')}</h2>
                    <ul>
                      ${this.issues.map((i) => html`<li>${i.path ? html`<code>${i.path}</code>: ` : nothing}${i.message}</li>`)}
                    </ul>`
                : nothing
            }
          </div>
          <div class="actions">
            <button
              ?disabled=${this.busy}
              @click=${() => void this.#act(() => this.#save())}
              data-testid="form-save"
            >
              ${this.t('editor.save')}
            </button>
            <button
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => void this.#act(() => this.#publish())}
              data-testid="form-publish"
            >
              ${this.t('editor.publish')}
            </button>
          </div>
        </section>
        <section class="preview" aria-labelledby="preview-heading" data-testid="form-preview">
          <h2 id="preview-heading">${this.t('editor.preview')}</h2>
          <tcrm-console-form-preview
            .definition=${this.parsed}
            .strings=${this.ctx.strings}
          ></tcrm-console-form-preview>
        </section>
      </div>
    `;
  }
}
