import * as z from 'zod';
import type { FormDefinition } from '../definition.js';
import { checkFormDefinitionRules } from '../rules/definition-rules.js';
import { formItemSchema } from './items.schema.js';
import { labelSchema, LOCALE_PATTERN, paragraphSchema, slugSchema } from './primitives.schema.js';

/** One page: a slug id, an optional title and up to 200 items. */
export const formPageSchema = z.strictObject({
  id: slugSchema,
  title: labelSchema.optional(),
  items: z.array(formItemSchema).max(200),
});

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
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { reason: issue.reason } });
    }
  });

/**
 * Zod schema of a {@link FormDefinition} for the server and the staff
 * console: structure (unknown keys refused) plus cross-item rules; each
 * rule issue carries `params.reason` (a {@link DefinitionIssueReason}).
 * The browser widget does not need it — it receives definitions the server
 * has already checked — so it stays out of the widget bundle.
 */
export const formDefinitionSchema: z.ZodType<FormDefinition, unknown> = formDefinitionShape;

/** Parses and checks a form definition; throws a `ZodError` when invalid. */
export function parseFormDefinition(input: unknown): FormDefinition {
  return formDefinitionSchema.parse(input);
}
