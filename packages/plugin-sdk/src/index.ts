// Public surface of @therapycrm/plugin-sdk. Re-exports only.
export * from './forms/index.js';
export {
  conditionSchema,
  localizedTextSchema,
  slugSchema,
} from './forms/schema/primitives.schema.js';
export { formItemSchema } from './forms/schema/items.schema.js';
export {
  formDefinitionSchema,
  formPageSchema,
  parseFormDefinition,
} from './forms/schema/definition.schema.js';
export type { PluginErrorCode } from './errors.js';
export { isPluginError, PluginError } from './errors.js';
export type {
  AppointmentEventData,
  PluginEvent,
  PluginEventCatalogue,
  PluginEventName,
} from './events.js';
export { isPluginEventName, PLUGIN_EVENT_NAMES } from './events.js';
export type { PluginPermission, PluginPermissionInfo } from './permissions.js';
export { isPluginPermission, PLUGIN_PERMISSION_INFO, PLUGIN_PERMISSIONS } from './permissions.js';
export type {
  AlertInput,
  AlertSeverity,
  AppointmentRecord,
  ClientRecord,
  ConsentSignatureRecord,
  IntakeSubmissionRecord,
  OutgoingMessage,
  PaymentRecord,
} from './plugin-records.js';
export type {
  AlertsWriteApi,
  AppointmentsReadApi,
  AppointmentsWriteApi,
  ClientsReadApi,
  ConsentsReadApi,
  GrantedApis,
  IntakeReadApi,
  MessagesSendApi,
  PaymentsReadApi,
  PluginApisByPermission,
} from './plugin-apis.js';
export type {
  PluginBaseContext,
  PluginContext,
  PluginLogFields,
  PluginLogger,
} from './plugin-context.js';
export type { FormScorer, ScoreFlag, ScoreResult, ScorerInput } from './scorers.js';
export type { PluginManifest } from './plugin-manifest.js';
export { assertValidManifest } from './plugin-manifest.js';
export type {
  PluginDefinition,
  PluginHandler,
  PluginHandlers,
  PluginScorers,
  PluginSpec,
  ScorersNeedIntakeRead,
} from './plugin.js';
export { definePlugin } from './plugin.js';
export { parsePluginConfig } from './plugin-config.js';
export { parsePluginEvent, pluginEventDataSchemas } from './event-schemas.js';
