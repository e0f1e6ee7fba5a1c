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
  staffCaller,
  widgetCaller,
} from './intake-test-kit.js';
import {
  isUniqueViolation,
  recordClaim,
  replayedResponse,
  type IdempotencyClaim,
} from './idempotency.js';

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

describe('an expired Idempotency-Key record', () => {
  it('is replaced when the replay check saw it expired (recordClaim deletes only then)', async () => {
    const db = app.services.prisma;
    const now = app.clock.now();
    const claim = { scope: 'test.expired:practice', key: 'expired-key-0001', requestHash: 'h1' };
    await db.idempotencyKey.create({
      data: { ...claim, response: { old: true }, expiresAt: new Date(now.getTime() - 1000) },
      select: { id: true },
    });
    // Without the replay check's finding, the stale row still holds the key.
    const unseen = { ...claim };
    const clash = await db
      .$transaction((tx) => recordClaim(tx, unseen, { fresh: true }, now))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(clash)).toBe(true);

    const seen: IdempotencyClaim = { ...claim, requestHash: 'h2' };
    expect(await replayedResponse(db, seen, now)).toBeUndefined();
    expect(seen.expiredRowSeen).toBe(true);
    await db.$transaction((tx) => recordClaim(tx, seen, { fresh: true }, now));
    expect(await replayedResponse(db, { ...claim, requestHash: 'h2' }, now)).toEqual({
      fresh: true,
    });
    expect(await db.idempotencyKey.count({ where: { scope: claim.scope, key: claim.key } })).toBe(
      1,
    );
  });
});

describe('intake.submit by form version, after the definition is cached', () => {
  it('still refuses the version once its form is archived, and to another practice', async () => {
    const practice = await createTestPractice(app);
    const other = await createTestPractice(app);
    const { formId, versionId } = await publishedConditionalForm(app, practice);
    const body = {
      formVersionId: versionId,
      client: { firstName: 'Cache', lastName: 'Client', email: 'cache@example.test' },
      answers: {
        first_name: 'Cache',
        email: 'cache@example.test',
        seen_before: false,
        concerns: 'Stress',
        signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` },
      },
    };
    await widgetCaller(app, practice, { idempotencyKey: 'cached-form-0001' }).intake.submit(body);
    expect(
      (
        await domainErrorOf(
          widgetCaller(app, other, { idempotencyKey: 'cached-form-0002' }).intake.submit(body),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const { caller } = await staffCaller(app, practice, 'clinician');
    await caller.intake.forms.archive({ formId });
    expect(
      (
        await domainErrorOf(
          widgetCaller(app, practice, { idempotencyKey: 'cached-form-0003' }).intake.submit(body),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});
