import * as z from 'zod';
import {
  PLUGIN_EVENT_NAMES,
  type PluginEvent,
  type PluginEventCatalogue,
  type PluginEventName,
} from './events.js';

const id = z.string().min(1).max(128);
const version = z.number().int().min(1);
const appointment = { appointmentId: id, clientId: id, clinicianId: id, appointmentTypeId: id };

/**
 * Strict zod schemas of every event payload. Strict on purpose: a payload
 * with a field the catalogue does not list (a name, an e-mail, answers) is
 * refused, so PHI cannot slip into queued jobs or plugin runs by accident.
 */
export const pluginEventDataSchemas: {
  readonly [N in PluginEventName]: z.ZodType<PluginEventCatalogue[N], unknown>;
} = {
  'intake.submitted': z.strictObject({
    submissionId: id,
    clientId: id,
    formId: id,
    formVersion: version,
  }),
  'appointment.requested': z.strictObject(appointment),
  'appointment.booked': z.strictObject({
    ...appointment,
    source: z.enum(['instant', 'approved_request', 'staff']),
  }),
  'appointment.cancelled': z.strictObject({
    ...appointment,
    cancelledBy: z.enum(['client', 'practice']),
    lateCancellation: z.boolean(),
  }),
  'appointment.rescheduled': z.strictObject({
    ...appointment,
    previousAppointmentId: id,
    rescheduledBy: z.enum(['client', 'practice']),
  }),
  'consent.signed': z.strictObject({
    consentSignatureId: id,
    consentDocumentId: id,
    documentVersion: version,
    clientId: id,
    signedByGuardian: z.boolean(),
  }),
  'message.received': z.strictObject({ messageId: id, threadId: id, clientId: id }),
  'payment.succeeded': z.strictObject({
    paymentId: id,
    clientId: id,
    appointmentId: id.optional(),
  }),
  'payment.refunded': z.strictObject({
    paymentId: id,
    refundId: id,
    clientId: id,
    appointmentId: id.optional(),
  }),
  'client.created': z.strictObject({
    clientId: id,
    source: z.enum(['intake', 'booking', 'staff', 'import']),
  }),
};

const envelopeSchema = z.strictObject({
  id,
  name: z.enum(PLUGIN_EVENT_NAMES),
  practiceId: id,
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.unknown(),
});

/**
 * Parses a delivered event (e.g. a job payload read back from the database)
 * and its payload for its name. Throws a `ZodError` when either is invalid.
 */
export function parsePluginEvent(input: unknown): PluginEvent {
  const envelope = envelopeSchema.parse(input);
  const data = pluginEventDataSchemas[envelope.name].parse(envelope.data);
  return { ...envelope, data } as PluginEvent;
}
