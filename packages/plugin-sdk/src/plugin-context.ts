import type { PluginPermission } from './permissions.js';
import type { GrantedApis } from './plugin-apis.js';

/** Structured log fields: codes, counts and ids only — never PHI. */
export type PluginLogFields = Readonly<Record<string, string | number | boolean>>;

/** A logger whose entries are recorded with the plugin run. Use event codes as messages. */
export interface PluginLogger {
  info(code: string, fields?: PluginLogFields): void;
  warn(code: string, fields?: PluginLogFields): void;
  error(code: string, fields?: PluginLogFields): void;
}

/** What every handler receives, whatever its permissions. */
export interface PluginBaseContext<C> {
  readonly plugin: { readonly id: string; readonly version: string };
  readonly practiceId: string;
  /** The practice's configuration, parsed by the plugin's `configSchema`. */
  readonly config: C;
  readonly log: PluginLogger;
  /** Aborted when the run exceeds its time limit; pass it to `fetch`. */
  readonly signal: AbortSignal;
}

/**
 * The context of a plugin holding permissions `P` with configuration `C`:
 * the base context plus exactly the APIs those permissions grant, so using
 * an API that was not requested is a type error.
 */
export type PluginContext<P extends PluginPermission, C> = PluginBaseContext<C> & GrantedApis<P>;
