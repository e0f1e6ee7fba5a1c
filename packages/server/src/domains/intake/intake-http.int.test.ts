// The widget's view over real HTTP: the Idempotency-Key header reaches submit,
// and refusals carry stable codes and field errors the widget can show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, type TestPractice } from '../../../test/support/fixtures.js';
import { PUBLISHABLE_KEY_HEADER } from '../../trpc/context.js';
import { publishedConditionalForm, signaturePng, widgetCaller } from './intake-test-kit.js';

describe('intake over HTTP (postgres)', () => {
  let app: TestApp;
  let base: string;
  let practice: TestPractice;
  let formVersionId: string;
  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres' });
    base = await app.listen();
    practice = await createTestPractice(app);
    await publishedConditionalForm(app, practice);
    ({ formVersionId } = await widgetCaller(app, practice).intake.getPublishedForm({ formKey: 'adult-intake' }));
  });
  afterAll(async () => {
    await app.close();
  });

  const submit = (key: string, answers: Record<string, unknown>) =>
    fetch(`${base}/trpc/intake.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: practice.origin, [PUBLISHABLE_KEY_HEADER]: practice.publishableKey, 'idempotency-key': key },
      body: JSON.stringify({ formVersionId, client: { firstName: 'Http', lastName: 'Client', email: 'http@example.test' }, answers }),
    });
  const answers = {
    first_name: 'Http',
    email: 'http@example.test',
    seen_before: false,
    concerns: 'Stress',
    signature: { dataUrl: `data:image/png;base64,${signaturePng().toString('base64')}` },
  };
  type Body = { result?: { data: { submissionId: string } }; error?: { data: { appCode: string; httpStatus: number; details?: unknown } } };

  it('replays a retried submit and refuses the key with another body', async () => {
    const first = await submit('http-key-00001', answers);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('access-control-allow-origin')).toBe(practice.origin);
    const retry = await submit('http-key-00001', answers);
    const [a, b] = [(await first.json()) as Body, (await retry.json()) as Body];
    expect(b.result!.data).toEqual(a.result!.data);
    expect(await app.services.prisma.intakeSubmission.count()).toBe(1);

    const reused = await submit('http-key-00001', { ...answers, concerns: 'Something else' });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as Body).error!.data.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers a tampered submit with 400, VALIDATION_FAILED and field error codes', async () => {
    const response = await submit('http-key-00002', { ...answers, seen_before: 'no', extra: 1 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as Body;
    expect(error!.data).toMatchObject({
      appCode: 'VALIDATION_FAILED',
      details: { fieldErrors: { seen_before: [{ code: 'wrong_type', params: { expected: 'boolean' } }], $form: [{ code: 'unknown_field' }] } },
    });
    expect(JSON.stringify(error)).not.toContain('Stress');
  });
  it('answers absurdly nested answers with 400, not 500', async () => {
    const depth = 100_000;
    const response = await fetch(`${base}/trpc/intake.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: practice.origin, [PUBLISHABLE_KEY_HEADER]: practice.publishableKey, 'idempotency-key': 'http-key-deep1' },
      body: `{"formVersionId":"${formVersionId}","client":{"firstName":"a","lastName":"b","email":"a@b.co"},"answers":{"concerns":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    });
    expect(response.status).toBe(400);
  });
});
