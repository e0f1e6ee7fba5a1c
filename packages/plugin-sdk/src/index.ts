// Public surface of @therapycrm/plugin-sdk. Re-exports only.
export * from './forms/index.js';
export { conditionSchema, localizedTextSchema, slugSchema } from './forms/schema/primitives.schema.js';
export { formItemSchema } from './forms/schema/items.schema.js';
export { formDefinitionSchema, formPageSchema, parseFormDefinition } from './forms/schema/definition.schema.js';
