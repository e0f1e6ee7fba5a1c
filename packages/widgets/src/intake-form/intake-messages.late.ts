// English strings the intake form shows only after the client acted (checks,
// drafts, the resume link, submitting): loaded with the actions chunk
// (intake-actions.ts). Spanish has every string in intake-messages.es.ts.

export const intakeLateEn = {
  'error.identity':
    'This form cannot be sent because it does not ask for your name. Please contact the practice.',
  saving: 'Saving…',
  saved: 'Draft saved',
  saveFailed: 'Your latest answers are not saved yet.',
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
  uploadFailed: 'The file could not be uploaded. Please try again.',
} as const;
