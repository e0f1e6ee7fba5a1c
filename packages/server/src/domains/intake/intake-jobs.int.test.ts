import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../../test/support/fixtures.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { publishedConditionalForm, signaturePng, widgetCaller } from './intake-test-kit.js';
import { PURGE_EXPIRED_DRAFTS_JOB } from './draft-retention.js';
import { scheduleDraftPurge } from './intake-jobs.js';

const CANARY = 'Zq7CanaryPerson';

describe('intake jobs', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let practice: TestPractice;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    practice = await createTestPractice(app);
    await publishedConditionalForm(app, practice);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('tells the owner a submission is waiting, without any client detail', async () => {
    const widget = widgetCaller(app, practice, { idempotencyKey: 'notify-key-0001' });
    const { formVersionId } = await widget.intake.getPublishedForm({ formKey: 'adult-intake' });
    await widget.intake.submit({
      formVersionId,
      client: { firstName: CANARY, lastName: 'Lovelace', email: 'zq7canary@example.test', dateOfBirth: '1990-01-01' },
      answers: {
        first_name: CANARY,
        email: 'zq7canary@example.test',
        seen_before: false,
        concerns: `${CANARY} sleep`,
        signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` },
      },
    });
    expect(await app.services.jobs.runDue()).toBeGreaterThan(0);
    const mail = await smtp.waitFor((m) => m.to.includes(practice.ownerEmail));
    expect(mail.subject).toContain('New intake submission');
    expect(mail.text).toContain('/console/#/inbox');
    expect(`${mail.subject}\n${mail.raw}`.toLowerCase()).not.toContain(CANARY.toLowerCase());
    const job = await app.services.prisma.job.findFirstOrThrow({ where: { name: 'intake.submitted' } });
    expect(job.status).toBe('succeeded');
  });

  it('purges drafts every hour: each run schedules the next, once per hour', async () => {
    await scheduleDraftPurge(app.services);
    await scheduleDraftPurge(app.services);
    expect(await app.services.prisma.job.count({ where: { name: PURGE_EXPIRED_DRAFTS_JOB } })).toBe(1);
    await app.services.jobs.runDue();
    const jobs = await app.services.prisma.job.findMany({ where: { name: PURGE_EXPIRED_DRAFTS_JOB }, orderBy: { runAt: 'asc' } });
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'queued']);
    expect(jobs[1]!.runAt.getTime() - jobs[0]!.runAt.getTime()).toBe(3_600_000);
  });
});
