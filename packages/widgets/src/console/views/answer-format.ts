// How a stored answer reads for staff: labels instead of option values, local
// dates and numbers, links for files. Driven by the form definition of the
// version the client answered, so old submissions keep their meaning.
import { html, nothing, type TemplateResult } from 'lit';
import {
  localize,
  visibleItems,
  type FormDefinition,
  type FormField,
  type FormItem,
  type LocalizedText,
} from '@therapycrm/plugin-sdk/forms';
import type { ConsoleStrings } from '../i18n/strings.js';

export interface SubmissionFile {
  readonly id: string;
  readonly fieldId: string | null;
  readonly fileName: string | null;
  readonly url: string;
}

export interface AnswerContext {
  readonly strings: ConsoleStrings;
  readonly files: readonly SubmissionFile[];
  readonly fallbackLocale: string;
}

export function text(value: LocalizedText | undefined, ctx: AnswerContext): string {
  return value === undefined ? '' : localize(value, ctx.strings.locale, ctx.fallbackLocale);
}

/**
 * The items to show, in order: hidden questions (their condition is false
 * for these answers) are left out entirely, as the server dropped their answers.
 */
export function shownItems(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): FormItem[] {
  return visibleItems(definition, answers).filter((item) => item.type !== 'static_text');
}

function fileLink(id: string, ctx: AnswerContext, label: string): TemplateResult {
  const file = ctx.files.find((f) => f.id === id);
  // The server's URL when it listed the file; the route is the same either way.
  const href = file?.url ?? `/files/${encodeURIComponent(id)}`;
  return html`<a href=${href} download data-testid="file-link">${label}</a>`;
}

function optionLabel(
  field: FormField & { options: readonly { value: unknown; label: LocalizedText }[] },
  value: unknown,
  ctx: AnswerContext,
): string {
  const option = field.options.find((o) => o.value === value);
  return option ? text(option.label, ctx) : String(value);
}

/** One answer as inline content; `nothing`-free so callers can test for "no answer" first. */
export function formatAnswer(
  field: FormField,
  value: unknown,
  ctx: AnswerContext,
): TemplateResult | string {
  const { strings } = ctx;
  switch (field.type) {
    case 'long_text':
      return html`<span class="long">${String(value)}</span>`;
    case 'date':
      return strings.date(String(value));
    case 'number': {
      const unit = field.unit ? ` ${text(field.unit, ctx)}` : '';
      return typeof value === 'number' ? `${strings.number(value)}${unit}` : String(value);
    }
    case 'single_choice':
      return optionLabel(field, value, ctx);
    case 'multi_choice':
      return strings.list(
        (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v, ctx)),
      );
    case 'yes_no':
      return strings.widgets.t(value === true ? 'choice.yes' : 'choice.no');
    case 'likert': {
      const rows = (value ?? {}) as Record<string, unknown>;
      return html`<dl class="likert">
        ${field.rows.map(
          (row) =>
            html`<dt>${text(row.label, ctx)}</dt>
              <dd>
                ${row.id in rows ? text(field.scale.find((s) => s.value === rows[row.id])?.label ?? String(rows[row.id]), ctx) : strings.t('submission.noAnswer')}
              </dd>`,
        )}
      </dl>`;
    }
    case 'address': {
      const a = value as Record<string, string | undefined>;
      const lines = [
        a['line1'],
        a['line2'],
        [a['city'], a['region'], a['postalCode']].filter(Boolean).join(', '),
        a['country'],
      ];
      return html`<address>
        ${lines.filter(Boolean).map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}
      </address>`;
    }
    case 'signature': {
      const id =
        typeof value === 'object' && value !== null && 'fileId' in value
          ? String(value.fileId)
          : '';
      return id ? fileLink(id, ctx, strings.t('submission.signature')) : '';
    }
    case 'file_upload': {
      const ids = Array.isArray(value) ? value.map(String) : [];
      return html`<ul class="files">
        ${ids.map((id) => {
          const name =
            ctx.files.find((f) => f.id === id)?.fileName ?? strings.t('submission.fileUnnamed');
          return html`<li>${fileLink(id, ctx, strings.t('submission.file', { name }))}</li>`;
        })}
      </ul>`;
    }
    default:
      return String(value);
  }
}
