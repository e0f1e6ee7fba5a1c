/** Why a form definition is refused; stable for programs, with an English message for authors. */
export type DefinitionIssueReason =
  | 'duplicate_id'
  | 'unknown_condition_field'
  | 'condition_on_static_item'
  | 'self_reference'
  | 'condition_cycle'
  | 'unknown_condition_row'
  | 'unsupported_operator'
  | 'invalid_condition_value'
  | 'invalid_bounds'
  | 'duplicate_option'
  | 'invalid_pattern'
  | 'invalid_mime_type'
  | 'invalid_country'
  | 'invalid_date_bound'
  | 'incompatible_prefill';

/** One problem found in a form definition, located by a JSON path. */
export interface DefinitionIssue {
  readonly path: readonly (string | number)[];
  readonly reason: DefinitionIssueReason;
  readonly message: string;
}

/** Collects issues while rules run. */
export type ReportIssue = (
  path: readonly (string | number)[],
  reason: DefinitionIssueReason,
  message: string,
) => void;
