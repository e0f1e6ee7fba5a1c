import type * as z from 'zod';
import { PluginError } from './errors.js';
import type { PluginEvent, PluginEventName } from './events.js';
import type { PluginPermission } from './permissions.js';
import type { PluginContext } from './plugin-context.js';
import { assertValidManifest, type PluginManifest } from './plugin-manifest.js';
import type { FormScorer } from './scorers.js';

/** Handles one event. Throwing (or rejecting) marks the run failed; the host retries it. */
export type PluginHandler<N extends PluginEventName, P extends PluginPermission, C> = (
  event: PluginEvent<N>,
  context: PluginContext<P, C>,
) => void | Promise<void>;

/** One handler per declared event — no more, no fewer. */
export type PluginHandlers<E extends PluginEventName, P extends PluginPermission, C> = {
  readonly [N in E]: PluginHandler<N, P, C>;
};

/** Shown instead of the scorer type when the manifest lacks `intake:read`. */
export interface ScorersNeedIntakeRead {
  readonly 'scorers need the intake:read permission': never;
}

/** Scorers by name; available only to plugins that request `intake:read`, since scoring reads answers. */
export type PluginScorers<P extends PluginPermission, C> = 'intake:read' extends P
  ? Readonly<Record<string, FormScorer<C>>>
  : ScorersNeedIntakeRead;

/** What {@link definePlugin} takes. */
export interface PluginSpec<E extends PluginEventName, P extends PluginPermission, C, CI> {
  readonly manifest: PluginManifest<E, P>;
  /** Validates the practice's configuration; its output type becomes `context.config`. */
  readonly configSchema?: z.ZodType<C, CI>;
  readonly handlers: PluginHandlers<NoInfer<E>, NoInfer<P>, NoInfer<C>>;
  readonly scorers?: PluginScorers<NoInfer<P>, NoInfer<C>>;
}

/** A plugin ready to install or test: the checked spec, frozen. */
export interface PluginDefinition<
  E extends PluginEventName = PluginEventName,
  P extends PluginPermission = PluginPermission,
  C = unknown,
  CI = unknown,
> {
  readonly manifest: PluginManifest<E, P>;
  readonly configSchema?: z.ZodType<C, CI>;
  readonly handlers: PluginHandlers<E, P, C>;
  readonly scorers: Readonly<Record<string, FormScorer<C>>>;
}

/**
 * Defines a plugin. Event names, permissions and the config type are
 * inferred from the arguments: handlers get typed events, and a context
 * holding only the APIs the manifest's permissions grant. A handler for an
 * undeclared event, a missing handler, or an API outside the permissions is
 * a type error (and, for JavaScript authors, a {@link PluginError}).
 *
 * @example
 * export default definePlugin({
 *   manifest: { id: 'org.example.welcome', name: 'Welcome', version: '1.0.0', events: ['client.created'], permissions: ['messages:send'] },
 *   handlers: {
 *     'client.created': async (event, ctx) => {
 *       await ctx.messages.send({ clientId: event.data.clientId, body: 'Welcome to the practice!' });
 *     },
 *   },
 * });
 */
export function definePlugin<
  const E extends PluginEventName = never,
  const P extends PluginPermission = never,
  C = Record<string, never>,
  CI = C,
>(spec: PluginSpec<E, P, C, CI>): PluginDefinition<E, P, C, CI> {
  assertValidManifest(spec.manifest);
  const declared = new Set<string>(spec.manifest.events);
  const handlers = spec.handlers as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(handlers)) {
    if (!declared.has(name))
      throw new PluginError(
        'undeclared_handler',
        `Handler for "${name}", which the manifest does not declare`,
        { event: name },
      );
    if (typeof handlers[name] !== 'function')
      throw new PluginError('invalid_handler', `Handler for "${name}" is not a function`, {
        event: name,
      });
  }
  for (const name of declared) {
    if (!Object.hasOwn(handlers, name))
      throw new PluginError('missing_handler', `No handler for declared event "${name}"`, {
        event: name,
      });
  }
  const scorers = (spec.scorers ?? {}) as Readonly<Record<string, FormScorer<C>>>;
  checkScorers(scorers, spec.manifest.permissions);
  return Object.freeze({
    manifest: Object.freeze({ ...spec.manifest }),
    ...(spec.configSchema === undefined ? {} : { configSchema: spec.configSchema }),
    handlers: Object.freeze({ ...spec.handlers }) as PluginHandlers<E, P, C>,
    scorers: Object.freeze({ ...scorers }),
  });
}

function checkScorers(
  scorers: Readonly<Record<string, FormScorer<unknown>>>,
  permissions: readonly PluginPermission[],
): void {
  const names = Object.keys(scorers);
  if (names.length > 0 && !permissions.includes('intake:read')) {
    throw new PluginError(
      'scorer_requires_permission',
      'Scorers read answers: request the intake:read permission',
      { scorers: names },
    );
  }
  for (const name of names) {
    const scorer = scorers[name];
    if (typeof scorer?.appliesTo !== 'function' || typeof scorer.score !== 'function') {
      throw new PluginError('invalid_scorer', `Scorer "${name}" needs appliesTo() and score()`, {
        scorer: name,
      });
    }
  }
}
