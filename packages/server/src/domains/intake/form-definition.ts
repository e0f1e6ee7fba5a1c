// Form definitions are checked by the plugin SDK's schema (the same contract
// the widget renders), and numbered by the server: `version` and `id` in the
// stored JSON always match the IntakeFormVersion row and the form's key.
import { formDefinitionSchema, formFields, type FormDefinition, type FormField } from '@therapycrm/plugin-sdk';
import { DomainError } from '../../errors.js';

const MAX_REPORTED_ISSUES = 50;

/** Parses a staff-supplied definition, stamping it with the form key and version number. */
export function parseDefinition(input: unknown, formKey: string, version: number): FormDefinition {
  const candidate = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input, id: formKey, version } : input;
  const parsed = formDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
      ...(issue.code === 'custom' && issue.params?.['reason'] ? { reason: String(issue.params['reason']) } : {}),
    }));
    throw new DomainError('VALIDATION_FAILED', 'The form definition is not valid', { definitionIssues: issues });
  }
  return parsed.data;
}

/** A definition read back from the database (checked when it was saved). */
export function storedDefinition(json: unknown): FormDefinition {
  return json as FormDefinition;
}

export function fieldOf(definition: FormDefinition, fieldId: string): FormField | undefined {
  return formFields(definition).find((field) => field.id === fieldId);
}
