import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import {
  localize,
  visibilityOf,
  type FormDefinition,
  type FormItem,
  type LocalizedText,
} from '@therapycrm/plugin-sdk/forms';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleStrings } from '../i18n/strings.js';
// The field elements the preview renders (not the whole widget bundle).
import '../../text-field/define.js';
import '../../textarea/define.js';
import '../../choice/define.js';
import '../../yes-no/define.js';
import '../../likert/define.js';
import '../../address/define.js';
import '../../signature/define.js';
import '../../file-upload/define.js';

const asText = (v: number | string | undefined) => (v === undefined ? undefined : String(v));

/** True when `value` has the shape the renderer walks (pages of items with a type and id); full checks are the server's. */
function renderable(value: unknown): value is FormDefinition {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as { pages?: unknown }).pages)
  )
    return false;
  return (value as FormDefinition).pages.every(
    (page) =>
      typeof page === 'object' &&
      page !== null &&
      Array.isArray(page.items) &&
      page.items.every((i) => typeof i?.type === 'string' && typeof i?.id === 'string'),
  );
}

/**
 * A live preview of a form definition while staff edit it, built from the
 * same field elements the intake widget uses, with its conditions working:
 * answering in the preview shows and hides questions as clients will see.
 * Preview answers stay in this element's memory and go nowhere.
 */
export class ConsoleFormPreview extends LitElement {
  static override styles = [consoleStyles];
  static override properties: PropertyDeclarations = {
    definition: { attribute: false },
    strings: { attribute: false },
    answers: { state: true },
  };

  declare definition: unknown;
  declare strings: ConsoleStrings;
  declare answers: Readonly<Record<string, unknown>>;

  constructor() {
    super();
    this.definition = null;
    this.answers = {};
    this.addEventListener('tcrm-input', (e) => this.#record(e));
    this.addEventListener('tcrm-change', (e) => this.#record(e));
  }

  #record(event: Event): void {
    const field = event.composedPath()[0] as HTMLElement & {
      name: string;
      value: unknown;
      answer?: unknown;
      type?: string;
    };
    if (!field.name) return;
    let value = 'answer' in field ? field.answer : field.value;
    if (field.type === 'number' && typeof value === 'string' && value.trim() !== '')
      value = Number(value);
    this.answers = { ...this.answers, [field.name]: value };
  }

  #text(value: LocalizedText | undefined, fallback: string): string {
    return value === undefined ? '' : localize(value, this.strings.locale, fallback);
  }

  protected override render() {
    const definition = this.definition;
    if (!renderable(definition))
      return html`<p data-testid="form-preview-unavailable">
        ${this.strings.t('editor.previewUnavailable')}
      </p>`;
    const fallback = definition.defaultLocale ?? 'en';
    let visible: (id: string) => boolean = () => true;
    try {
      visible = visibilityOf(definition, this.answers);
    } catch {
      // A malformed condition: show everything until the server reports it.
    }
    return html`<div class="preview" lang=${this.strings.locale}>
      <h3>${this.#text(definition.title, fallback)}</h3>
      ${definition.description ? html`<p>${this.#text(definition.description, fallback)}</p>` : nothing}
      ${definition.pages.map(
        (page, i) =>
          html`<fieldset>
            <legend>
              ${page.title ? this.#text(page.title, fallback) : this.strings.t('preview.page', { number: i + 1 })}
            </legend>
            ${page.items.map((item) => html`<div class="item" ?hidden=${!visible(item.id)} data-item-id=${item.id}>${this.#item(item, fallback)}</div>`)}
          </fieldset>`,
      )}
    </div>`;
  }

  #item(item: FormItem, fallback: string): TemplateResult | typeof nothing {
    const locale = this.strings.locale;
    const common = { label: '', description: '' };
    if (item.type === 'section') {
      return html`<h4>${this.#text(item.title, fallback)}</h4>
        ${item.description ? html`<p>${this.#text(item.description, fallback)}</p>` : nothing}`;
    }
    if (item.type === 'static_text') {
      return html`${this.#text(item.text, fallback)
        .split(/\n\s*\n/)
        .map((p) => html`<p>${p}</p>`)}`;
    }
    common.label = this.#text(item.label, fallback);
    common.description = this.#text(item.description, fallback);
    const required = item.required === true;
    switch (item.type) {
      case 'text':
      case 'email':
      case 'phone':
      case 'date':
      case 'number': {
        const type = item.type === 'phone' ? 'tel' : item.type;
        const rules = item as {
          minLength?: number;
          maxLength?: number;
          pattern?: string;
          min?: number | string;
          max?: number | string;
          minDate?: string;
          maxDate?: string;
        };
        return html`<tcrm-text-field
          name=${item.id}
          type=${type}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          .minLength=${rules.minLength}
          .maxLength=${rules.maxLength}
          .pattern=${rules.pattern}
          .min=${asText(rules.min ?? rules.minDate)}
          .max=${asText(rules.max ?? rules.maxDate)}
        ></tcrm-text-field>`;
      }
      case 'long_text':
        return html`<tcrm-textarea
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          .minLength=${item.minLength}
          .maxLength=${item.maxLength}
        ></tcrm-textarea>`;
      case 'single_choice':
      case 'multi_choice':
        return html`<tcrm-choice
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          .options=${item.options}
          ?multiple=${item.type === 'multi_choice'}
        ></tcrm-choice>`;
      case 'yes_no':
        return html`<tcrm-yes-no
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
        ></tcrm-yes-no>`;
      case 'likert':
        return html`<tcrm-likert
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          .rows=${item.rows}
          .scale=${item.scale}
        ></tcrm-likert>`;
      case 'address':
        return html`<tcrm-address
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          .countries=${item.countries ?? ['US']}
          ?require-region=${item.requireRegion === true}
        ></tcrm-address>`;
      case 'signature':
        return html`<tcrm-signature
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
        ></tcrm-signature>`;
      case 'file_upload':
        return html`<tcrm-file-upload
          name=${item.id}
          .label=${common.label}
          .description=${common.description}
          ?required=${required}
          .locale=${locale}
          accept=${(item.accept ?? []).join(',')}
          .maxBytes=${item.maxBytes}
        ></tcrm-file-upload>`;
      default:
        return nothing;
    }
  }
}
