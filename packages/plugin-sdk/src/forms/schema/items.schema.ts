import * as z from 'zod';
import { PREFILL_KEYS } from '../prefill-keys.js';
import { conditionSchema, labelSchema, paragraphSchema, slugSchema } from './primitives.schema.js';

const count = z.number().int().min(0).max(1_000_000);
const finite = z.number().refine(Number.isFinite, 'Must be a finite number');
const dateBound = z.string().max(10);

const itemBase = {
  id: slugSchema,
  visibleWhen: conditionSchema.optional(),
};

const fieldBase = {
  ...itemBase,
  label: labelSchema,
  description: paragraphSchema.optional(),
  required: z.boolean().optional(),
  requiredWhen: conditionSchema.optional(),
  prefillKey: z.enum(PREFILL_KEYS).optional(),
};

const textRules = {
  minLength: count.optional(),
  maxLength: count.min(1).optional(),
  pattern: z.string().min(1).max(500).optional(),
  placeholder: labelSchema.optional(),
};

const optionSchema = z.strictObject({
  value: z.union([z.string().min(1).max(200), finite]),
  label: labelSchema,
  exclusive: z.boolean().optional(),
});

const options = z.array(optionSchema).min(1).max(200);

/** One item of a page, discriminated by `type`. Cross-item rules live in the definition schema. */
export const formItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...fieldBase, type: z.literal('text'), ...textRules }),
  z.strictObject({ ...fieldBase, type: z.literal('long_text'), ...textRules }),
  z.strictObject({ ...fieldBase, type: z.literal('email'), placeholder: labelSchema.optional() }),
  z.strictObject({ ...fieldBase, type: z.literal('phone'), placeholder: labelSchema.optional() }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('date'),
    minDate: dateBound.optional(),
    maxDate: dateBound.optional(),
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('number'),
    min: finite.optional(),
    max: finite.optional(),
    integer: z.boolean().optional(),
    unit: labelSchema.optional(),
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('single_choice'),
    options,
    display: z.enum(['radio', 'dropdown']).optional(),
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('multi_choice'),
    options,
    minSelected: count.optional(),
    maxSelected: count.min(1).optional(),
  }),
  z.strictObject({ ...fieldBase, type: z.literal('yes_no') }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('likert'),
    rows: z
      .array(z.strictObject({ id: slugSchema, label: labelSchema }))
      .min(1)
      .max(100),
    scale: options,
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('address'),
    countries: z.array(z.string()).min(1).max(250).optional(),
    requireRegion: z.boolean().optional(),
  }),
  z.strictObject({ ...fieldBase, type: z.literal('signature'), maxBytes: count.min(1).optional() }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('file_upload'),
    accept: z.array(z.string().max(100)).max(50).optional(),
    maxBytes: z.number().int().min(1).optional(),
    maxFiles: z.number().int().min(1).max(20).optional(),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('section'),
    title: labelSchema,
    description: paragraphSchema.optional(),
  }),
  z.strictObject({ ...itemBase, type: z.literal('static_text'), text: paragraphSchema }),
]);
