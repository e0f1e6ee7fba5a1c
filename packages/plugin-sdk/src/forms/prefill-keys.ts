/**
 * Client-record properties a field may be prefilled from. The server
 * resolves them from the client's record; the widget never guesses.
 */
export const PREFILL_KEYS = [
  'client.firstName',
  'client.lastName',
  'client.preferredName',
  'client.pronouns',
  'client.email',
  'client.phone',
  'client.dateOfBirth',
  'client.address',
] as const;

/** One of {@link PREFILL_KEYS}. */
export type PrefillKey = (typeof PREFILL_KEYS)[number];
