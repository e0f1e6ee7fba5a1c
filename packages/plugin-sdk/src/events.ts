/**
 * What each event carries. Payloads hold ids and non-identifying facts
 * only — never names, contact details, answers, message text or amounts — so
 * they can be queued, logged and retried safely. A plugin reads details
 * through its context, under its granted permissions, and every such read
 * is audited under the plugin's identity.
 */
export interface PluginEventCatalogue {
  'intake.submitted': {
    readonly submissionId: string;
    readonly clientId: string;
    readonly formId: string;
    readonly formVersion: number;
  };
  'appointment.requested': AppointmentEventData;
  'appointment.booked': AppointmentEventData & {
    readonly source: 'instant' | 'approved_request' | 'staff';
  };
  'appointment.cancelled': AppointmentEventData & {
    readonly cancelledBy: 'client' | 'practice';
    readonly lateCancellation: boolean;
  };
  'appointment.rescheduled': AppointmentEventData & {
    readonly previousAppointmentId: string;
    readonly rescheduledBy: 'client' | 'practice';
  };
  'consent.signed': {
    readonly consentSignatureId: string;
    readonly consentDocumentId: string;
    readonly documentVersion: number;
    readonly clientId: string;
    readonly signedByGuardian: boolean;
  };
  'message.received': {
    readonly messageId: string;
    readonly threadId: string;
    readonly clientId: string;
  };
  'payment.succeeded': {
    readonly paymentId: string;
    readonly clientId: string;
    readonly appointmentId?: string;
  };
  'payment.refunded': {
    readonly paymentId: string;
    readonly refundId: string;
    readonly clientId: string;
    readonly appointmentId?: string;
  };
  'client.created': {
    readonly clientId: string;
    readonly source: 'intake' | 'booking' | 'staff' | 'import';
  };
}

/** Ids shared by the appointment events. */
export interface AppointmentEventData {
  readonly appointmentId: string;
  readonly clientId: string;
  readonly clinicianId: string;
  readonly appointmentTypeId: string;
}

/** Name of an event a plugin can handle. */
export type PluginEventName = keyof PluginEventCatalogue;

/** Every event name, for manifests checked at run time and for the console. */
export const PLUGIN_EVENT_NAMES = [
  'intake.submitted',
  'appointment.requested',
  'appointment.booked',
  'appointment.cancelled',
  'appointment.rescheduled',
  'consent.signed',
  'message.received',
  'payment.succeeded',
  'payment.refunded',
  'client.created',
] as const satisfies readonly PluginEventName[];

/** One delivered event. `id` is stable across retries, so handlers can de-duplicate. */
export interface PluginEvent<N extends PluginEventName = PluginEventName> {
  readonly id: string;
  readonly name: N;
  readonly practiceId: string;
  /** ISO 8601 instant the event happened. */
  readonly occurredAt: string;
  readonly data: PluginEventCatalogue[N];
}

const EVENT_NAME_SET: ReadonlySet<string> = new Set(PLUGIN_EVENT_NAMES);

/** True when `name` is a known event name. */
export function isPluginEventName(name: string): name is PluginEventName {
  return EVENT_NAME_SET.has(name);
}
