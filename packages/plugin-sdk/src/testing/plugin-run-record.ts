import type { PluginEvent, PluginEventName } from '../events.js';
import type { PluginPermission } from '../permissions.js';
import type { PluginLogFields } from '../plugin-context.js';
import type { AlertInput, OutgoingMessage } from '../plugin-records.js';

/** A change a plugin asked for through `appointments:write`. */
export interface RecordedAppointmentChange {
  readonly action: 'approve_request' | 'decline_request' | 'cancel';
  readonly appointmentId: string;
  readonly reasonCode?: string;
}

/** A PHI read the server would audit under the plugin's identity. */
export interface RecordedRead {
  readonly permission: PluginPermission;
  readonly id: string;
}

/** A log entry written through `context.log`. */
export interface RecordedLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly code: string;
  readonly fields: PluginLogFields;
}

/** Everything a handler did during one test run, in call order per kind. */
export interface PluginRunRecord<N extends PluginEventName = PluginEventName> {
  readonly event: PluginEvent<N>;
  readonly alerts: readonly AlertInput[];
  readonly messages: readonly OutgoingMessage[];
  readonly appointmentChanges: readonly RecordedAppointmentChange[];
  readonly reads: readonly RecordedRead[];
  readonly logs: readonly RecordedLogEntry[];
}

/** The mutable recorder behind a {@link PluginRunRecord}. */
export interface PluginRunRecorder {
  readonly alerts: AlertInput[];
  readonly messages: OutgoingMessage[];
  readonly appointmentChanges: RecordedAppointmentChange[];
  readonly reads: RecordedRead[];
  readonly logs: RecordedLogEntry[];
}

/** An empty recorder. */
export function createRecorder(): PluginRunRecorder {
  return { alerts: [], messages: [], appointmentChanges: [], reads: [], logs: [] };
}
