// @therapycrm/plugin-sdk/testing: run plugins without a server. Re-exports only.
export type { FakeContextOptions, PluginTestFixtures } from './fake-context.js';
export { createFakeContext } from './fake-context.js';
export type {
  PluginRunRecord,
  RecordedAppointmentChange,
  RecordedLogEntry,
  RecordedRead,
} from './plugin-run-record.js';
export type { RunPluginHandlerOptions } from './run-plugin-handler.js';
export { runPluginHandler } from './run-plugin-handler.js';
export type { RunScorerOptions } from './run-scorer.js';
export { runScorer } from './run-scorer.js';
