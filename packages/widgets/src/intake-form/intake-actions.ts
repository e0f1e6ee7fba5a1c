// What the form runs only when the client acts (Next, Submit, a chosen file,
// an autosave): full answer validation, the draft subset, the submitter,
// uploads and the submit request. Loaded with a dynamic import on first
// interaction, so none of it weighs on the form's first render.
import {
  effectiveAnswers,
  validateAnswers,
  type FormAnswers,
  type FormDefinition,
} from '@therapycrm/plugin-sdk/forms';

export { checkUploadedFile, validateAnswers, validatePage } from '@therapycrm/plugin-sdk/forms';
export { base64Of, connectionOf, uploadFile } from './intake-connection.js';
export { fieldErrorsOf, SubmitAttempts } from './submit-intake.js';
export { submitterFrom } from './submitter.js';
export { DraftKeeper } from './draft-keeper.js';
export { IntakeUploads } from './intake-uploads.js';
export { renderLink, renderSummary } from './intake-form.late.js';
export { intakeLateEn } from './intake-messages.late.js';
export { intakeLateStyles } from './intake-form.late.styles.js';

/**
 * What a draft saves: visible answers that already pass their checks (a
 * half-typed e-mail would make the server refuse the whole draft), without
 * drawn signatures, which are uploaded as files when the client leaves the page.
 */
export function draftAnswers(
  definition: FormDefinition,
  answers: Record<string, unknown>,
): FormAnswers {
  const visible: Record<string, unknown> = { ...effectiveAnswers(definition, answers) };
  for (const [id, value] of Object.entries(visible))
    if (value && typeof value === 'object' && 'dataUrl' in value) delete visible[id];
  const checked = validateAnswers(definition, visible, { partial: true });
  if (checked.ok) return checked.answers;
  for (const id of Object.keys(checked.errors)) delete visible[id];
  const retry = validateAnswers(definition, visible, { partial: true });
  return retry.ok ? retry.answers : {};
}
