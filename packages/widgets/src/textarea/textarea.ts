import { css, html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { TcrmField } from '../fields/field.js';
import { textValidators, type TextRulesHost } from '../text-field/text-validators.js';

/**
 * A multi-line answer (history, presenting concerns). Same rules as a text
 * field: `minlength`, `maxlength`, `pattern`.
 *
 * @summary Multi-line text.
 *
 * @csspart control - The native `<textarea>`.
 */
export class TcrmTextarea extends TcrmField<string> implements TextRulesHost {
  static override styles: CSSResultGroup = [
    TcrmField.styles,
    css`
      textarea {
        resize: vertical;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    rows: { type: Number },
    placeholder: {},
    minLength: { type: Number, attribute: 'minlength' },
    maxLength: { type: Number, attribute: 'maxlength' },
    pattern: {},
  };

  readonly type = 'textarea';
  rows = 4;
  placeholder = '';
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: string | undefined;
  readonly min = undefined;
  readonly max = undefined;
  readonly integer = false;

  protected override emptyValue(): string {
    return '';
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override get anchor(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  protected override ownValidators() {
    return textValidators;
  }

  protected override render() {
    const a = this.aria;
    return this.fieldTemplate(
      html`<textarea
        id="control"
        part="control"
        .value=${this.value}
        rows=${this.rows}
        placeholder=${this.placeholder || nothing}
        maxlength=${this.maxLength ?? nothing}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
        @input=${(e: Event) => this.input((e.target as HTMLTextAreaElement).value)}
        @change=${() => void this.commit()}
      ></textarea>`,
      'control',
    );
  }
}
