import * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { PluginEvent, PluginEventCatalogue } from './events.js';
import type { PluginPermission } from './permissions.js';
import type { PluginApisByPermission } from './plugin-apis.js';
import { definePlugin } from './plugin.js';
import type { FormDefinition } from './forms/definition.js';
import { formDefinitionSchema } from './forms/schema/definition.schema.js';

describe('definePlugin types', () => {
  it('infers event payloads and granted APIs without casts', () => {
    definePlugin({
      manifest: {
        id: 'org.example.phq9',
        name: 'PHQ-9',
        version: '1.0.0',
        events: ['intake.submitted', 'appointment.cancelled'],
        permissions: ['intake:read', 'alerts:write'],
      },
      configSchema: z.object({ alertThreshold: z.number().default(20) }),
      handlers: {
        'intake.submitted': async (event, ctx) => {
          expectTypeOf(event).toEqualTypeOf<PluginEvent<'intake.submitted'>>();
          expectTypeOf(event.data.submissionId).toBeString();
          expectTypeOf(ctx.config).toEqualTypeOf<{ alertThreshold: number }>();
          const submission = await ctx.intake.getSubmission(event.data.submissionId);
          expectTypeOf(submission.formVersion).toBeNumber();
          await ctx.alerts.raise({
            code: 'phq9_item9',
            severity: 'critical',
            clientId: event.data.clientId,
          });
          // @ts-expect-error messages:send was not requested
          await ctx.messages.send({ clientId: event.data.clientId, body: 'hi' });
          // @ts-expect-error clients:read was not requested
          void ctx.clients;
        },
        'appointment.cancelled': (event) => {
          expectTypeOf(event.data.lateCancellation).toBeBoolean();
          // @ts-expect-error cancellation payloads carry no submission id
          void event.data.submissionId;
        },
      },
      scorers: {
        phq9: {
          appliesTo: (definition) => definition.id === 'phq9',
          score: ({ answers, config }) => {
            expectTypeOf(config.alertThreshold).toBeNumber();
            return answers['phq9'] === undefined
              ? null
              : { instrument: 'phq9', score: 0, flags: [{ alert: 'phq9_item9' }] };
          },
        },
      },
    });
  });

  it('rejects handlers for undeclared events and missing handlers', () => {
    definePlugin({
      manifest: {
        id: 'a',
        name: 'A',
        version: '1.0.0',
        events: ['client.created'],
        permissions: [],
      },
      handlers: {
        'client.created': () => {},
        // @ts-expect-error appointment.booked is not in manifest.events
        'appointment.booked': () => {},
      },
    });
    definePlugin({
      manifest: {
        id: 'a',
        name: 'A',
        version: '1.0.0',
        events: ['client.created', 'message.received'],
        permissions: [],
      },
      // @ts-expect-error message.received has no handler
      handlers: { 'client.created': () => {} },
    });
  });

  it('rejects unknown event and permission names', () => {
    const withUnknownEvent = {
      id: 'a',
      name: 'A',
      version: '1.0.0',
      events: ['intake.deleted'],
      permissions: [],
    } as const;
    // @ts-expect-error not an event
    definePlugin({ manifest: withUnknownEvent, handlers: {} });
    const manifest = {
      id: 'a',
      name: 'A',
      version: '1.0.0',
      events: [],
      permissions: ['clients:write'],
    } as const;
    // @ts-expect-error not a permission
    definePlugin({ manifest, handlers: {} });
  });

  it('merges read and write APIs of one namespace and grants nothing by default', () => {
    definePlugin({
      manifest: {
        id: 'a',
        name: 'A',
        version: '1.0.0',
        events: ['appointment.requested'],
        permissions: ['appointments:read', 'appointments:write'],
      },
      handlers: {
        'appointment.requested': async (event, ctx) => {
          const appointment = await ctx.appointments.get(event.data.appointmentId);
          if (appointment.modality === 'telehealth')
            await ctx.appointments.approveRequest(appointment.id);
          expectTypeOf(ctx.config).toEqualTypeOf<Record<string, never>>();
        },
      },
    });
    definePlugin({
      manifest: {
        id: 'a',
        name: 'A',
        version: '1.0.0',
        events: ['appointment.requested'],
        permissions: ['appointments:read'],
      },
      handlers: {
        'appointment.requested': async (event, ctx) => {
          // @ts-expect-error appointments:write was not requested
          await ctx.appointments.cancel(event.data.appointmentId, { reasonCode: 'x' });
        },
      },
    });
    definePlugin({
      manifest: {
        id: 'a',
        name: 'A',
        version: '1.0.0',
        events: ['client.created'],
        permissions: [],
      },
      handlers: {
        'client.created': (_event, ctx) => {
          expectTypeOf(ctx.practiceId).toBeString();
          // @ts-expect-error no permissions, no APIs
          void ctx.intake;
        },
      },
    });
  });

  it('requires intake:read for scorers', () => {
    definePlugin({
      manifest: { id: 'a', name: 'A', version: '1.0.0', events: [], permissions: ['alerts:write'] },
      handlers: {},
      // @ts-expect-error scorers need intake:read
      scorers: { phq9: { appliesTo: () => true, score: () => null } },
    });
  });

  it('keeps the catalogue, permission map and form schema in step with their types', () => {
    expectTypeOf<keyof PluginApisByPermission>().toEqualTypeOf<PluginPermission>();
    expectTypeOf<PluginEventCatalogue['client.created']['source']>().toEqualTypeOf<
      'intake' | 'booking' | 'staff' | 'import'
    >();
    expectTypeOf(formDefinitionSchema.parse({})).toEqualTypeOf<FormDefinition>();
  });
});
