import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleView } from '../console-view.js';
import { calendarStyles } from './booking.styles.js';
import { serverFieldErrors, type AppointmentType } from './booking-shared.js';
import {
  CURRENCY,
  draftOf,
  emptyDraft,
  isMoney,
  NUMBER_FIELDS,
  toInput,
  type TypeDraft,
} from './appointment-type-form.js';

/**
 * Appointment types for owners and front desk: the list (with activate /
 * deactivate; types are never deleted because appointments refer to them)
 * and one create-or-edit form. Field errors come from the server (zod's
 * field errors, or a DomainError's `details.field`) and sit under the field.
 */
export class ConsoleAppointmentTypesView extends ConsoleView {
  static override styles = [...[ConsoleView.styles].flat(), calendarStyles];
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    types: { state: true },
    editing: { state: true },
    draft: { state: true },
    errors: { state: true },
    busy: { state: true },
    loadError: { state: true },
  };

  declare types: readonly AppointmentType[] | null;
  /** `'new'`, a type's id, or null (no form open). */
  declare editing: string | null;
  declare draft: TypeDraft;
  declare errors: Readonly<Record<string, string>>;
  declare busy: boolean;
  declare loadError: string;

  constructor() {
    super();
    this.types = null;
    this.editing = null;
    this.draft = emptyDraft();
    this.errors = {};
    this.busy = false;
    this.loadError = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ctx') && !changed.get('ctx')) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.types = await this.ctx.api.booking.admin.appointmentTypes.list.query();
      this.loadError = '';
    } catch (error) {
      this.loadError = this.errorMessage(error);
    }
  }

  #money(cents: number): string {
    return new Intl.NumberFormat(this.ctx.strings.locale, {
      style: 'currency',
      currency: CURRENCY,
    }).format(cents / 100);
  }

  async #open(type: AppointmentType | null): Promise<void> {
    this.editing = type ? type.id : 'new';
    this.draft = type ? draftOf(type) : emptyDraft();
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#type-form-title')?.focus();
  }

  async #close(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    await this.updateComplete;
    const back =
      was && was !== 'new'
        ? `[data-type-id="${was}"] [data-testid="appointment-type-edit"]`
        : '[data-testid="type-new"]';
    this.renderRoot.querySelector<HTMLElement>(back)?.focus();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const { input, invalid } = toInput(this.draft);
    if (invalid.length) {
      this.errors = Object.fromEntries(invalid.map((k) => [k, this.t('types.invalidMoney')]));
      return this.#focusError();
    }
    this.busy = true;
    try {
      const api = this.ctx.api.booking.admin.appointmentTypes;
      if (this.editing === 'new') await api.create.mutate(input as never);
      else await api.update.mutate({ ...input, appointmentTypeId: this.editing } as never);
      this.ctx.announce(this.t(this.editing === 'new' ? 'types.created' : 'types.saved'));
      await this.#load();
      await this.#close();
    } catch (error) {
      const fields = serverFieldErrors(error);
      this.errors = Object.keys(fields).length ? fields : { _form: this.errorMessage(error) };
      await this.#focusError();
    } finally {
      this.busy = false;
    }
  }

  async #focusError(): Promise<void> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (
      field ?? this.renderRoot.querySelector<HTMLElement>('[data-testid="type-form-error"]')
    )?.focus();
  }

  async #toggle(type: AppointmentType): Promise<void> {
    try {
      await this.ctx.api.booking.admin.appointmentTypes.update.mutate({
        appointmentTypeId: type.id,
        active: !type.active,
      });
      this.ctx.announce(
        this.t(type.active ? 'types.deactivated' : 'types.activated', { name: type.name }),
      );
      await this.#load();
    } catch (error) {
      this.ctx.announce(this.errorMessage(error));
    }
  }

  protected override render() {
    return html`<section>
      <h1 tabindex="-1">${this.t('types.title')}</h1>
      <p class="error" role="alert">${this.loadError}</p>
      ${this.types === null ? html`<p>${this.t('app.loading')}</p>` : this.#table(this.types)}
      <div class="actions">
        <button data-testid="type-new" @click=${() => void this.#open(null)}>
          ${this.t('types.create')}
        </button>
      </div>
      ${this.editing ? this.#form() : nothing}
    </section>`;
  }

  #table(types: readonly AppointmentType[]) {
    if (!types.length) return html`<p data-testid="types-empty">${this.t('types.empty')}</p>`;
    return html`<table data-testid="appointment-types">
      <caption>
        ${this.t('types.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('types.name')}</th>
          <th scope="col">${this.t('types.duration')}</th>
          <th scope="col">${this.t('types.modality')}</th>
          <th scope="col">${this.t('types.price')}</th>
          <th scope="col">${this.t('types.mode')}</th>
          <th scope="col">${this.t('types.status')}</th>
          <th scope="col">${this.t('calendar.actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${types.map(
          (t) =>
            html`<tr
              data-testid="appointment-type-row"
              data-type-id=${t.id}
              data-active=${String(t.active)}
            >
              <th scope="row">${t.name}</th>
              <td>${this.t('types.minutes', { count: t.durationMinutes })}</td>
              <td>
                ${this.t(t.modality === 'telehealth' ? 'types.telehealth' : 'types.inPerson')}
              </td>
              <td>
                ${this.#money(t.priceCents)}${
                  t.depositCents
                    ? html` (${this.t('types.deposit')} ${this.#money(t.depositCents)})`
                    : nothing
                }
              </td>
              <td>${this.t(t.bookingMode === 'request' ? 'types.request' : 'types.instant')}</td>
              <td>
                <span class="badge" data-testid="appointment-type-status"
                  >${this.t(t.active ? 'types.active' : 'types.inactive')}</span
                >
              </td>
              <td class="actions">
                <button
                  class="secondary"
                  data-testid="appointment-type-edit"
                  @click=${() => void this.#open(t)}
                >
                  ${this.t('types.edit', { name: t.name })}
                </button>
                <button
                  class="secondary"
                  data-testid="appointment-type-toggle"
                  @click=${() => void this.#toggle(t)}
                >
                  ${this.t(t.active ? 'types.deactivate' : 'types.activate', { name: t.name })}
                </button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** One labelled control with its hint and error, both linked by aria-describedby. */
  #field(
    key: keyof TypeDraft,
    label: string,
    control: (describedBy: string, invalid: boolean) => unknown,
    hint = '',
  ) {
    const error = this.errors[key] ?? '';
    const ids = [hint ? `hint-${key}` : '', `error-${key}`].filter(Boolean).join(' ');
    return html`<div class="row">
      <label for="type-${key}">${label}</label>
      ${hint ? html`<p class="hint" id="hint-${key}">${hint}</p>` : nothing}
      ${control(ids, !!error)}
      <p class="field-error" id="error-${key}" data-testid="type-${key}-error">${error}</p>
    </div>`;
  }

  #select<K extends 'modality' | 'clientEligibility' | 'bookingMode'>(
    key: K,
    label: string,
    options: readonly [TypeDraft[K], string][],
  ) {
    return this.#field(
      key,
      label,
      (d, invalid) =>
        html`<select
          id="type-${key}"
          data-testid="type-${key}"
          aria-describedby=${d}
          aria-invalid=${invalid ? 'true' : 'false'}
          @change=${(e: Event) => (this.draft = { ...this.draft, [key]: (e.target as HTMLSelectElement).value })}
        >
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.draft[key] === value}>${text}</option>`)}
        </select>`,
    );
  }

  #form() {
    const editing = this.types?.find((t) => t.id === this.editing);
    const title = editing
      ? this.t('types.editTitle', { name: editing.name })
      : this.t('types.create');
    const input =
      (key: keyof TypeDraft, mode: 'text' | 'numeric' | 'decimal') =>
      (d: string, invalid: boolean) =>
        html`<input
          id="type-${key}"
          data-testid="type-${key}"
          inputmode=${mode === 'text' ? nothing : mode}
          .value=${this.draft[key]}
          aria-describedby=${d}
          aria-invalid=${invalid ? 'true' : 'false'}
          @input=${(e: Event) => (this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value })}
        />`;
    const moneyHint = this.t('types.moneyHint', { currency: CURRENCY });
    return html`<form
      data-testid="appointment-type-form"
      aria-labelledby="type-form-title"
      novalidate
      @submit=${(e: Event) => void this.#save(e)}
    >
      <h2 id="type-form-title" tabindex="-1">${title}</h2>
      <p class="error" role="alert" tabindex="-1" data-testid="type-form-error">
        ${Object.keys(this.errors).length ? [this.t('types.fixErrors'), this.errors['_form']].filter(Boolean).join(' ') : ''}
      </p>
      <div class="grid">
        ${this.#field('name', this.t('types.name'), input('name', 'text'))}
        ${this.#select('modality', this.t('types.modality'), [
          ['in_person', this.t('types.inPerson')],
          ['telehealth', this.t('types.telehealth')],
        ])}
        ${this.#select('clientEligibility', this.t('types.eligibility'), [
          ['any', this.t('types.eligibilityAny')],
          ['new_only', this.t('types.eligibilityNew')],
          ['existing_only', this.t('types.eligibilityExisting')],
        ])}
        ${this.#select('bookingMode', this.t('types.mode'), [
          ['instant', this.t('types.instant')],
          ['request', this.t('types.request')],
        ])}
        ${NUMBER_FIELDS.map(({ key, label }) => this.#field(key, this.t(label), input(key, isMoney(key) ? 'decimal' : 'numeric'), isMoney(key) ? moneyHint : ''))}
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy} data-testid="type-save">
          ${this.busy ? this.t('booking.saving') : this.t('types.save')}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="type-cancel"
          @click=${() => void this.#close()}
        >
          ${this.t('types.cancel')}
        </button>
      </div>
    </form>`;
  }
}
