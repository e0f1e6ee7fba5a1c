import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { TcrmApi } from '../../api/api-client.js';
import { errorCode } from '../api.js';
import type { ConsoleContext } from '../console-context.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey } from '../i18n/en.js';
import { calendarStyles } from './booking.styles.js';
import { formatMoney } from './money.js';

type Preview = Awaited<ReturnType<TcrmApi['booking']['appointments']['cancelPreview']['query']>>;
type Option = Preview['options'][number];
type RefundChoice = Option['refund'];

/** Fired when the appointment was cancelled; `message` is what happened, for the live region. */
export class AppointmentCancelledEvent extends Event {
  static readonly eventName = 'tcrm-console-appointment-cancelled';
  constructor(
    readonly appointmentId: string,
    readonly message: string,
  ) {
    super(AppointmentCancelledEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tcrm-console-appointment-cancelled': AppointmentCancelledEvent;
  }
}

/**
 * "Cancel appointment" in a calendar row. Opening it asks the server what
 * each refund rule the member may choose would do now (the server decides
 * who may choose what), states the consequence of the chosen one (amount
 * refunded, fee, amount left due), and cancels on confirmation. The practice
 * cancelling is the usual case, so a full refund is proposed first.
 *
 * @fires tcrm-console-appointment-cancelled - the appointment was cancelled
 */
export class ConsoleAppointmentCancel extends LitElement {
  static override styles = [consoleStyles, calendarStyles];
  static override properties: PropertyDeclarations = {
    ctx: { attribute: false },
    appointmentId: { attribute: false },
    /** The row's time and client, for the button's accessible name and the announcement. */
    time: { attribute: false },
    client: { attribute: false },
    open: { state: true },
    preview: { state: true },
    choice: { state: true },
    notify: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare ctx: ConsoleContext;
  declare appointmentId: string;
  declare time: string;
  declare client: string;
  declare open: boolean;
  declare preview: Preview | null;
  declare choice: RefundChoice;
  declare notify: boolean;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.appointmentId = '';
    this.time = '';
    this.client = '';
    this.open = false;
    this.preview = null;
    this.choice = 'full';
    this.notify = true;
    this.busy = false;
    this.error = '';
  }

  #t(key: ConsoleKey, params?: Readonly<Record<string, string | number>>): string {
    return this.ctx.strings.t(key, params);
  }

  #money(cents: number): string {
    return formatMoney(this.ctx.strings.locale, cents, this.preview?.currency ?? 'usd');
  }

  async #show(): Promise<void> {
    this.open = true;
    this.error = '';
    this.preview = null;
    this.notify = true;
    try {
      this.preview = await this.ctx.api.booking.appointments.cancelPreview.query({
        appointmentId: this.appointmentId,
      });
      this.choice = this.preview.options[0]?.refund ?? 'full';
      if (!this.preview.cancellable) this.error = this.#t('cancel.notCancellable');
    } catch (error) {
      this.error = this.#failure(error);
    }
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('input[name="refund"]:checked, [data-testid="cancel-keep"]')
      ?.focus();
  }

  async #hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-testid="appointment-cancel"]')?.focus();
  }

  #failure(error: unknown): string {
    switch (errorCode(error)) {
      case 'PRECONDITION_FAILED':
        return this.#t('cancel.notCancellable');
      case 'FORBIDDEN':
        return this.#t('app.forbidden');
      case 'NETWORK_ERROR':
        return this.#t('error.network');
      default:
        return this.#t('error.generic');
    }
  }

  /** What the chosen rule does, in words (the server computed the amounts). */
  #consequence(o: Option): string {
    const parts = [
      o.refundCents > 0
        ? this.#t('cancel.consequenceRefund', { amount: this.#money(o.refundCents) })
        : this.#t('cancel.consequenceNoRefund'),
    ];
    if (o.feeCents > 0)
      parts.push(this.#t('cancel.consequenceFee', { amount: this.#money(o.feeCents) }));
    if (o.owedCents > 0)
      parts.push(this.#t('cancel.consequenceOwed', { amount: this.#money(o.owedCents) }));
    return parts.join(' ');
  }

  async #confirm(): Promise<void> {
    const option = this.preview?.options.find((o) => o.refund === this.choice);
    if (!option) return;
    this.busy = true;
    this.error = '';
    try {
      await this.ctx.api.booking.appointments.cancel.mutate({
        appointmentId: this.appointmentId,
        refund: this.choice,
        notifyClient: this.notify,
      });
      this.open = false;
      const message = this.#t('cancel.done', {
        time: this.time,
        consequence: this.#consequence(option),
      });
      this.dispatchEvent(new AppointmentCancelledEvent(this.appointmentId, message));
    } catch (error) {
      this.error = this.#failure(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-testid="cancel-error"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    if (!this.open) {
      return html`<button
        class="secondary"
        aria-label=${this.#t('cancel.openLabel', { time: this.time, client: this.client })}
        data-testid="appointment-cancel"
        @click=${() => void this.#show()}
      >
        ${this.#t('cancel.open')}
      </button>`;
    }
    const id = `cancel-${this.appointmentId}`;
    const p = this.preview;
    const option = p?.options.find((o) => o.refund === this.choice);
    return html`<div role="group" aria-labelledby=${id} class="confirm" data-testid="cancel-step">
      <p id=${id}><strong>${this.#t('cancel.title')}</strong></p>
      ${p ? nothing : this.error ? nothing : html`<p>${this.#t('cancel.loading')}</p>`}
      ${
        p && p.cancellable
          ? html`<p class="hint" data-testid="cancel-paid">
                ${p.paidCents > 0 ? this.#t('cancel.paid', { amount: this.#money(p.paidCents) }) : this.#t('cancel.nothingPaid')}
              </p>
              <fieldset>
                <legend>${this.#t('cancel.refund')}</legend>
                ${p.options.map(
                  (o) =>
                    html`<label class="inline">
                      <input
                        type="radio"
                        name="refund"
                        value=${o.refund}
                        .checked=${o.refund === this.choice}
                        data-testid="cancel-refund-${o.refund}"
                        @change=${() => (this.choice = o.refund)}
                      />
                      ${this.#t(`cancel.refund.${o.refund}`)}
                    </label>`,
                )}
              </fieldset>
              <p aria-live="polite" data-testid="cancel-consequence">
                ${option ? this.#consequence(option) : ''}
              </p>
              <label class="inline">
                <input
                  type="checkbox"
                  .checked=${this.notify}
                  data-testid="cancel-notify"
                  @change=${(e: Event) => (this.notify = (e.target as HTMLInputElement).checked)}
                />
                ${this.#t('cancel.notify')}
              </label>`
          : nothing
      }
      <p class="error" role="alert" tabindex="-1" data-testid="cancel-error">${this.error}</p>
      <div class="actions">
        ${
          p?.cancellable
            ? html`<button
                ?disabled=${this.busy}
                data-testid="cancel-confirm"
                @click=${() => void this.#confirm()}
              >
                ${this.#t('cancel.confirm')}
              </button>`
            : nothing
        }
        <button class="secondary" data-testid="cancel-keep" @click=${() => void this.#hide()}>
          ${this.#t('cancel.keep')}
        </button>
      </div>
    </div>`;
  }
}
