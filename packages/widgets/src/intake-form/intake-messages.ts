// The intake form's own strings, kept beside it (English here, Spanish in a
// lazily loaded chunk) rather than in the shared field catalogue, so the form
// can grow its wording without touching the fields' catalogue. Field error
// messages still come from the shared translator.
import { elementCatalogue } from '../i18n/element-catalogue.js';
import type { intakeLateEn } from './intake-messages.late.js';

/** What the form can show before the client acts; the rest is in intake-messages.late.ts. */
export const intakeEn = {
  loading: 'Loading the form…',
  'error.network': 'We could not reach the practice. Check your connection and try again.',
  'error.notFound': 'This form is not available. Please contact the practice.',
  'error.config': 'This form cannot load right now. Please try again later.',
  'error.server': 'Something went wrong on our side. Please try again.',
  retry: 'Try again',
  empty: 'This form has no questions yet.',
  progress: 'Page {current} of {total}',
  back: 'Back',
  next: 'Next',
  submit: 'Submit',
  submitting: 'Sending…',
  saveLater: 'Save and continue later',
  resumed: 'Welcome back. We restored the answers you saved.',
  resumeExpired: 'That link has expired or the form was already sent. You can start again below.',
  'signature.saved': 'Your signature is saved.',
  'signature.redo': 'Sign again',
  'file.uploaded': 'Uploaded file {n}: {type}, {size}',
  'file.remove': 'Remove file {n}',
  uploading: 'Uploading…',
} as const;

export type IntakeMessageKey = keyof typeof intakeEn | keyof typeof intakeLateEn;
export type IntakeCatalogue = Readonly<Record<IntakeMessageKey, string>>;

/** English is split: the strings shown only after the client acts come with the actions chunk. */
type LoadedCatalogue = Readonly<Partial<IntakeCatalogue>>;
// Pure: a page that imports only this module's helpers does not keep the strings.
const catalogue = /* @__PURE__ */ elementCatalogue<LoadedCatalogue>(intakeEn, {
  es: () => import('./intake-messages.es.js').then((m) => m.intakeEs),
});

/**
 * The catalogue for `language`, English while another one loads (the host
 * re-renders once it arrives) or when the language is not shipped.
 */
export const intakeCatalogue = catalogue.get;

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : text;
}
