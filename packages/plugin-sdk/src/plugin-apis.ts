import type {
  AlertInput,
  AppointmentRecord,
  ClientRecord,
  ConsentSignatureRecord,
  IntakeSubmissionRecord,
  OutgoingMessage,
  PaymentRecord,
} from './plugin-records.js';
import type { PluginPermission } from './permissions.js';

/** Granted by `intake:read`. */
export interface IntakeReadApi {
  readonly intake: { getSubmission(submissionId: string): Promise<IntakeSubmissionRecord> };
}
/** Granted by `clients:read`. */
export interface ClientsReadApi {
  readonly clients: { get(clientId: string): Promise<ClientRecord> };
}
/** Granted by `appointments:read`. */
export interface AppointmentsReadApi {
  readonly appointments: { get(appointmentId: string): Promise<AppointmentRecord> };
}
/** Granted by `appointments:write`. Reasons are codes shown translated to the client. */
export interface AppointmentsWriteApi {
  readonly appointments: {
    approveRequest(appointmentId: string): Promise<void>;
    declineRequest(appointmentId: string, options: { readonly reasonCode: string }): Promise<void>;
    cancel(appointmentId: string, options: { readonly reasonCode: string }): Promise<void>;
  };
}
/** Granted by `consents:read`. */
export interface ConsentsReadApi {
  readonly consents: { get(consentSignatureId: string): Promise<ConsentSignatureRecord> };
}
/** Granted by `payments:read`. */
export interface PaymentsReadApi {
  readonly payments: { get(paymentId: string): Promise<PaymentRecord> };
}
/** Granted by `messages:send`. */
export interface MessagesSendApi {
  readonly messages: { send(message: OutgoingMessage): Promise<{ readonly messageId: string }> };
}
/** Granted by `alerts:write`. */
export interface AlertsWriteApi {
  readonly alerts: { raise(alert: AlertInput): Promise<{ readonly alertId: string }> };
}

/** The context APIs each permission adds. Permissions sharing a namespace merge (read + write). */
export interface PluginApisByPermission {
  'intake:read': IntakeReadApi;
  'clients:read': ClientsReadApi;
  'appointments:read': AppointmentsReadApi;
  'appointments:write': AppointmentsWriteApi;
  'consents:read': ConsentsReadApi;
  'payments:read': PaymentsReadApi;
  'messages:send': MessagesSendApi;
  'alerts:write': AlertsWriteApi;
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

/** The APIs permissions `P` grant, merged into one object type. No permissions: no APIs. */
export type GrantedApis<P extends PluginPermission> = [P] extends [never]
  ? unknown
  : UnionToIntersection<PluginApisByPermission[P]>;
