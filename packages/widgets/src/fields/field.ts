import { isAnswered, type FieldError } from '@therapycrm/plugin-sdk/forms';
import {
  html,
  LitElement,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type CSSResultGroup,
  type PropertyDeclarations,
} from 'lit';
import { consumeTcrm, type TcrmContext } from '../context/consume.js';
import {
  TcrmChangeEvent,
  TcrmInputEvent,
  TcrmInvalidEvent,
  type TcrmFieldEventDetail,
} from '../events/events.js';
import { fieldStyles } from './field.styles.js';
import { validityFlags, type FieldValidator } from './validators.js';

/** What `aria-*` attributes of a field's control should be. */
export interface FieldAria {
  readonly invalid: 'true' | typeof nothing;
  readonly describedby: string | typeof nothing;
  readonly errormessage: 'error' | typeof nothing;
}

/**
 * Base of every tcrm form field: a form-associated custom element
 * (`ElementInternals`), so it takes part in a plain `<form>`: FormData,
 * `required`, `:invalid`, reset, `<fieldset disabled>` and the browser's
 * state restore. Subclasses render their controls with the label,
 * description and error wired for screen readers by the helpers here, and
 * call {@link input} / {@link commit} when the client changes the value.
 *
 * Errors are shown (and announced through a live region) only once the
 * client has committed a value, tried to submit, or the host set errors
 * with {@link setErrors}; before that the field is invalid but quiet.
 *
 * @slot label - Rich label content; the `label` attribute is the plain alternative.
 * @slot description - Rich help text; the `description` attribute is the plain alternative.
 *
 * @csspart base - The field's wrapper.
 * @csspart label - The label (or group label).
 * @csspart required-indicator - The asterisk after a required field's label.
 * @csspart description - The help text.
 * @csspart error - The error message (a polite live region).
 *
 * Custom state `user-invalid` (`tcrm-text-field:state(user-invalid)`) is set
 * while an error is shown, for page styles; `:invalid` works as on inputs.
 *
 * @fires tcrm-input - The value changed while typing, choosing or drawing.
 * @fires tcrm-change - The client committed a new value.
 * @fires tcrm-invalid - An error is shown (submit, `reportValidity()`, commit).
 */
export abstract class TcrmField<V> extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override styles: CSSResultGroup = [fieldStyles];

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    description: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    locale: {},
    value: { attribute: false },
    defaultValue: { attribute: 'value' },
    showErrors: { state: true },
    formDisabled: { state: true },
  };

  /** Name of the value in FormData. */
  name = '';
  /** Visible label (use the `label` slot for markup). */
  label = '';
  /** Help text under the label, read as the control's description. */
  description = '';
  required = false;
  /** Disabled fields are not submitted, not validated and not focusable. */
  disabled = false;
  /** BCP 47 locale of messages; defaults to the provider's, else the browser's. */
  locale: string | undefined;
  /** The current answer. */
  declare value: V;
  /** The answer a form reset returns to (the `value` attribute for text-like fields). */
  declare defaultValue: V;
  /** Extra rules, run after the field's own (see {@link FieldValidator}). */
  validators: readonly FieldValidator<V, this>[] = [];

  declare protected showErrors: boolean;
  declare protected formDisabled: boolean;
  protected readonly internals: ElementInternals;
  protected readonly tcrm: TcrmContext = consumeTcrm(this);
  #errors: readonly FieldError[] = [];
  #hostErrors: readonly FieldError[] = [];
  #touched = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.showErrors = false;
    this.formDisabled = false;
    // The browser fires `invalid` on submit and reportValidity(): show the error then.
    this.addEventListener('invalid', () => this.#reveal());
  }

  /** The empty answer of this field type. */
  protected abstract emptyValue(): V;
  /** What FormData receives (`null`: nothing). */
  protected abstract formValue(): string | File | FormData | null;
  /** The control the browser focuses and points at when the field is invalid. */
  protected abstract get anchor(): HTMLElement | null;
  /** Rules of this field type (required is handled here). */
  protected ownValidators(): readonly FieldValidator<V, this>[] {
    return [];
  }
  /** True when the value counts as no answer (for `required`). */
  protected isEmpty(value: V): boolean {
    return !isAnswered(value);
  }
  /** Label of a part of a composite answer, for `path` errors. */
  protected partLabel(_path: string): string | undefined {
    return undefined;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** The current validation errors (empty when valid). */
  get errors(): readonly FieldError[] {
    return this.#errors;
  }
  /** True when the field is disabled itself or by a disabled `<fieldset>`. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Shows errors found elsewhere, e.g. by the server's validation of the
   * same form definition; they clear when the client changes the value.
   */
  setErrors(errors: readonly FieldError[]): void {
    this.#hostErrors = errors;
    if (errors.length) this.#touched = true;
    this.requestUpdate();
    if (errors.length) void this.updateComplete.then(() => this.#reveal());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && this.value === undefined)
      this.value = this.defaultValue ?? this.emptyValue();
    else if (changed.has('defaultValue') && !changed.has('value') && !this.#touched)
      this.value = this.defaultValue;
    // Before render, so the error text and aria-invalid match this value.
    this.#errors = this.#hostErrors.length ? this.#hostErrors : this.#check();
  }

  protected override updated(_changed: PropertyValues<this>): void {
    // After render: the anchor must exist in the shadow root.
    const errors = this.#errors;
    this.internals.setFormValue(this.isDisabled ? null : this.formValue(), this.formState());
    const t = this.tcrm.translator;
    if (errors.length && this.anchor) {
      this.internals.setValidity(
        validityFlags(errors),
        t.error(errors[0]!, (p) => this.partLabel(p)),
        this.anchor,
      );
    } else this.internals.setValidity({});
    this.internals.states.delete('user-invalid');
    if (this.showErrors && errors.length) this.internals.states.add('user-invalid');
  }

  #check(): readonly FieldError[] {
    if (this.isEmpty(this.value)) return this.required ? [{ code: 'required' }] : [];
    const errors: FieldError[] = [];
    for (const validator of [...this.ownValidators(), ...this.validators]) {
      const error = validator.check(this.value, this);
      if (error) errors.push(error);
    }
    return errors;
  }

  /** What the browser keeps to restore after back/forward navigation; null: nothing. */
  protected formState(): string | null {
    return typeof this.value === 'string' ? this.value : null;
  }

  #reveal(): void {
    if (!this.#errors.length) return;
    this.showErrors = true;
    this.dispatchEvent(new TcrmInvalidEvent({ ...this.#detail(), errors: this.#errors }));
  }

  #detail(): TcrmFieldEventDetail {
    return { name: this.name, id: this.id };
  }

  /** Call while the client edits: updates the value, hides stale host errors. */
  protected input(value: V): void {
    this.value = value;
    this.#touched = true;
    this.#hostErrors = [];
    this.dispatchEvent(new TcrmInputEvent(this.#detail()));
  }

  /** Call when the client commits: from now on errors are shown. */
  protected async commit(value: V = this.value): Promise<void> {
    // Like native controls: `input` only when the value changes here (a radio
    // click), not again for text already reported keystroke by keystroke.
    if (value !== this.value) this.input(value);
    else this.#touched = true;
    this.showErrors = true;
    this.dispatchEvent(new TcrmChangeEvent(this.#detail()));
    await this.updateComplete;
    if (this.#errors.length) this.#reveal();
  }

  formResetCallback(): void {
    this.#touched = false;
    this.#hostErrors = [];
    this.showErrors = false;
    this.value = this.defaultValue ?? this.emptyValue();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state as V;
  }

  // ——— Template helpers for subclasses ———

  /** `aria-*` values for the control (or group) that holds the answer. */
  protected get aria(): FieldAria {
    const shown = this.showErrors && this.#errors.length > 0;
    const ids = [
      this.description || this.hasSlotted('description') ? 'description' : '',
      shown ? 'error' : '',
    ].filter(Boolean);
    return {
      invalid: shown ? 'true' : nothing,
      describedby: ids.length ? ids.join(' ') : nothing,
      errormessage: shown ? 'error' : nothing,
    };
  }

  protected hasSlotted(slot: string): boolean {
    return this.querySelector(`:scope > [slot="${slot}"]`) !== null;
  }

  /** The label: a `<label for>` when `control` is given, else a group label (`aria-labelledby="label"`). */
  protected labelTemplate(control?: string): TemplateResult {
    // The asterisk is visual only; "required" is announced by the control's own
    // `required`/`aria-required`, or by hidden text for groups that have neither.
    const content = html`<slot name="label">${this.label}</slot>${
        this.required
          ? html`<span part="required-indicator" class="required" aria-hidden="true"> *</span>${
                this.requiredInLabel()
                  ? html`<span class="visually-hidden">
                      (${this.tcrm.translator.t('field.required')})</span
                    >`
                  : nothing
              }`
          : nothing
      }`;
    return control
      ? html`<label id="label" part="label" class="label" for=${control}>${content}</label>`
      : html`<div id="label" part="label" class="label">${content}</div>`;
  }

  /** True for groups whose controls cannot carry `required` or `aria-required` themselves. */
  protected requiredInLabel(): boolean {
    return false;
  }

  /** Rendered only when there is help text, so `aria-describedby` never points at nothing. */
  protected descriptionTemplate(): TemplateResult | typeof nothing {
    if (!this.description && !this.hasSlotted('description')) return nothing;
    return html`<div id="description" part="description" class="description">
      <slot name="description">${this.description}</slot>
    </div>`;
  }

  /** The error, in a live region that exists from the start so additions are announced. */
  protected errorTemplate(): TemplateResult {
    const error = this.showErrors ? this.#errors[0] : undefined;
    const message = error ? this.tcrm.translator.error(error, (p) => this.partLabel(p)) : '';
    return html`<div id="error" part="error" class="error" aria-live="polite">${message}</div>`;
  }

  /** Wraps a control with label, description and error. */
  protected fieldTemplate(control: TemplateResult, labelFor?: string): TemplateResult {
    return html`<div part="base" class="field" lang=${this.locale ?? nothing}>
      ${this.labelTemplate(labelFor)} ${this.descriptionTemplate()} ${control}
      ${this.errorTemplate()}
    </div>`;
  }
}
