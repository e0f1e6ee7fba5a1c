import { PluginError } from './errors.js';
import type { PluginDefinition } from './plugin.js';

/**
 * Parses a practice's raw configuration with the plugin's `configSchema`
 * (a plugin without one always gets `{}`). Throws `invalid_config` naming the
 * offending paths only — configuration values may be secrets.
 */
export function parsePluginConfig<C>(
  plugin: Pick<PluginDefinition<never, never, C, unknown>, 'configSchema'>,
  raw: unknown,
): C {
  // Without a schema nothing is validated, so nothing is passed on.
  if (plugin.configSchema === undefined) return {} as C;
  const result = plugin.configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const paths = result.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
  throw new PluginError('invalid_config', `Invalid plugin configuration at ${paths.join(', ')}`, {
    paths,
  });
}
