// submit overlaps its first reads (replay, form or draft, practice date) for
// speed; the replay must still win, so a retry after a successful draft
// submission gets the same response although the draft is gone by then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice } from '../../../test/support/fixtures.js';
import {
  domainErrorOf,
  publishedConditionalForm,
  signaturePng,
  widgetCaller,
} from './intake-test-kit.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('intake.submit from a draft, retried', () => {
  it('replays the stored response with the same key; a new key finds the draft gone', async () => {
    const practice = await createTestPractice(app);
    await publishedConditionalForm(app, practice);
    const { resumeToken } = await widgetCaller(app, practice).intake.startDraft({
      formKey: 'adult-intake',
    });
    const body = {
      resumeToken,
      client: { firstName: 'Retry', lastName: 'Client', email: 'retry@example.test' },
      answers: {
        first_name: 'Retry',
        email: 'retry@example.test',
        seen_before: false,
        concerns: 'Stress',
        signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` },
      },
    };
    const withKey = (idempotencyKey: string) =>
      widgetCaller(app, practice, { idempotencyKey }).intake.submit(body);

    const first = await withKey('draft-retry-0001');
    expect(await withKey('draft-retry-0001')).toEqual(first);
    expect(
      await app.services.prisma.intakeSubmission.count({
        where: { practiceId: practice.practiceId },
      }),
    ).toBe(1);
    expect((await domainErrorOf(withKey('draft-retry-0002'))).code).toBe('NOT_FOUND');
  });
});
