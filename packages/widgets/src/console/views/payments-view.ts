import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { errorCode } from '../api.js';
import { may } from '../console-context.js';
import { ConsoleView } from '../console-view.js';
import { PAYMENT_FILTERS, type PaymentFilter } from '../route.js';
import { calendarStyles } from './booking.styles.js';
import { formatMoney } from './money.js';

type PaymentsPage = Awaited<ReturnType<TcrmApi['payments']['list']['query']>>;
type Payment = PaymentsPage['items'][number];
type Method = 'cash' | 'card_in_office' | 'check' | 'other';
const METHODS: readonly Method[] = ['cash', 'card_in_office', 'check', 'other'];

/** Which server statuses each filter shows (refunded includes partly refunded). */
const FILTER_STATUSES: Record<PaymentFilter, readonly Payment['status'][] | null> = {
  all: null,
  due: ['due'],
  paid: ['paid'],
  waived: ['waived'],
  refunded: ['refunded', 'partially_refunded'],
};

/**
 * The practice's payments, newest first: deposits, prepayments and
 * late-cancellation fees, with the client and the appointment time (in the
 * practice's timezone). Owners and billers settle a due fee in place
 * ("Mark collected" with how it was paid, or "Waive"), each after a
 * confirmation; the row changes and the result is announced. Front desk
 * reads the table only.
 */
export class ConsolePaymentsView extends ConsoleView {
  static override styles = [...[ConsoleView.styles].flat(), calendarStyles];
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    filter: {},
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
    settling: { state: true },
    busy: { state: true },
  };

  declare filter: PaymentFilter;
  declare items: readonly Payment[];
  declare nextCursor: string | null;
  declare loading: boolean;
  declare error: string;
  /** The due row whose confirmation is open, and which action it confirms. */
  declare settling: { id: string; action: 'collect' | 'waive' } | null;
  declare busy: string | null;
  #request = 0;
  #method: Method = 'cash';
  #reason = '';

  constructor() {
    super();
    this.filter = 'due';
    this.items = [];
    this.nextCursor = null;
    this.loading = false;
    this.error = '';
    this.settling = null;
    this.busy = null;
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
      // "Refunded" is two server statuses: ask for all and keep those (the table is the practice's own, small).
      const statuses = FILTER_STATUSES[this.filter];
      const page = await this.ctx.api.payments.list.query({
        ...(statuses?.length === 1 ? { status: statuses[0] } : {}),
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
        limit: 50,
      });
      if (request !== this.#request) return;
      const rows = statuses ? page.items.filter((p) => statuses.includes(p.status)) : page.items;
      this.items = more ? [...this.items, ...rows] : rows;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (request === this.#request) this.error = this.errorMessage(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  #money(p: Pick<Payment, 'currency'>, cents: number): string {
    return formatMoney(this.ctx.strings.locale, cents, p.currency);
  }

  #client(p: Payment): string {
    return p.clientName ?? '—';
  }

  async #open(p: Payment, action: 'collect' | 'waive'): Promise<void> {
    this.settling = { id: p.id, action };
    this.#method = 'cash';
    this.#reason = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-testid="fee-${action}-first"]`)?.focus();
  }

  async #close(p: Payment): Promise<void> {
    const action = this.settling?.action ?? 'collect';
    this.settling = null;
    await this.updateComplete;
    this.#rowPart(p.id, action === 'collect' ? 'fee-collect' : 'fee-waive')?.focus();
  }

  #rowPart(id: string, testId: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(
      `tr[data-payment-id="${id}"] [data-testid="${testId}"]`,
    );
  }

  async #settle(p: Payment, action: 'collect' | 'waive'): Promise<void> {
    this.busy = p.id;
    const amount = this.#money(p, p.amountCents);
    try {
      const done =
        action === 'collect'
          ? await this.ctx.api.payments.markCollected.mutate({
              paymentId: p.id,
              method: this.#method,
            })
          : await this.ctx.api.payments.waive.mutate({
              paymentId: p.id,
              ...(this.#reason.trim() ? { reason: this.#reason.trim() } : {}),
            });
      this.items = this.items.map((x) => (x.id === p.id ? { ...x, status: done.status } : x));
      this.ctx.announce(
        this.t(action === 'collect' ? 'payments.collected' : 'payments.waived', { amount }),
      );
    } catch (error) {
      this.ctx.announce(
        errorCode(error) === 'PRECONDITION_FAILED'
          ? this.t('payments.notDue')
          : this.errorMessage(error),
      );
      if (errorCode(error) === 'PRECONDITION_FAILED') await this.#load(false);
    } finally {
      this.busy = null;
      this.settling = null;
    }
    await this.updateComplete;
    this.#rowPart(p.id, 'payment-status')?.focus();
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${this.t('payments.title')}</h1>
      <nav aria-label=${this.t('payments.filter')} class="filters">
        <span>${this.t('payments.filter')}:</span>
        ${PAYMENT_FILTERS.map(
          (f) =>
            html`<a
              href=${f === 'due' ? '#/payments' : `#/payments?status=${f}`}
              aria-current=${this.filter === f ? 'page' : nothing}
              data-testid="payments-filter-${f}"
              >${this.t(`payments.filter.${f}`)}</a
            >`,
        )}
      </nav>
      ${this.error ? html`<p class="error" role="alert" data-testid="payments-error">${this.error}</p>` : nothing}
      ${this.loading && !this.items.length ? html`<p>${this.t('app.loading')}</p>` : nothing}
      ${!this.loading && !this.error && !this.items.length ? html`<p data-testid="payments-empty">${this.t('payments.none')}</p>` : nothing}
      ${this.items.length ? this.#table() : nothing}
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button
                class="secondary"
                ?disabled=${this.loading}
                @click=${() => void this.#load(true)}
                data-testid="payments-more"
              >
                ${this.t('payments.more')}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  #table() {
    const zone = this.ctx.me?.practice.timezone;
    const canSettle = may(this.ctx.me, 'paymentSettle');
    return html`<table data-testid="payments-table" aria-busy=${this.loading ? 'true' : 'false'}>
      <caption>
        ${this.t('payments.title')}${zone ? ` (${zone})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('payments.date')}</th>
          <th scope="col">${this.t('payments.client')}</th>
          <th scope="col">${this.t('payments.appointment')}</th>
          <th scope="col">${this.t('payments.kind')}</th>
          <th scope="col">${this.t('payments.amount')}</th>
          <th scope="col">${this.t('payments.status')}</th>
          ${canSettle ? html`<th scope="col">${this.t('payments.actions')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${this.items.map(
          (p) =>
            html`<tr data-testid="payment-row" data-payment-id=${p.id} data-status=${p.status}>
              <th scope="row">${this.ctx.strings.dateTime(p.createdAt, zone)}</th>
              <td data-testid="payment-client">${this.#client(p)}</td>
              <td>${this.ctx.strings.dateTime(p.appointmentStartsAt, zone)}</td>
              <td>${this.t(`paymentKind.${p.kind}`)}</td>
              <td data-testid="payment-amount">
                ${this.#money(p, p.amountCents)}${
                  p.refundedCents
                    ? html`<br /><span class="hint"
                          >${this.t('payments.refundedPart', { amount: this.#money(p, p.refundedCents) })}</span
                        >`
                    : nothing
                }
              </td>
              <td>
                <span
                  class="badge"
                  tabindex="-1"
                  data-testid="payment-status"
                  data-status=${p.status}
                  >${this.t(`paymentStatus.${p.status}`)}</span
                >
              </td>
              ${canSettle ? html`<td>${p.status === 'due' ? this.#actions(p) : nothing}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #actions(p: Payment) {
    const amount = this.#money(p, p.amountCents);
    const client = this.#client(p);
    const busy = this.busy === p.id;
    if (this.settling?.id === p.id) {
      const collect = this.settling.action === 'collect';
      const question = collect
        ? this.t('payments.collectConfirm', { amount })
        : this.t('payments.waiveConfirm', { amount });
      return html`<div role="group" aria-labelledby="settle-${p.id}" class="confirm">
        <p id="settle-${p.id}">${question}</p>
        ${
          collect
            ? html`<label for="method-${p.id}">${this.t('payments.method')}</label>
                <select
                  id="method-${p.id}"
                  data-testid="fee-collect-first"
                  @change=${(e: Event) => (this.#method = (e.target as HTMLSelectElement).value as Method)}
                >
                  ${METHODS.map((m) => html`<option value=${m}>${this.t(`payments.method.${m}`)}</option>`)}
                </select>`
            : html`<label for="reason-${p.id}">${this.t('payments.waiveReason')}</label>
                <input
                  id="reason-${p.id}"
                  maxlength="500"
                  autocomplete="off"
                  data-testid="fee-waive-first"
                  @input=${(e: Event) => (this.#reason = (e.target as HTMLInputElement).value)}
                />`
        }
        <div class="actions">
          <button
            ?disabled=${busy}
            data-testid=${collect ? 'fee-collect-confirm' : 'fee-waive-confirm'}
            @click=${() => void this.#settle(p, collect ? 'collect' : 'waive')}
          >
            ${this.t(collect ? 'payments.collectYes' : 'payments.waiveYes')}
          </button>
          <button class="secondary" data-testid="fee-keep" @click=${() => void this.#close(p)}>
            ${this.t('payments.keep')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="actions">
      <button
        aria-label=${this.t('payments.collectLabel', { amount, client })}
        data-testid="fee-collect"
        @click=${() => void this.#open(p, 'collect')}
      >
        ${this.t('payments.collect')}
      </button>
      <button
        class="secondary"
        aria-label=${this.t('payments.waiveLabel', { amount, client })}
        data-testid="fee-waive"
        @click=${() => void this.#open(p, 'waive')}
      >
        ${this.t('payments.waive')}
      </button>
    </div>`;
  }
}
