import { describe, expectTypeOf, it } from 'vitest';
import { definePlugin } from '../plugin.js';
import type { PluginRunRecord } from './plugin-run-record.js';
import { phq9Plugin } from './phq9-plugin.fixture.js';
import { runPluginHandler } from './run-plugin-handler.js';

const data = { submissionId: 's', clientId: 'c', formId: 'phq9', formVersion: 1 };

describe('testing entry types', () => {
  it('types runs by the plugin’s events, payloads, grants and config', () => {
    expectTypeOf(runPluginHandler(phq9Plugin, 'intake.submitted', { data })).resolves.toEqualTypeOf<
      PluginRunRecord<'intake.submitted'>
    >();
    // @ts-expect-error the plugin does not handle client.created
    void runPluginHandler(phq9Plugin, 'client.created', {
      data: { clientId: 'c', source: 'staff' },
    });
    void runPluginHandler(phq9Plugin, 'intake.submitted', {
      // @ts-expect-error the payload lacks formVersion
      data: { submissionId: 's', clientId: 'c', formId: 'phq9' },
    });
    // @ts-expect-error grants are limited to what the manifest requests
    void runPluginHandler(phq9Plugin, 'intake.submitted', { data, grants: ['messages:send'] });
    void runPluginHandler(phq9Plugin, 'intake.submitted', {
      data,
      // @ts-expect-error config must match the schema's input
      config: { severeThreshold: 'high' },
    });
  });

  it('infers from a manifest declared separately with as const', () => {
    const manifest = {
      id: 'org.example.thanks',
      name: 'Thanks',
      version: '1.0.0',
      events: ['payment.succeeded'],
      permissions: ['messages:send'],
    } as const;
    const plugin = definePlugin({
      manifest,
      handlers: {
        'payment.succeeded': async (event, ctx) => {
          await ctx.messages.send({ clientId: event.data.clientId, body: 'Thank you.' });
        },
      },
    });
    expectTypeOf(plugin.manifest.events).toEqualTypeOf<readonly 'payment.succeeded'[]>();
  });
});
