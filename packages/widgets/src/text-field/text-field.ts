import { html, nothing, type PropertyDeclarations } from 'lit';
import { TcrmField } from '../fields/field.js';
import { textValidators, type TextRulesHost } from './text-validators.js';

/** Input types this field supports (the form definition's text-like types). */
export type TextFieldType = 'text' | 'email' | 'tel' | 'number' | 'date';

/**
 * A one-line answer: text, e-mail, phone, number or date. The value is
 * always the input's string (`''` when empty), as with `<input>`; a date
 * is `YYYY-MM-DD`. Formats are checked with the plugin SDK's rules, the
 * same the server applies.
 *
 * @summary One-line text, e-mail, phone, number or date.
 *
 * @csspart control - The native `<input>`.
 */
export class TcrmTextField extends TcrmField<string> implements TextRulesHost {
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    placeholder: {},
    autocomplete: {},
    minLength: { type: Number, attribute: 'minlength' },
    maxLength: { type: Number, attribute: 'maxlength' },
    pattern: {},
    min: {},
    max: {},
    integer: { type: Boolean },
  };

  type: TextFieldType = 'text';
  placeholder = '';
  /** Autofill hint for the browser, e.g. `email`, `tel`, `given-name`, `bday`. */
  autocomplete: string | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  /** A regular expression the whole trimmed value must match (unicode mode). */
  pattern: string | undefined;
  /** Lower bound: a number, or a date `YYYY-MM-DD`. */
  min: string | undefined;
  /** Upper bound: a number, or a date `YYYY-MM-DD`. */
  max: string | undefined;
  /** Numbers only: whole numbers. */
  integer = false;

  protected override emptyValue(): string {
    return '';
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override get anchor(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override ownValidators() {
    return textValidators;
  }

  protected override render() {
    const a = this.aria;
    return this.fieldTemplate(
      html`<input
        id="control"
        part="control"
        .type=${this.type}
        .value=${this.value}
        name=${this.name || nothing}
        placeholder=${this.placeholder || nothing}
        autocomplete=${(this.autocomplete ?? nothing) as AutoFill}
        inputmode=${this.type === 'number' && this.integer ? 'numeric' : nothing}
        maxlength=${this.maxLength ?? nothing}
        min=${this.min ?? nothing}
        max=${this.max ?? nothing}
        step=${this.type === 'number' ? (this.integer ? '1' : 'any') : nothing}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
        @input=${(e: Event) => this.input((e.target as HTMLInputElement).value)}
        @change=${() => void this.commit()}
      />`,
      'control',
    );
  }
}
