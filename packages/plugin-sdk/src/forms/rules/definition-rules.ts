import type { FormDefinition } from '../definition.js';
import { checkConditionCycles } from './condition-cycles.js';
import { checkConditionReferences } from './condition-rules.js';
import type { DefinitionIssue } from './definition-issue.js';
import { checkFieldRules } from './field-rules.js';
import { checkUniqueIds } from './id-rules.js';

/**
 * Cross-item rules of a structurally valid definition: unique ids, sound
 * conditions (known fields, no self-reference, no visibility cycles),
 * consistent field settings. Dependency-free, so a form builder can run it
 * live; the zod schema runs it too. An empty list means the form is sound.
 */
export function checkFormDefinitionRules(definition: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const report = (
    path: readonly (string | number)[],
    reason: DefinitionIssue['reason'],
    message: string,
  ) => {
    issues.push({ path, reason, message });
  };
  checkUniqueIds(definition, report);
  checkFieldRules(definition, report);
  checkConditionReferences(definition, report);
  checkConditionCycles(definition, report);
  return issues;
}
