import { localize, type LocalizedText } from '@therapycrm/plugin-sdk/forms';
import { html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { ChoiceOptionInput } from '../choice/choice.js';
import { TcrmField } from '../fields/field.js';
import type { FieldValidator } from '../fields/validators.js';
import { likertStyles } from './likert.styles.js';

/** A statement answered on the shared scale. */
export interface LikertRowInput {
  readonly id: string;
  readonly label: LocalizedText;
}

/** Chosen scale value per row id. */
export type LikertValue = Readonly<Record<string, string>>;

// A required matrix is complete only when every row is answered (as the server checks).
const everyRow: FieldValidator<LikertValue, TcrmLikert> = {
  key: 'everyRow',
  check: (value, field) => {
    const missing = field.required ? field.rows.find((row) => !value[row.id]) : undefined;
    return missing ? { code: 'required', path: missing.id } : null;
  },
};

/**
 * A matrix (PHQ-9, GAD-7…): rows of statements, each answered on one
 * scale. Every row is its own radio group named by the row's label, each
 * radio named by its column's scale label. Left/right move along a row
 * (native radios), up/down move to the same column in the row above or
 * below. In FormData each answered row is `<name>.<rowId>`.
 *
 * @summary Likert scale / matrix question.
 *
 * @csspart matrix - The scrollable table.
 * @csspart row - A row (also the header row).
 * @csspart row-label - A row's statement.
 * @csspart scale-label - A column heading.
 * @csspart radio - A radio button.
 */
export class TcrmLikert extends TcrmField<LikertValue> {
  static override styles: CSSResultGroup = [TcrmField.styles, likertStyles];

  static override properties: PropertyDeclarations = {
    rows: { type: Array },
    scale: { type: Array },
  };

  /** The statements; JSON in the attribute. */
  rows: readonly LikertRowInput[] = [];
  /** The scale, e.g. 0 "Not at all" … 3 "Nearly every day"; JSON in the attribute. */
  scale: readonly ChoiceOptionInput[] = [];

  protected override emptyValue(): LikertValue {
    return {};
  }

  protected override formValue(): FormData | null {
    if (!this.name) return null;
    const data = new FormData();
    for (const row of this.rows)
      if (this.value[row.id]) data.append(`${this.name}.${row.id}`, this.value[row.id]!);
    return data;
  }

  protected override get anchor(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override ownValidators() {
    return [everyRow];
  }

  protected override partLabel(path: string): string | undefined {
    const row = this.rows.find((r) => r.id === path);
    return row && localize(row.label, this.tcrm.locale);
  }

  #onKeydown(event: KeyboardEvent, row: number, column: number): void {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return; // left/right stay native: along the row, mirrored in RTL
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLInputElement>(
      `[data-row="${row + step}"][data-column="${column}"]`,
    );
    target?.focus();
  }

  protected override render() {
    const a = this.aria;
    const locale = this.tcrm.locale;
    return this.fieldTemplate(
      html`<div
        part="matrix"
        class="matrix"
        role="group"
        aria-labelledby="label"
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
        style="--columns: ${this.scale.length}"
      >
        <div part="row" class="row head" aria-hidden="true">
          <span></span>
          ${this.scale.map((s, c) => html`<span part="scale-label" id="col-${c}">${localize(s.label, locale)}</span>`)}
        </div>
        ${this.rows.map(
          (row, r) =>
            html`<div
              part="row"
              class="row"
              role="radiogroup"
              aria-labelledby="row-${r}"
              aria-required=${this.required ? 'true' : nothing}
            >
              <span part="row-label" id="row-${r}">${localize(row.label, locale)}</span>
              ${this.scale.map(
                (s, c) =>
                  html`<span class="cell"
                    ><input
                      part="radio"
                      type="radio"
                      name="row-${r}"
                      data-row=${r}
                      data-column=${c}
                      .value=${String(s.value)}
                      .checked=${this.value[row.id] === String(s.value)}
                      ?disabled=${this.isDisabled}
                      aria-labelledby="col-${c}"
                      @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, r, c)}
                      @change=${() => void this.commit({ ...this.value, [row.id]: String(s.value) })}
                  /></span>`,
              )}
            </div>`,
        )}
      </div>`,
    );
  }
}
