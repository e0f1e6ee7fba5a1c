// What the load needs, made through the server's own functions: a practice, a
// published one-question intake form, a clinician bookable around the clock
// and an instant appointment type with a 60-day horizon.
import { createTestPractice, signedInStaff, type TestPractice } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { ALL_WEEK } from '../support/booking-world.js';
import type { LoadWorld } from './load-driver.js';

export interface ReliabilityWorld extends LoadWorld {
  practice: TestPractice;
  /** A signed-in owner (MFA passed): reads submissions back through intake.submissions.get. */
  ownerToken: string;
}

const definition = {
  version: 1,
  title: { en: 'Kill -9 intake' },
  pages: [
    {
      id: 'about',
      items: [{ type: 'text', id: 'concerns', label: 'What brings you here?', required: true }],
    },
  ],
};

export async function buildReliabilityWorld(app: TestApp): Promise<ReliabilityWorld> {
  const practice = await createTestPractice(app, 'k');
  const owner = await signedInStaff(app, practice.practiceId, 'owner');
  const clinician = await signedInStaff(app, practice.practiceId, 'clinician');
  const staff = app.caller({ staffSessionToken: owner.token });
  const form = (await staff.intake.forms.create({
    key: 'kill-nine',
    title: 'Kill -9 intake',
    definition,
  })) as { formId: string; versionId: string };
  await staff.intake.forms.publish({ formId: form.formId });
  await staff.booking.admin.schedule.setWeeklyHours({
    clinicianId: clinician.userId,
    hours: ALL_WEEK,
  });
  const type = await staff.booking.admin.appointmentTypes.create({
    name: 'Kill -9 session',
    durationMinutes: 50,
    modality: 'telehealth',
    slotIntervalMinutes: 60,
    minNoticeMinutes: 60,
    maxHorizonDays: 60,
  });
  return {
    practice,
    ownerToken: owner.token,
    publishableKey: practice.publishableKey,
    origin: practice.origin,
    formVersionId: form.versionId,
    appointmentTypeId: type.id,
    clinicianId: clinician.userId,
  };
}
