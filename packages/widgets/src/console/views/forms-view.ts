import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { ConsoleView } from '../console-view.js';
import { may } from '../console-context.js';
import { errorCode } from '../api.js';

type FormSummary = Awaited<ReturnType<TcrmApi['intake']['forms']['list']['query']>>[number];

/** A new form starts with one question, so the preview shows something at once. */
export function starterDefinition(title: string) {
  return {
    version: 1,
    title,
    pages: [
      {
        id: 'page-1',
        items: [{ type: 'text', id: 'first_name', label: 'First name', required: true }],
      },
    ],
  };
}

/** The practice's intake forms, and (for editors) a form to create a new one. */
export class ConsoleFormsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    forms: { state: true },
    error: { state: true },
    createError: { state: true },
    busy: { state: true },
  };

  declare forms: readonly FormSummary[] | null;
  declare error: string;
  declare createError: string;
  declare busy: boolean;

  constructor() {
    super();
    this.forms = null;
    this.error = '';
    this.createError = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ctx') && !changed.get('ctx')) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.forms = await this.ctx.api.intake.forms.list.query();
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const key = String(data.get('key') ?? '').trim();
    const title = String(data.get('title') ?? '').trim();
    this.busy = true;
    this.createError = '';
    try {
      const created = await this.ctx.api.intake.forms.create.mutate({
        key,
        title,
        definition: starterDefinition(title),
      });
      this.ctx.announce(this.t('forms.created'));
      this.ctx.navigate(`#/forms/${created.formId}`);
    } catch (error) {
      const code = errorCode(error);
      this.createError =
        code === 'VALIDATION_FAILED'
          ? this.t('forms.createKeyHint')
          : code === 'CONFLICT'
            ? `${this.t('forms.key')}: ${key} ✗`
            : this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const editor = may(this.ctx.me, 'formEdit');
    return html`
      <h1 tabindex="-1">${this.t('forms.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.forms === null && !this.error ? html`<p>${this.t('app.loading')}</p>` : nothing}
      ${this.forms && !this.forms.length ? html`<p>${this.t('forms.empty')}</p>` : nothing}
      ${this.forms?.length ? this.#table(this.forms, editor) : nothing}
      ${editor ? this.#createForm() : nothing}
    `;
  }

  #table(forms: readonly FormSummary[], editor: boolean) {
    const statusKey = {
      draft: 'formStatus.draft',
      published: 'formStatus.published',
      archived: 'formStatus.archived',
    } as const;
    return html`<table data-testid="forms-list">
      <thead>
        <tr>
          <th scope="col">${this.t('forms.name')}</th>
          <th scope="col">${this.t('forms.key')}</th>
          <th scope="col">${this.t('forms.status')}</th>
          <th scope="col">${this.t('forms.latest')}</th>
          <th scope="col">${this.t('forms.published')}</th>
        </tr>
      </thead>
      <tbody>
        ${forms.map(
          (form) =>
            html`<tr data-form-id=${form.id}>
              <th scope="row">
                ${editor ? html`<a href="#/forms/${form.id}" data-testid="form-link">${form.title}</a>` : form.title}
              </th>
              <td><code>${form.key}</code></td>
              <td>
                ${this.t(statusKey[form.status as keyof typeof statusKey] ?? 'formStatus.draft')}
              </td>
              <td>${form.latestVersion?.version ?? this.t('forms.none')}</td>
              <td>${form.currentVersion?.version ?? this.t('forms.none')}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #createForm() {
    return html`<section aria-labelledby="create-heading">
      <h2 id="create-heading">${this.t('forms.createTitle')}</h2>
      ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => void this.#create(e)}>
        <div class="row">
          <label for="new-title">${this.t('forms.name')}</label>
          <input
            id="new-title"
            name="title"
            required
            maxlength="200"
            data-testid="form-create-title"
          />
        </div>
        <div class="row">
          <label for="new-key">${this.t('forms.createKey')}</label>
          <p class="hint" id="new-key-hint">${this.t('forms.createKeyHint')}</p>
          <input
            id="new-key"
            name="key"
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            minlength="2"
            maxlength="64"
            aria-describedby="new-key-hint"
            data-testid="form-create-key"
          />
        </div>
        <button type="submit" ?disabled=${this.busy} data-testid="form-create-submit">
          ${this.t('forms.createSubmit')}
        </button>
      </form>
    </section>`;
  }
}
