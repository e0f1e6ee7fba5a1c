import { PluginError } from '../errors.js';
import type { PluginPermission } from '../permissions.js';
import type { PluginBaseContext, PluginContext, PluginLogger } from '../plugin-context.js';
import type {
  AppointmentRecord,
  ClientRecord,
  ConsentSignatureRecord,
  IntakeSubmissionRecord,
  PaymentRecord,
} from '../plugin-records.js';
import type { PluginRunRecorder } from './plugin-run-record.js';

/** Records the fake context serves to reads, by kind. */
export interface PluginTestFixtures {
  readonly submissions?: readonly IntakeSubmissionRecord[];
  readonly clients?: readonly ClientRecord[];
  readonly appointments?: readonly AppointmentRecord[];
  readonly consents?: readonly ConsentSignatureRecord[];
  readonly payments?: readonly PaymentRecord[];
}

/** Inputs of {@link createFakeContext}. */
export interface FakeContextOptions<P extends PluginPermission, C> {
  readonly plugin: { readonly id: string; readonly version: string };
  readonly practiceId: string;
  readonly config: C;
  readonly grants: readonly P[];
  readonly fixtures: PluginTestFixtures;
  readonly recorder: PluginRunRecorder;
  readonly signal: AbortSignal;
}

/**
 * A context that behaves like the server's: every API checks its permission
 * (throwing `permission_denied` when not granted, as the host would), reads
 * come from fixtures (`not_found` otherwise) and are recorded like audit
 * entries, writes are recorded instead of performed.
 */
export function createFakeContext<P extends PluginPermission, C>(
  options: FakeContextOptions<P, C>,
): PluginContext<P, C> {
  const { fixtures, recorder } = options;
  const grants: readonly PluginPermission[] = options.grants;
  let sequence = 0;
  const nextId = (kind: string) => `test_${kind}_${++sequence}`;

  const guard = (permission: PluginPermission) => {
    if (!grants.includes(permission)) {
      throw new PluginError('permission_denied', `This plugin was not granted ${permission}`, {
        permission,
      });
    }
  };
  function reader<T extends { readonly id: string }>(
    permission: PluginPermission,
    records: readonly T[] | undefined,
  ) {
    return async (id: string): Promise<T> => {
      guard(permission);
      recorder.reads.push({ permission, id });
      const found = records?.find((record) => record.id === id);
      if (found === undefined)
        throw new PluginError('not_found', `No fixture with id ${id} for ${permission}`, { id });
      return structuredClone(found);
    };
  }
  const change =
    (action: 'approve_request' | 'decline_request' | 'cancel') =>
    async (appointmentId: string, reason?: { readonly reasonCode: string }) => {
      guard('appointments:write');
      recorder.appointmentChanges.push(
        reason === undefined
          ? { action, appointmentId }
          : { action, appointmentId, reasonCode: reason.reasonCode },
      );
    };
  const log =
    (level: 'info' | 'warn' | 'error') =>
    (code: string, fields: Readonly<Record<string, string | number | boolean>> = {}) => {
      recorder.logs.push({ level, code, fields });
    };
  const logger: PluginLogger = { info: log('info'), warn: log('warn'), error: log('error') };

  const base: PluginBaseContext<C> = {
    plugin: options.plugin,
    practiceId: options.practiceId,
    config: options.config,
    log: logger,
    signal: options.signal,
  };
  const everyApi: PluginContext<PluginPermission, C> = {
    ...base,
    intake: { getSubmission: reader('intake:read', fixtures.submissions) },
    clients: { get: reader('clients:read', fixtures.clients) },
    appointments: {
      get: reader('appointments:read', fixtures.appointments),
      approveRequest: change('approve_request'),
      declineRequest: change('decline_request'),
      cancel: change('cancel'),
    },
    consents: { get: reader('consents:read', fixtures.consents) },
    payments: { get: reader('payments:read', fixtures.payments) },
    messages: {
      send: async (message) => {
        guard('messages:send');
        recorder.messages.push(structuredClone(message));
        return { messageId: nextId('message') };
      },
    },
    alerts: {
      raise: async (alert) => {
        guard('alerts:write');
        recorder.alerts.push(structuredClone(alert));
        return { alertId: nextId('alert') };
      },
    },
  };
  // Every API is present and each checks its grant at run time, like the host;
  // the static type shows only the granted ones, as handlers see them.
  return everyApi as unknown as PluginContext<P, C>;
}
