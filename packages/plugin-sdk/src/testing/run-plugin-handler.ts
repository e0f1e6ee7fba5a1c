import { PluginError } from '../errors.js';
import type { PluginEvent, PluginEventCatalogue, PluginEventName } from '../events.js';
import type { PluginPermission } from '../permissions.js';
import { parsePluginConfig } from '../plugin-config.js';
import type { PluginDefinition } from '../plugin.js';
import { createFakeContext, type PluginTestFixtures } from './fake-context.js';
import { createRecorder, type PluginRunRecord } from './plugin-run-record.js';

/** Options of {@link runPluginHandler}. */
export interface RunPluginHandlerOptions<
  N extends PluginEventName,
  P extends PluginPermission,
  CI,
> {
  /** The event payload. */
  readonly data: PluginEventCatalogue[N];
  /** Raw configuration, parsed by the plugin's `configSchema` as the server would. */
  readonly config?: CI;
  /** Permissions the practice granted; defaults to all the manifest requests. Never more than requested. */
  readonly grants?: readonly P[];
  /** Records served to the plugin's reads. */
  readonly fixtures?: PluginTestFixtures;
  readonly practiceId?: string;
  readonly eventId?: string;
  readonly occurredAt?: string;
}

/**
 * Runs one handler of `plugin` against a fake context, with no server:
 * configuration parsed, permissions enforced at run time, reads served from
 * fixtures, and alerts, messages, appointment changes, reads and logs
 * recorded. A handler that throws makes the returned promise reject with
 * its error, so a test fails loudly.
 *
 * @example
 * const run = await runPluginHandler(phq9, 'intake.submitted', {
 *   data: { submissionId: 'sub_1', clientId: 'cli_1', formId: 'phq9', formVersion: 1 },
 *   fixtures: { submissions: [submission] },
 * });
 * expect(run.alerts).toEqual([expect.objectContaining({ code: 'phq9_item9' })]);
 */
export async function runPluginHandler<
  E extends PluginEventName,
  P extends PluginPermission,
  C,
  CI,
  N extends E,
>(
  plugin: PluginDefinition<E, P, C, CI>,
  event: N,
  // NoInfer: the plugin alone decides the permissions and config input type.
  options: RunPluginHandlerOptions<N, NoInfer<P>, NoInfer<CI>>,
): Promise<PluginRunRecord<N>> {
  const handler = Object.hasOwn(plugin.handlers, event) ? plugin.handlers[event] : undefined;
  if (handler === undefined)
    throw new PluginError('missing_handler', `The plugin does not handle "${event}"`, { event });
  const requested: readonly PluginPermission[] = plugin.manifest.permissions;
  const grants = (options.grants ?? plugin.manifest.permissions).filter((permission) =>
    requested.includes(permission),
  );
  const practiceId = options.practiceId ?? 'practice_test';
  const recorder = createRecorder();
  const pluginEvent: PluginEvent<N> = {
    id: options.eventId ?? 'event_test_1',
    name: event,
    practiceId,
    occurredAt: options.occurredAt ?? new Date().toISOString(),
    data: structuredClone(options.data),
  };
  const context = createFakeContext<P, C>({
    plugin: { id: plugin.manifest.id, version: plugin.manifest.version },
    practiceId,
    config: parsePluginConfig(plugin, options.config),
    grants,
    fixtures: options.fixtures ?? {},
    recorder,
    signal: new AbortController().signal,
  });
  await handler(pluginEvent, context);
  return { event: pluginEvent, ...recorder };
}
