import * as z from 'zod';
import type { FormDefinition } from '../definition.js';
import { checkFormDefinitionRules } from '../rules/definition-rules.js';
import { formItemSchema } from './items.schema.js';
import { jsonDepth } from './json-depth.js';
import { labelSchema, LOCALE_PATTERN, paragraphSchema, slugSchema } from './primitives.schema.js';

/** One page: a slug id, an optional title and up to 200 items. */
export const formPageSchema = z.strictObject({
  id: slugSchema,
  title: labelSchema.optional(),
  items: z.array(formItemSchema).max(200),
});

/** Deepest nesting a definition may have (conditions nest; 40 levels is far beyond any real form). */
export const MAX_DEFINITION_DEPTH = 40;

const formDefinitionShape = z
  .strictObject({
    id: z.string().min(1).max(128).optional(),
    version: z.number().int().min(1),
    title: labelSchema,
    description: paragraphSchema.optional(),
    defaultLocale: z.string().regex(LOCALE_PATTERN).optional(),
    pages: z.array(formPageSchema).min(1).max(50),
  })
  .superRefine((definition, ctx) => {
    for (const issue of checkFormDefinitionRules(definition)) {
      ctx.addIssue({
        code: 'custom',
        path: [...issue.path],
        message: issue.message,
        params: { reason: issue.reason },
      });
    }
  });

/**
 * Zod schema of a {@link FormDefinition} for the server and the staff
 * console: structure (unknown keys refused) plus cross-item rules; each
 * rule issue carries `params.reason` (a {@link DefinitionIssueReason}).
 * The browser widget does not need it — it receives definitions the server
 * has already checked — so it stays out of the widget bundle.
 */
export const formDefinitionSchema: z.ZodType<FormDefinition, unknown> = z
  .unknown()
  .check((ctx) => {
    // Checked before the recursive schema runs: nesting beyond any real form is refused cheaply.
    if (jsonDepth(ctx.value, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `Nested deeper than ${MAX_DEFINITION_DEPTH} levels`,
        params: { reason: 'too_deep' },
      });
    }
  })
  .pipe(formDefinitionShape);

/** Parses and checks a form definition; throws a `ZodError` when invalid. */
export function parseFormDefinition(input: unknown): FormDefinition {
  return formDefinitionSchema.parse(input);
}
