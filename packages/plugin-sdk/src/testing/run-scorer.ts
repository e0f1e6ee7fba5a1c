import { PluginError } from '../errors.js';
import type { FormDefinition } from '../forms/definition.js';
import { validateAnswers } from '../forms/validate-answers.js';
import type { PluginEventName } from '../events.js';
import type { PluginPermission } from '../permissions.js';
import { parsePluginConfig } from '../plugin-config.js';
import type { PluginDefinition } from '../plugin.js';
import type { ScoreResult } from '../scorers.js';

/** Options of {@link runScorer}. */
export interface RunScorerOptions<CI> {
  readonly definition: FormDefinition;
  /** Raw answers; validated and cleaned first, as the server does before scoring. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly config?: CI;
  /** Today's date for `'today'` date bounds while validating. */
  readonly today?: string;
}

/**
 * Runs a named scorer the way the server does at submission: answers are
 * validated (an invalid submission never reaches a scorer: `invalid_answers`)
 * and cleaned, then scored when the scorer applies to the definition.
 * Returns `null` when it does not apply or cannot score.
 */
export async function runScorer<E extends PluginEventName, P extends PluginPermission, C, CI>(
  plugin: PluginDefinition<E, P, C, CI>,
  scorerName: string,
  options: RunScorerOptions<CI>,
): Promise<ScoreResult | null> {
  const scorer = Object.hasOwn(plugin.scorers, scorerName) ? plugin.scorers[scorerName] : undefined;
  if (scorer === undefined)
    throw new PluginError('not_found', `No scorer named "${scorerName}"`, { scorer: scorerName });
  const config = parsePluginConfig(plugin, options.config);
  const validation = validateAnswers(
    options.definition,
    options.answers,
    options.today === undefined ? {} : { today: options.today },
  );
  if (!validation.ok) {
    throw new PluginError('invalid_answers', 'The answers do not validate against the definition', {
      fields: Object.keys(validation.errors),
    });
  }
  if (!scorer.appliesTo(options.definition, config)) return null;
  return scorer.score({ definition: options.definition, answers: validation.answers, config });
}
