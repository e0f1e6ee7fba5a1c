import * as z from 'zod';
import { CONDITION_OPERATORS, type Condition } from '../condition.js';
import type { LocalizedText } from '../localized-text.js';

/** Ids of pages, items, Likert rows: lower-case slugs such as `phq9_item9` or `date-of-birth`. */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;
/** A BCP 47 language tag such as `en`, `es-MX` or `zh-Hant`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A slug id, at most 64 characters. */
export const slugSchema = z
  .string()
  .max(64)
  .regex(SLUG_PATTERN, 'Use a lower-case slug: letters, digits, "_" or "-"');

/** {@link LocalizedText} of at most `maxLength` characters per translation. */
export function localizedTextSchema(maxLength: number): z.ZodType<LocalizedText> {
  return z.union([
    z.string().min(1).max(maxLength),
    z
      .record(
        z.string().regex(LOCALE_PATTERN, 'Use a BCP 47 locale tag'),
        z.string().min(1).max(maxLength),
      )
      .refine(
        (translations) => Object.keys(translations).length > 0,
        'Give at least one translation',
      ),
  ]);
}

/** Short texts: labels, titles, option labels. */
export const labelSchema = localizedTextSchema(500);
/** Longer texts: descriptions and static text. */
export const paragraphSchema = localizedTextSchema(20_000);

const conditionValueSchema = z.union([
  z.string().max(500),
  z.number().refine(Number.isFinite),
  z.boolean(),
]);

const fieldConditionSchema = z
  .strictObject({
    field: slugSchema,
    row: slugSchema.optional(),
    op: z.enum(CONDITION_OPERATORS),
    value: conditionValueSchema.optional(),
  })
  .superRefine((condition, ctx) => {
    const needsValue = condition.op !== 'answered' && condition.op !== 'not_answered';
    if (needsValue && condition.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Operator "${condition.op}" needs a value`,
      });
    }
    if (!needsValue && condition.value !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Operator "${condition.op}" takes no value`,
      });
    }
  });

/** A `visibleWhen` / `requiredWhen` condition, nested at most as deep as JSON allows. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    fieldConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).max(50) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);
