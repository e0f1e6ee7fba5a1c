import { describe, expect, it } from 'vitest';
import { parsePluginEvent, pluginEventDataSchemas } from './event-schemas.js';
import { PLUGIN_EVENT_NAMES } from './events.js';

const envelope = { id: 'evt_1', practiceId: 'prac_1', occurredAt: '2026-11-28T10:00:00Z' };

describe('event schemas', () => {
  it('cover every event name', () => {
    expect(Object.keys(pluginEventDataSchemas).sort()).toEqual([...PLUGIN_EVENT_NAMES].sort());
  });

  it('parse a delivered event', () => {
    const event = {
      ...envelope,
      name: 'appointment.cancelled',
      data: {
        appointmentId: 'a',
        clientId: 'c',
        clinicianId: 'd',
        appointmentTypeId: 't',
        cancelledBy: 'client',
        lateCancellation: true,
      },
    };
    expect(parsePluginEvent(event)).toEqual(event);
  });

  it('refuse payload fields outside the catalogue, so PHI cannot ride along', () => {
    const leaky = {
      ...envelope,
      name: 'client.created',
      data: { clientId: 'c', source: 'staff', email: 'ada@example.org' },
    };
    expect(() => parsePluginEvent(leaky)).toThrow();
    expect(() => parsePluginEvent({ ...envelope, name: 'client.deleted', data: {} })).toThrow();
    expect(() =>
      parsePluginEvent({
        ...envelope,
        name: 'client.created',
        data: { clientId: 'c', source: 'staff' },
        note: 'x',
      }),
    ).toThrow();
    expect(() =>
      parsePluginEvent({
        ...envelope,
        occurredAt: 'yesterday',
        name: 'client.created',
        data: { clientId: 'c', source: 'staff' },
      }),
    ).toThrow();
  });
});
