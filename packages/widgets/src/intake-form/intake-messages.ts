// The intake form's own strings, kept beside it (English here, Spanish in a
// lazily loaded chunk) rather than in the shared field catalogue, so the form
// can grow its wording without touching the fields' catalogue. Field error
// messages still come from the shared translator.
import type { ReactiveControllerHost } from 'lit';

export const intakeEn = {
  loading: 'Loading the form…',
  'error.network': 'We could not reach the practice. Check your connection and try again.',
  'error.notFound': 'This form is not available. Please contact the practice.',
  'error.config': 'This form cannot load right now. Please try again later.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.identity':
    'This form cannot be sent because it does not ask for your name. Please contact the practice.',
  retry: 'Try again',
  empty: 'This form has no questions yet.',
  progress: 'Page {current} of {total}',
  back: 'Back',
  next: 'Next',
  submit: 'Submit',
  submitting: 'Sending…',
  saveLater: 'Save and continue later',
  saving: 'Saving…',
  saved: 'Draft saved',
  saveFailed: 'Your latest answers are not saved yet.',
  resumed: 'Welcome back. We restored the answers you saved.',
  resumeExpired: 'That link has expired or the form was already sent. You can start again below.',
  'summary.one': 'Please check 1 answer:',
  'summary.other': 'Please check {count} answers:',
  submitFailed: 'Your form was not sent. Please try again: it will only be received once.',
  'thanks.title': 'Thank you',
  'thanks.body': 'Your form was sent securely. The practice will be in touch.',
  'link.title': 'Continue later',
  'link.body':
    'Your answers are saved. Use this private link to come back on any device within 30 days. Anyone with the link can open your answers, so keep it to yourself.',
  'link.label': 'Your private link',
  'link.copy': 'Copy link',
  'link.copied': 'Link copied',
  'link.email': 'E-mail it to myself',
  'link.subject': 'My saved intake form',
  'link.back': 'Back to the form',
  'signature.saved': 'Your signature is saved.',
  'signature.redo': 'Sign again',
  'file.uploaded': 'Uploaded file {n}: {type}, {size}',
  'file.remove': 'Remove file {n}',
  uploading: 'Uploading…',
  uploadFailed: 'The file could not be uploaded. Please try again.',
} as const;

export type IntakeMessageKey = keyof typeof intakeEn;
export type IntakeCatalogue = Readonly<Record<IntakeMessageKey, string>>;

const loaded = new Map<string, IntakeCatalogue>([['en', intakeEn]]);
const loaders: Record<string, () => Promise<IntakeCatalogue>> = {
  es: () => import('./intake-messages.es.js').then((m) => m.intakeEs),
};

/**
 * The catalogue for `language`, English while another one loads (the host
 * re-renders once it arrives) or when the language is not shipped.
 */
export function intakeCatalogue(language: string, host: ReactiveControllerHost): IntakeCatalogue {
  const ready = loaded.get(language);
  if (ready) return ready;
  const load = loaders[language];
  if (load) {
    loaded.set(language, intakeEn); // one request per language, even if it fails
    void load().then((catalogue) => {
      loaded.set(language, catalogue);
      host.requestUpdate();
    });
  }
  return intakeEn;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : text;
}
