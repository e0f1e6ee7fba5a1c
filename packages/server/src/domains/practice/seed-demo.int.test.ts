import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { seedDemoPractice } from './seed-demo.js';

describe('demo practice seed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates a practice a first-time visitor can use at once: a published intake form and bookable times', async () => {
    const origin = 'http://localhost:3000';
    const demo = await seedDemoPractice(app.services, [origin]);
    expect(demo).not.toBeNull();
    expect(await seedDemoPractice(app.services, [origin])).toBeNull();
    const widget = app.caller({ publishableKey: demo!.publishableKey, origin });
    const form = await widget.intake.getPublishedForm({ formKey: 'new-client-intake' });
    expect(form.definition.pages.length).toBeGreaterThan(1);
    const types = await widget.booking.appointmentTypes();
    expect(types.map((t) => t.name)).toContain('Individual therapy (50 min)');
    const therapy = types.find((t) => t.name === 'Individual therapy (50 min)')!;
    const from = new Date(app.clock.now().getTime() + 86_400_000);
    const to = new Date(from.getTime() + 14 * 86_400_000);
    const availability = await widget.booking.availability({
      appointmentTypeId: therapy.id,
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: 'America/New_York',
    });
    // Two working weeks of 09:00–17:00 with hourly 50-minute sessions.
    expect(availability.slots.length).toBeGreaterThanOrEqual(40);
  });
});
