import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { ConsoleView } from '../console-view.js';
import { embedSnippet, parseOrigins } from './embed-snippet.js';

type ApiKey = Awaited<ReturnType<TcrmApi['practice']['apiKeys']['list']['query']>>[number];
type FormSummary = Awaited<ReturnType<TcrmApi['intake']['forms']['list']['query']>>[number];

/**
 * Widget settings for owners: publishable (and secret) keys with the
 * origins each publishable key may be used from, and the embed code for a
 * published form. A new secret key is shown once, in memory, and never again.
 */
export class ConsoleSettingsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    keys: { state: true },
    forms: { state: true },
    error: { state: true },
    rowErrors: { state: true },
    confirming: { state: true },
    newSecret: { state: true },
    snippet: { state: true },
    busy: { state: true },
  };

  declare keys: readonly ApiKey[] | null;
  declare forms: readonly FormSummary[];
  declare error: string;
  declare rowErrors: Readonly<Record<string, string>>;
  declare confirming: string | null;
  declare newSecret: string | null;
  declare snippet: { key: string; form: string; origin: string };
  declare busy: boolean;

  constructor() {
    super();
    this.keys = null;
    this.forms = [];
    this.error = '';
    this.rowErrors = {};
    this.confirming = null;
    this.newSecret = null;
    this.snippet = { key: '', form: '', origin: location.origin };
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ctx') && !changed.get('ctx')) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const [keys, forms] = await Promise.all([
        this.ctx.api.practice.apiKeys.list.query(),
        this.ctx.api.intake.forms.list.query(),
      ]);
      this.keys = keys;
      this.forms = forms.filter((f) => f.status === 'published' && f.currentVersion);
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  get #publishable(): ApiKey[] {
    return (this.keys ?? []).filter((k) => k.kind === 'publishable' && !k.revokedAt && k.publicKey);
  }

  async #call(action: () => Promise<unknown>, done: string, rowId?: string): Promise<void> {
    this.busy = true;
    this.error = '';
    if (rowId) this.rowErrors = { ...this.rowErrors, [rowId]: '' };
    try {
      await action();
      this.ctx.announce(done);
      await this.#load();
    } catch (error) {
      if (rowId) this.rowErrors = { ...this.rowErrors, [rowId]: this.errorMessage(error) };
      else this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  #saveOrigins(key: ApiKey, textarea: HTMLTextAreaElement): void {
    const { origins, invalid } = parseOrigins(textarea.value);
    if (invalid.length) {
      this.rowErrors = {
        ...this.rowErrors,
        [key.id]: `${this.t('settings.invalidOrigins')} (${invalid.join(', ')})`,
      };
      return;
    }
    void this.#call(
      () =>
        this.ctx.api.practice.apiKeys.setAllowedOrigins.mutate({
          apiKeyId: key.id,
          allowedOrigins: origins,
        }),
      this.t('settings.originsSaved'),
      key.id,
    );
  }

  #create(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const kind = data.get('kind') === 'secret' ? 'secret' : 'publishable';
    const { origins, invalid } = parseOrigins(String(data.get('origins') ?? ''));
    if (invalid.length) {
      this.error = `${this.t('settings.invalidOrigins')} (${invalid.join(', ')})`;
      return;
    }
    void this.#call(async () => {
      const created = await this.ctx.api.practice.apiKeys.create.mutate({
        kind,
        label: String(data.get('label') ?? ''),
        allowedOrigins: origins,
      });
      this.newSecret = created.secret;
      form.reset();
    }, this.t('settings.created'));
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${this.t('settings.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">${this.t('settings.keys')}</h2>
        <p class="hint">${this.t('settings.keysHelp')}</p>
        ${this.keys === null && !this.error ? html`<p>${this.t('app.loading')}</p>` : nothing}
        ${this.keys?.length ? this.#keyTable(this.keys) : nothing}
        ${
          this.newSecret
            ? html`<div role="alert" class="secret">
                <p>${this.t('settings.secretOnce')}</p>
                <code data-testid="new-secret-key">${this.newSecret}</code>
              </div>`
            : nothing
        }
        ${this.#createForm()}
      </section>
      ${this.#snippetSection()}
    `;
  }

  #keyTable(keys: readonly ApiKey[]) {
    return html`<table data-testid="api-keys">
      <thead>
        <tr>
          <th scope="col">${this.t('settings.label')}</th>
          <th scope="col">${this.t('settings.key')}</th>
          <th scope="col">${this.t('settings.origins')}</th>
          <th scope="col"><span class="visually-hidden">${this.t('settings.revoke')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${keys.map((key) => this.#keyRow(key))}
      </tbody>
    </table>`;
  }

  #keyRow(key: ApiKey) {
    const revoked = !!key.revokedAt;
    const originsId = `origins-${key.id}`;
    return html`<tr data-testid="api-key-row" data-key-id=${key.id} data-kind=${key.kind}>
      <th scope="row">
        ${key.label}<br /><span class="badge"
          >${this.t(key.kind === 'secret' ? 'settings.kindSecret' : 'settings.kindPublishable')}</span
        >
        <span class="badge">${this.t(revoked ? 'settings.revoked' : 'settings.active')}</span>
      </th>
      <td><code>${key.publicKey ?? '—'}</code></td>
      <td>
        ${
          key.kind === 'publishable' && !revoked
            ? html`<label for=${originsId} class="visually-hidden"
                  >${this.t('settings.origins')}: ${key.label}</label
                >
                <textarea
                  id=${originsId}
                  rows="3"
                  .value=${key.allowedOrigins.join('\n')}
                  data-testid="key-origins"
                ></textarea>
                <p class="error" role="alert">${this.rowErrors[key.id] ?? ''}</p>
                <button
                  class="secondary"
                  ?disabled=${this.busy}
                  @click=${() => this.#saveOrigins(key, this.shadowRoot!.getElementById(originsId) as HTMLTextAreaElement)}
                  data-testid="key-origins-save"
                >
                  ${this.t('settings.saveOrigins')}
                </button>`
            : key.allowedOrigins.join(', ')
        }
      </td>
      <td>${revoked ? nothing : this.#revokeControls(key)}</td>
    </tr>`;
  }

  #revokeControls(key: ApiKey) {
    if (this.confirming !== key.id) {
      return html`<button
        class="secondary"
        @click=${() => (this.confirming = key.id)}
        data-testid="key-revoke"
      >
        ${this.t('settings.revoke')}
      </button>`;
    }
    return html`<div
      role="group"
      aria-label=${this.t('settings.revokeConfirm', { label: key.label })}
    >
      <p>${this.t('settings.revokeConfirm', { label: key.label })}</p>
      <button
        @click=${() => void this.#call(() => this.ctx.api.practice.apiKeys.revoke.mutate({ apiKeyId: key.id }), this.t('settings.revokedDone')).then(() => (this.confirming = null))}
        data-testid="key-revoke-confirm"
      >
        ${this.t('settings.revokeYes')}
      </button>
      <button class="secondary" @click=${() => (this.confirming = null)}>
        ${this.t('settings.cancel')}
      </button>
    </div>`;
  }

  #createForm() {
    return html`<form @submit=${this.#create} aria-labelledby="create-key-heading">
      <h3 id="create-key-heading">${this.t('settings.create')}</h3>
      <div class="row">
        <label for="key-label">${this.t('settings.label')}</label>
        <input id="key-label" name="label" required maxlength="80" data-testid="key-create-label" />
      </div>
      <div class="row">
        <label for="key-kind">${this.t('settings.kind')}</label>
        <select id="key-kind" name="kind" data-testid="key-create-kind">
          <option value="publishable">${this.t('settings.kindPublishable')}</option>
          <option value="secret">${this.t('settings.kindSecret')}</option>
        </select>
      </div>
      <div class="row">
        <label for="key-origins">${this.t('settings.origins')}</label>
        <textarea
          id="key-origins"
          name="origins"
          rows="3"
          data-testid="key-create-origins"
        ></textarea>
      </div>
      <button type="submit" ?disabled=${this.busy} data-testid="key-create-submit">
        ${this.t('settings.createSubmit')}
      </button>
    </form>`;
  }

  #snippetSection() {
    const keys = this.#publishable;
    const key = keys.find((k) => k.publicKey === this.snippet.key) ?? keys[0];
    const form = this.forms.find((f) => f.key === this.snippet.form) ?? this.forms[0];
    const set = (part: Partial<typeof this.snippet>) =>
      (this.snippet = { ...this.snippet, ...part });
    return html`<section aria-labelledby="snippet-heading">
      <h2 id="snippet-heading">${this.t('settings.snippet')}</h2>
      <p class="hint">${this.t('settings.snippetHelp')}</p>
      ${
        !key || !form
          ? html`<p>${this.t('settings.snippetNone')}</p>`
          : html`<div class="row">
                <label for="snippet-key">${this.t('settings.snippetKey')}</label>
                <select
                  id="snippet-key"
                  data-testid="snippet-key"
                  @change=${(e: Event) => set({ key: (e.target as HTMLSelectElement).value })}
                >
                  ${keys.map((k) => html`<option value=${k.publicKey!} ?selected=${k === key}>${k.label} (${k.publicKey})</option>`)}
                </select>
              </div>
              <div class="row">
                <label for="snippet-form">${this.t('settings.snippetForm')}</label>
                <select
                  id="snippet-form"
                  data-testid="snippet-form"
                  @change=${(e: Event) => set({ form: (e.target as HTMLSelectElement).value })}
                >
                  ${this.forms.map((f) => html`<option value=${f.key} ?selected=${f === form}>${f.title} (${f.key})</option>`)}
                </select>
              </div>
              <div class="row">
                <label for="snippet-origin">${this.t('settings.snippetOrigin')}</label>
                <input
                  id="snippet-origin"
                  type="url"
                  .value=${this.snippet.origin}
                  data-testid="snippet-origin"
                  @input=${(e: Event) => set({ origin: (e.target as HTMLInputElement).value })}
                />
              </div>
              <div class="row">
                <label for="snippet-code">${this.t('settings.snippetCode')}</label>
                <textarea
                  id="snippet-code"
                  readonly
                  rows="4"
                  .value=${embedSnippet(this.snippet.origin, form.key, key.publicKey!)}
                  data-testid="embed-snippet"
                ></textarea>
              </div>`
      }
    </section>`;
  }
}
