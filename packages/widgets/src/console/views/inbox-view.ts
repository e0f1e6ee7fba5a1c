import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { ConsoleView } from '../console-view.js';
import { may } from '../console-context.js';

type InboxPage = Awaited<ReturnType<TcrmApi['intake']['submissions']['list']['query']>>;
type InboxItem = InboxPage['items'][number];
export type InboxFilter = 'new' | 'reviewed' | 'all';

/**
 * The intake inbox: submissions newest first, filtered by status, with the
 * client's name, the form and when it arrived (in the practice's timezone).
 * Rows link to the answers for roles that may read them; the front desk
 * sees the list only. Lists live in memory for this view only.
 */
export class ConsoleInboxView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    filter: {},
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  declare filter: InboxFilter;
  declare items: readonly InboxItem[];
  declare nextCursor: string | null;
  declare loading: boolean;
  declare error: string;
  #request = 0;

  constructor() {
    super();
    this.filter = 'new';
    this.items = [];
    this.nextCursor = null;
    this.loading = false;
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') || (changed.has('ctx') && !changed.get('ctx')))
      void this.#load(false);
  }

  async #load(more: boolean): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    this.error = '';
    try {
      const page = await this.ctx.api.intake.submissions.list.query({
        ...(this.filter === 'all' ? {} : { status: this.filter }),
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
        limit: 50,
      });
      // A newer filter was chosen while this page loaded.
      if (request !== this.#request) return;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.ctx.announce(this.t('inbox.count', { count: this.items.length }));
    } catch (error) {
      if (request === this.#request) this.error = this.errorMessage(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  protected override render() {
    const timezone = this.ctx.me?.practice.timezone;
    return html`
      <h1 tabindex="-1">${this.t('inbox.title')}</h1>
      <nav aria-label=${this.t('inbox.filter')} class="filters">
        <span id="filter-label">${this.t('inbox.filter')}:</span>
        ${(['new', 'reviewed', 'all'] as const).map(
          (f) =>
            html`<a
              href=${f === 'new' ? '#/inbox' : `#/inbox?status=${f}`}
              aria-current=${this.filter === f ? 'page' : nothing}
              data-testid="inbox-filter-${f}"
              >${this.t(f === 'new' ? 'inbox.filterNew' : f === 'reviewed' ? 'inbox.filterReviewed' : 'inbox.filterAll')}</a
            >`,
        )}
      </nav>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loading && !this.items.length ? html`<p>${this.t('app.loading')}</p>` : nothing}
      ${!this.loading && !this.error && !this.items.length ? html`<p data-testid="inbox-empty">${this.t('inbox.empty')}</p>` : nothing}
      ${this.items.length ? this.#table(timezone) : nothing}
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button
                class="secondary"
                ?disabled=${this.loading}
                @click=${() => void this.#load(true)}
                data-testid="inbox-more"
              >
                ${this.t('inbox.more')}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  #table(timezone: string | undefined) {
    const canOpen = may(this.ctx.me, 'submission');
    return html`<table data-testid="inbox-table" aria-busy=${this.loading ? 'true' : 'false'}>
      <caption>
        ${this.t('inbox.caption')}${timezone ? ` (${timezone})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('inbox.client')}</th>
          <th scope="col">${this.t('inbox.form')}</th>
          <th scope="col">${this.t('inbox.submitted')}</th>
          <th scope="col">${this.t('inbox.status')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map(
          (item) =>
            html`<tr
              data-testid="submission-row"
              data-submission-id=${item.id}
              data-status=${item.status}
            >
              <th scope="row">
                ${
                  canOpen
                    ? html`<a href="#/submissions/${item.id}" data-testid="submission-link"
                        >${item.client.displayName}</a
                      >`
                    : item.client.displayName
                }
              </th>
              <td>${item.form.title}</td>
              <td>${this.ctx.strings.dateTime(item.submittedAt, timezone)}</td>
              <td>
                <span class="badge status-${item.status}"
                  >${this.t(item.status === 'new' ? 'status.new' : 'status.reviewed')}</span
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
