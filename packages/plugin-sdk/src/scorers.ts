import type { FormAnswers } from './forms/answers.js';
import type { FormDefinition } from './forms/definition.js';
import type { AlertSeverity } from './plugin-records.js';

/** What a scorer is given: the definition the client answered and the cleaned answers. */
export interface ScorerInput<C> {
  readonly definition: FormDefinition;
  readonly answers: FormAnswers;
  readonly config: C;
}

/** A finding that should reach a clinician, e.g. `{ alert: 'phq9_item9', severity: 'critical' }`. */
export interface ScoreFlag {
  readonly alert: string;
  readonly severity?: AlertSeverity;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** A scored instrument, stored with the submission and shown in the intake inbox. */
export interface ScoreResult {
  /** Instrument code, e.g. `phq9` or `gad7`. */
  readonly instrument: string;
  readonly score: number;
  readonly maxScore?: number;
  /** Severity band code, e.g. `moderate`. */
  readonly band?: string;
  readonly subscores?: Readonly<Record<string, number>>;
  readonly flags?: readonly ScoreFlag[];
}

/**
 * Scores submissions of the forms it applies to. Runs on the server at
 * submission time, isolated like handlers; must be pure and fast. Returns
 * `null` when the answers cannot be scored (e.g. items skipped).
 */
export interface FormScorer<C> {
  appliesTo(definition: FormDefinition, config: C): boolean;
  score(input: ScorerInput<C>): ScoreResult | null | Promise<ScoreResult | null>;
}
