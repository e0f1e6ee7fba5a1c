import { DEFAULT_SIGNATURE_MAX_BYTES } from '@therapycrm/plugin-sdk/forms';
import {
  html,
  nothing,
  type PropertyValues,
  type CSSResultGroup,
  type PropertyDeclarations,
} from 'lit';
import { TcrmField } from '../fields/field.js';
import type { FieldValidator } from '../fields/validators.js';
import { attachSignaturePad, clearCanvas, paintImage, writeName } from './signature-pad.js';
import { signatureStyles } from './signature.styles.js';

const PREFIX = 'data:image/png;base64,';

const maxSize: FieldValidator<string, TcrmSignature> = {
  key: 'maxBytes',
  check: (value, field) => {
    const bytes = ((value.length - PREFIX.length) * 3) / 4;
    return bytes > field.maxBytes
      ? { code: 'too_large', params: { maxBytes: field.maxBytes } }
      : null;
  },
};

/**
 * A signature, drawn (mouse, touch, pen) or typed: the Type mode is the
 * keyboard path, rendering the typed name as the signature image. The
 * value is a PNG data URL (`''` when unsigned), the form definition's
 * `{ dataUrl }` answer. Signatures are never kept for the browser's form
 * restore: they are PHI and must not outlive the page.
 *
 * @summary Draw-or-type signature.
 *
 * @csspart modes - The Draw / Type toggle buttons.
 * @csspart mode-button - One toggle button.
 * @csspart pad - The canvas.
 * @csspart typed-name - The input for the typed name.
 * @csspart clear-button - Clears the signature.
 */
export class TcrmSignature extends TcrmField<string> {
  static override styles: CSSResultGroup = [TcrmField.styles, signatureStyles];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    maxBytes: { type: Number, attribute: 'max-bytes' },
    typedName: { state: true },
  };

  /** `draw` with a pointer or `type` a name. */
  mode: 'draw' | 'type' = 'draw';
  /** Largest PNG accepted, in bytes (the SDK's default). */
  maxBytes = DEFAULT_SIGNATURE_MAX_BYTES;
  protected typedName = '';
  #emitted = '';
  #detach: (() => void) | undefined;

  protected override emptyValue(): string {
    return '';
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override formState(): null {
    return null;
  }

  protected override get anchor(): HTMLElement | null {
    return this.renderRoot.querySelector('button');
  }

  protected override ownValidators() {
    return [maxSize];
  }

  protected override requiredInLabel(): boolean {
    return true; // buttons and a canvas cannot say "required"
  }

  get #canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach?.();
    this.#detach = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#detach) {
      this.#detach = attachSignaturePad(
        this.#canvas,
        () => this.mode === 'draw' && !this.isDisabled,
        () => void this.commit(this.#capture()),
      );
      paintImage(this.#canvas, this.value);
    }
    // Repaint only for values set from outside (reset, prefill), not our own strokes.
    if (changed.has('value') && this.value !== this.#emitted) {
      this.#emitted = this.value;
      if (!this.value) this.typedName = '';
      paintImage(this.#canvas, this.value);
    }
  }

  #capture(): string {
    return (this.#emitted = this.#canvas.toDataURL('image/png'));
  }

  #onTyped(event: Event, commit: boolean): void {
    this.typedName = (event.target as HTMLInputElement).value;
    if (this.typedName.trim()) writeName(this.#canvas, this.typedName.trim());
    else clearCanvas(this.#canvas);
    const value = this.typedName.trim() ? this.#capture() : (this.#emitted = '');
    if (commit) void this.commit(value);
    else this.input(value);
  }

  #clear(): void {
    clearCanvas(this.#canvas);
    this.typedName = '';
    this.#emitted = '';
    void this.commit('');
  }

  protected override render() {
    const t = this.tcrm.translator;
    const a = this.aria;
    const typing = this.mode === 'type';
    const modeButton = (mode: 'draw' | 'type') =>
      html`<button
        type="button"
        part="mode-button"
        aria-pressed=${this.mode === mode ? 'true' : 'false'}
        ?disabled=${this.isDisabled}
        @click=${() => (this.mode = mode)}
      >
        ${t.t(`signature.${mode}`)}
      </button>`;
    return this.fieldTemplate(
      html`<div
        class="signature ${typing ? 'typed' : ''}"
        role="group"
        aria-labelledby="label"
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
      >
        <div part="modes" class="modes" role="group" aria-label=${t.t('signature.mode')}>
          ${modeButton('draw')} ${modeButton('type')}
        </div>
        ${
          typing
            ? html`<p class="typed-name">
                <label for="typed">${t.t('signature.typedName')}</label>
                <input
                  id="typed"
                  part="typed-name"
                  autocomplete="name"
                  .value=${this.typedName}
                  ?disabled=${this.isDisabled}
                  @input=${(e: Event) => this.#onTyped(e, false)}
                  @change=${(e: Event) => this.#onTyped(e, true)}
                />
              </p>`
            : nothing
        }
        <canvas
          part="pad"
          width="900"
          height="300"
          role="img"
          aria-label=${this.value ? t.t('signature.signed') : t.t('signature.pad')}
        ></canvas>
        <div class="actions">
          <button
            type="button"
            part="clear-button"
            ?disabled=${this.isDisabled || !this.value}
            @click=${() => this.#clear()}
          >
            ${t.t('signature.clear')}
          </button>
        </div>
      </div>`,
    );
  }
}
