import { localize, type FieldError, type LocalizedText } from '@therapycrm/plugin-sdk/forms';
import { html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { TcrmField } from '../fields/field.js';
import type { FieldValidator } from '../fields/validators.js';
import { isRtl, nextIndex } from '../internal/roving.js';
import { choiceStyles } from './choice.styles.js';

/**
 * An option, as in the form definition. `value` may be a number (PHQ-9
 * scores); the element's value holds it as a string, like every DOM control.
 * `exclusive` ("None of the above") clears the others in a multiple choice.
 */
export interface ChoiceOptionInput {
  readonly value: string | number;
  readonly label: LocalizedText;
  readonly exclusive?: boolean;
}

/** One value (radio group) or several (`multiple`, checkbox group). */
export type ChoiceFieldValue = string | readonly string[];

const selectionBounds: FieldValidator<ChoiceFieldValue, TcrmChoice> = {
  key: 'selection',
  check(value, field): FieldError | null {
    const count = Array.isArray(value) ? value.length : 1;
    if (field.minSelected !== undefined && count < field.minSelected)
      return { code: 'too_few_selected', params: { minSelected: field.minSelected } };
    if (field.maxSelected !== undefined && count > field.maxSelected)
      return { code: 'too_many_selected', params: { maxSelected: field.maxSelected } };
    return null;
  },
};

/**
 * Single choice (radio group) or, with `multiple`, multiple choice
 * (checkbox group), or with `display="dropdown"` a native select. Native
 * controls give the right roles and states; the
 * group is one tab stop and arrow keys move within it (in reading
 * direction), Space checks. In FormData a multiple choice adds one entry
 * per checked option under `name`.
 *
 * @summary Radio group or checkbox group.
 *
 * @csspart options - The group of options.
 * @csspart option - One option's label.
 * @csspart option-input - One option's radio or checkbox.
 * @csspart option-label - One option's text.
 * @csspart select - The native select (`display="dropdown"`).
 */
export class TcrmChoice extends TcrmField<ChoiceFieldValue> {
  static override styles: CSSResultGroup = [TcrmField.styles, choiceStyles];

  static override properties: PropertyDeclarations = {
    options: { type: Array },
    multiple: { type: Boolean, reflect: true },
    display: { reflect: true },
    inline: { type: Boolean, reflect: true },
    minSelected: { type: Number, attribute: 'min-selected' },
    maxSelected: { type: Number, attribute: 'max-selected' },
    activeIndex: { state: true },
  };

  /** The options; JSON in the attribute. Labels may be `{ en, es }` records. */
  options: readonly ChoiceOptionInput[] = [];
  /** Checkboxes instead of radios; the value becomes an array. */
  multiple = false;
  /** `dropdown`: a native `<select>` for long single-choice lists (the form definition's `display`). */
  display: 'radio' | 'dropdown' = 'radio';
  /** Lay options out in a row (yes/no, short scales). */
  inline = false;
  minSelected: number | undefined;
  maxSelected: number | undefined;
  /** The option that holds the group's single tab stop (checkbox groups). */
  protected activeIndex = 0;

  protected override emptyValue(): ChoiceFieldValue {
    return this.multiple ? [] : '';
  }

  protected get selected(): readonly string[] {
    const value = this.value ?? '';
    return typeof value === 'string' ? (value ? [value] : []) : value;
  }

  protected override formValue(): string | FormData | null {
    if (!this.multiple) return typeof this.value === 'string' ? this.value : null;
    if (!this.name) return null;
    const data = new FormData();
    for (const v of this.selected) data.append(this.name, v);
    return data;
  }

  protected override formState(): string | null {
    return this.multiple ? null : super.formState();
  }

  protected override get anchor(): HTMLInputElement | null {
    return (
      this.renderRoot.querySelector('select, input:checked') ??
      this.renderRoot.querySelector('input')
    );
  }

  protected override ownValidators() {
    return this.multiple ? [selectionBounds] : [];
  }

  protected override requiredInLabel(): boolean {
    return this.multiple; // a checkbox group has no aria-required; a radiogroup does
  }

  protected get inputs(): HTMLInputElement[] {
    return [...this.renderRoot.querySelectorAll('input')];
  }

  #toggle(option: ChoiceOptionInput, checked: boolean): ChoiceFieldValue {
    const value = String(option.value);
    if (!this.multiple) return value;
    if (!checked) return this.selected.filter((v) => v !== value);
    // "None of the above" and real answers exclude each other.
    const keep = option.exclusive
      ? []
      : this.selected.filter((v) => !this.options.find((o) => String(o.value) === v)?.exclusive);
    return [...keep, value];
  }

  #onKeydown(event: KeyboardEvent, index: number): void {
    // Radios move natively; checkbox groups get the same one-tab-stop behaviour.
    if (!this.multiple) return;
    const next = nextIndex(event.key, index, this.options.length, isRtl(this));
    if (next === undefined) return;
    event.preventDefault();
    this.activeIndex = next;
    this.inputs[next]?.focus();
  }

  protected optionTemplate(option: ChoiceOptionInput, index: number) {
    const checked = this.selected.includes(String(option.value));
    const tabStop = this.multiple
      ? index === Math.min(this.activeIndex, this.options.length - 1)
      : undefined;
    return html`<label part="option" class="option">
      <input
        part="option-input"
        type=${this.multiple ? 'checkbox' : 'radio'}
        name="choice"
        .value=${String(option.value)}
        .checked=${checked}
        tabindex=${tabStop === undefined ? nothing : tabStop ? '0' : '-1'}
        ?disabled=${this.isDisabled}
        @focus=${() => (this.activeIndex = index)}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, index)}
        @change=${(e: Event) => void this.commit(this.#toggle(option, (e.target as HTMLInputElement).checked))}
      /><span part="option-label">${localize(option.label, this.tcrm.locale)}</span>
    </label>`;
  }

  #dropdownTemplate() {
    const a = this.aria;
    const locale = this.tcrm.locale;
    return this.fieldTemplate(
      html`<select
        id="control"
        part="select"
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
        @change=${(e: Event) => void this.commit((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.value}>
          ${this.tcrm.translator.t('choice.placeholder')}
        </option>
        ${this.options.map(
          (o) =>
            html`<option value=${o.value} ?selected=${this.value === String(o.value)}>
              ${localize(o.label, locale)}
            </option>`,
        )}
      </select>`,
      'control',
    );
  }

  protected override render() {
    if (this.display === 'dropdown' && !this.multiple) return this.#dropdownTemplate();
    const a = this.aria;
    return this.fieldTemplate(
      html`<div
        part="options"
        class="options"
        role=${this.multiple ? 'group' : 'radiogroup'}
        aria-labelledby="label"
        aria-required=${!this.multiple && this.required ? 'true' : nothing}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
      >
        ${this.options.map((option, i) => this.optionTemplate(option, i))}
      </div>`,
    );
  }
}
