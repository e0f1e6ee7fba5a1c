// Templates shown only after the client acted (a failed check, "Save and
// continue later"): loaded with the actions (intake-actions.ts), never on first render.
import { formFields, localize, type FormDefinition } from '@therapycrm/plugin-sdk/forms';
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { resumeLink } from './form-answers.js';
import type { IntakeView } from './intake-form.render.js';

/** The error summary, a new alert on every failed check (keyed by `errorRound`, so it is announced again). */
export function renderSummary(v: IntakeView, definition: FormDefinition): unknown {
  return keyed(v.errorRound, summary(v, definition));
}

function summary(v: IntakeView, definition: FormDefinition): TemplateResult {
  const entries = Object.entries(v.errors).filter(([, errors]) => errors.length > 0);
  if (!entries.length) return html``;
  const fields = new Map(formFields(definition).map((f) => [f.id, f]));
  const label = (id: string) => {
    const field = fields.get(id);
    return field ? localize(field.label, v.locale, definition.defaultLocale ?? 'en') : '';
  };
  const focus = (e: Event, id: string) => {
    const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
    root.querySelector<HTMLElement>(`[name="${id}"]`)?.focus();
  };
  const count = entries.length;
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
    <p>
      <strong>${count === 1 ? v.text('summary.one') : v.text('summary.other', { count })}</strong>
    </p>
    <ul>
      ${entries.map(([id, errors]) => {
        const message = v.translator.error(errors[0]!);
        const name = label(id);
        return html`<li>
          ${
            fields.has(id)
              ? html`<button type="button" class="link" @click=${(e: Event) => focus(e, id)}>
                  ${name ? `${name}: ${message}` : message}
                </button>`
              : message
          }
        </li>`;
      })}
    </ul>
  </div>`;
}

export function renderLink(v: IntakeView, token: string): TemplateResult {
  const t = v.text;
  const link = resumeLink(token);
  const mail = `mailto:?subject=${encodeURIComponent(t('link.subject'))}&body=${encodeURIComponent(link)}`;
  const copy = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    await navigator.clipboard?.writeText(link).catch(() => {});
    button.textContent = t('link.copied');
  };
  return html`<section part="resume-link" class="resume-link" aria-labelledby="link-title">
    <h3 id="link-title" tabindex="-1">${t('link.title')}</h3>
    <p>${t('link.body')}</p>
    <label for="resume-url">${t('link.label')}</label>
    <input
      id="resume-url"
      readonly
      .value=${link}
      @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
    />
    <div class="actions">
      <button type="button" part="button" aria-live="polite" @click=${copy}>
        ${t('link.copy')}
      </button>
      <a part="button" class="button" href=${mail}>${t('link.email')}</a>
      <button type="button" part="button" @click=${v.on.hideLink}>${t('link.back')}</button>
    </div>
  </section>`;
}
