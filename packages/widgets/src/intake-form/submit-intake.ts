// Submitting exactly once. Each attempt carries an Idempotency-Key made when
// the client first presses Submit with these answers and kept in memory: a
// retry after a lost response reuses it, so the server replays the stored
// result instead of storing a second submission. Changed answers (after the
// server pointed at a problem) are a new attempt with a new key.
import type { FieldErrors, FormAnswers } from '@therapycrm/plugin-sdk/forms';
import { TcrmApiError } from '../api/api-error.js';
import type { ClientSession } from '../context/session.js';
import { directClient, newIdempotencyKey, type Connection } from './intake-connection.js';
import type { Submitter } from './submitter.js';

export interface SubmitPayload {
  readonly resumeToken?: string;
  readonly formVersionId?: string;
  readonly answers: FormAnswers;
  readonly client: Submitter;
}

export class SubmitAttempts {
  #attempt: { key: string; payload: SubmitPayload; body: string } | undefined;

  /** Sends `payload` and returns the submission id. */
  async send(
    connection: Connection,
    session: ClientSession | undefined,
    payload: SubmitPayload,
  ): Promise<string> {
    const body = JSON.stringify(payload);
    if (this.#attempt?.body !== body) this.#attempt = { key: newIdempotencyKey(), payload, body };
    const { key, payload: sent } = this.#attempt;
    const api = directClient(connection, session, { 'idempotency-key': key });
    const { submissionId } = await api.intake.submit.mutate(sent);
    this.#attempt = undefined;
    return submissionId;
  }
}

/** The field errors the server found in the answers, if that is why it refused. */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  const details = error instanceof TcrmApiError ? error.data?.details : undefined;
  return details?.['fieldErrors'] as FieldErrors | undefined;
}
