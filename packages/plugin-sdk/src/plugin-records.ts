import type { FormAnswers } from './forms/answers.js';

/** An intake submission as a plugin with `intake:read` sees it (answers already cleaned). */
export interface IntakeSubmissionRecord {
  readonly id: string;
  readonly clientId: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly submittedAt: string;
  readonly answers: FormAnswers;
}

/** A client as a plugin with `clients:read` sees it. */
export interface ClientRecord {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName?: string;
  readonly email?: string;
  readonly phone?: string;
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth?: string;
  readonly isMinor: boolean;
  readonly guardianClientIds: readonly string[];
}

/** An appointment as a plugin with `appointments:read` sees it. */
export interface AppointmentRecord {
  readonly id: string;
  readonly clientId: string;
  readonly clinicianId: string;
  readonly appointmentTypeId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Holds and expired holds are never shown to plugins. */
  readonly status: 'requested' | 'confirmed' | 'cancelled';
  readonly modality: 'in_person' | 'telehealth';
}

/** A consent signature as a plugin with `consents:read` sees it. */
export interface ConsentSignatureRecord {
  readonly id: string;
  readonly clientId: string;
  readonly consentDocumentId: string;
  readonly documentVersion: number;
  /** SHA-256 (hex) of the exact document version shown. */
  readonly documentSha256: string;
  readonly signedAt: string;
  readonly signedByGuardian: boolean;
}

/** A payment as a plugin with `payments:read` sees it. Amounts are in minor units (cents). */
export interface PaymentRecord {
  readonly id: string;
  readonly clientId: string;
  readonly appointmentId?: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: 'succeeded' | 'refunded' | 'partially_refunded';
}

/** How urgent an alert is for the clinician. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/**
 * An alert for the practice, identified by a code the console translates
 * (e.g. `phq9_item9`), linked to what it is about by id.
 */
export interface AlertInput {
  readonly code: string;
  readonly severity: AlertSeverity;
  readonly clientId?: string;
  readonly submissionId?: string;
  readonly appointmentId?: string;
  /** Extra facts for the alert text, such as a score; never free text from the client. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A secure message to a client, delivered in the practice's message thread.
 * The notification e-mail the client receives only says a message is waiting.
 */
export interface OutgoingMessage {
  readonly clientId: string;
  readonly threadId?: string;
  readonly body: string;
}
