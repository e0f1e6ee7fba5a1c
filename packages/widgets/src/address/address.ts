import { html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { TcrmField } from '../fields/field.js';
import type { FieldValidator } from '../fields/validators.js';
import type { MessageKey } from '../i18n/messages/en.js';
import { addressStyles } from './address.styles.js';
import { regionNames, regionNamesIfReady } from './region-names.js';

/** The parts of an address, as the plugin SDK's `AddressAnswer` names them. */
export const ADDRESS_PARTS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
/** An address being entered: every part a string, `''` when blank; `country` is ISO 3166-1 alpha-2. */
export type AddressValue = Readonly<Record<AddressPart, string>>;

// Browser autofill tokens: the client's saved address fills every part at once.
const AUTOCOMPLETE: Record<AddressPart, string> = {
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
  country: 'country',
};

// Once started, an address needs the parts the server requires (SDK checkAddress).
const neededParts: FieldValidator<AddressValue, TcrmAddress> = {
  key: 'neededParts',
  check: (value, field) => {
    const needed: AddressPart[] = ['line1', 'city', 'region', 'postalCode', 'country'];
    const missing = needed.find((p) => (p !== 'region' || field.requireRegion) && !value[p].trim());
    return missing ? { code: 'required', path: missing } : null;
  },
};

/**
 * A postal address: street, unit, city, region, postal code and country,
 * each a labelled input with its autofill token. Errors about one part
 * name that part ("City: This field is required."). In FormData each
 * non-blank part is `<name>.<part>`.
 *
 * @summary Postal address.
 *
 * @csspart parts - The grid of inputs.
 * @csspart part - One part's label and input.
 * @csspart part-control - One part's input or country select.
 */
export class TcrmAddress extends TcrmField<AddressValue> {
  static override styles: CSSResultGroup = [TcrmField.styles, addressStyles];

  static override properties: PropertyDeclarations = {
    countries: { type: Array },
    requireRegion: { type: Boolean, attribute: 'require-region' },
  };

  /** Allowed countries (ISO codes), the first preselected; JSON in the attribute. */
  countries: readonly string[] = ['US'];
  requireRegion = false;

  protected override emptyValue(): AddressValue {
    return {
      line1: '',
      line2: '',
      city: '',
      region: '',
      postalCode: '',
      country: this.countries[0] ?? '',
    };
  }

  protected override isEmpty(value: AddressValue): boolean {
    // The preselected country alone is not an answer.
    return ADDRESS_PARTS.every((p) => p === 'country' || !value[p]?.trim());
  }

  protected override formValue(): FormData | null {
    if (!this.name || this.isEmpty(this.value)) return null;
    const data = new FormData();
    for (const part of ADDRESS_PARTS)
      if (this.value[part].trim()) data.append(`${this.name}.${part}`, this.value[part].trim());
    return data;
  }

  protected override formState(): null {
    return null;
  }

  protected override get anchor(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override ownValidators() {
    return [neededParts];
  }

  protected override partLabel(path: string): string | undefined {
    return (ADDRESS_PARTS as readonly string[]).includes(path)
      ? this.tcrm.translator.t(`address.${path}` as MessageKey)
      : undefined;
  }

  #update(part: AddressPart, event: Event, commit: boolean): void {
    const next = { ...this.value, [part]: (event.target as HTMLInputElement).value };
    if (commit) void this.commit(next);
    else this.input(next);
  }

  #partTemplate(part: AddressPart) {
    const t = this.tcrm.translator;
    const error = this.showErrors && this.errors.find((e) => 'path' in e && e.path === part);
    const required = part !== 'line2' && (part !== 'region' || this.requireRegion);
    const common = {
      label: t.t(`address.${part}`),
      onInput: (e: Event) => this.#update(part, e, false),
      onChange: (e: Event) => this.#update(part, e, true),
    };
    const control =
      part === 'country'
        ? html`<select
            id=${part}
            part="part-control"
            autocomplete="country"
            ?disabled=${this.isDisabled}
            @focus=${this.#namesNow}
            @pointerdown=${this.#namesNow}
            @change=${common.onChange}
          >
            ${this.#countryOptions()}
          </select>`
        : html`<input
            id=${part}
            part="part-control"
            .value=${this.value[part]}
            autocomplete=${AUTOCOMPLETE[part] as AutoFill}
            ?required=${this.required && required}
            ?disabled=${this.isDisabled}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${error ? 'error' : nothing}
            @input=${common.onInput}
            @change=${common.onChange}
          />`;
    return html`<div part="part" class="part ${part}">
      <label for=${part}>${common.label}</label>${control}
    </div>`;
  }

  /** Options named in the client's language once the names are loaded (see region-names.ts). */
  #countryOptions() {
    const names = regionNamesIfReady(this.tcrm.locale, () => this.requestUpdate());
    return this.countries.map((code) => {
      const selected = this.value.country === code;
      return html`<option value=${code} ?selected=${selected}>${names?.of(code) ?? code}</option>`;
    });
  }

  /** The client reached the country list: names now, not a task later. */
  #namesNow = (): void => {
    regionNames(this.tcrm.locale);
    this.requestUpdate();
  };

  protected override render() {
    const a = this.aria;
    return this.fieldTemplate(
      html`<div
        part="parts"
        class="parts"
        role="group"
        aria-labelledby="label"
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        aria-errormessage=${a.errormessage}
      >
        ${ADDRESS_PARTS.map((part) => this.#partTemplate(part))}
      </div>`,
    );
  }
}
