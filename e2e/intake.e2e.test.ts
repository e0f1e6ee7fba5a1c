// The new-client intake end to end: a client fills the practice's site form
// over several pages (conditional questions, a drawn signature, an insurance
// card), leaves, resumes from the private link in a fresh browser, submits;
// a clinician signs in to the console with password + TOTP and reads exactly
// the visible answers. The database holds no plaintext of them and the
// audit log has the read.
import { generate } from 'otplib';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PNG_BYTES } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const CANARY = `Canary${Date.now().toString(36)}`;
const HIDDEN_CANARY = `Hidden${CANARY}`;

const formReady = (page: Page) =>
  page.waitForFunction(
    () =>
      (document.querySelector('tcrm-intake-form') as unknown as { phase?: { kind: string } })?.phase
        ?.kind === 'ready',
  );
const pageHeading = (page: Page) => page.locator('tcrm-intake-form #page-title');
const onPage = (page: Page, title: string) =>
  expect
    .poll(async () => (await pageHeading(page).textContent())?.trim(), { timeout: 10_000 })
    .toBe(title);
const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

describe('new-client intake through the practice site and the console', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fill → leave → resume elsewhere → submit → clinician reads exactly the visible answers', async () => {
    // ——— Device 1: the practice's website ———
    const laptop = await browser.newContext();
    const page = await laptop.newPage();
    await page.goto(`${server.url}/new-client.html`);
    await formReady(page);
    await onPage(page, 'Contact details');
    await page.getByLabel('First name').fill(CANARY);
    await page.getByLabel('Last name').fill('Quill');
    await page.getByLabel('E-mail').fill('zelda.e2e@example.test');
    await page.getByLabel('Phone').fill('207 555 0199');
    await page.getByLabel('Date of birth').fill('1988-04-02');
    await page
      .getByRole('radiogroup', { name: 'May we leave a voicemail?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await next(page);

    await onPage(page, 'Reason for your visit');
    await page.getByRole('checkbox', { name: 'Something else' }).check();
    await page.getByLabel('Tell us a little more').fill(`Moving house ${CANARY}`);
    const seenBefore = page.getByRole('radiogroup', { name: 'Have you seen a therapist before?' });
    await seenBefore.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('What helped, and what did not?').fill(HIDDEN_CANARY);
    await seenBefore.getByRole('radio', { name: 'No' }).check(); // hides the question: its answer must go nowhere
    await expect(page.getByLabel('What helped, and what did not?').count()).resolves.toBe(0);
    await page
      .getByLabel('What would you like to be different?')
      .fill(`Sleep through the night ${CANARY}`);
    await next(page);

    await onPage(page, 'How you have been feeling');
    await page
      .getByRole('radiogroup', { name: 'Little interest or pleasure in doing things' })
      .getByRole('radio', { name: 'Several days' })
      .check();
    await page
      .getByRole('radiogroup', { name: 'Feeling down, depressed or hopeless' })
      .getByRole('radio', { name: 'More than half the days' })
      .check();
    await page.getByText('Thank you for telling us.').waitFor(); // the conditional support note
    await page.getByLabel('Hours of sleep on a typical night').fill('5');
    await next(page);

    await onPage(page, 'Insurance and consent');
    await page
      .getByRole('radiogroup', { name: 'Will you use health insurance?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page
      .locator('tcrm-file-upload input[type=file]')
      .setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await page.getByText('Uploaded file 1: image/png').waitFor();
    await page.locator('tcrm-signature canvas').scrollIntoViewIfNeeded(); // mouse coordinates are the viewport's
    const pad = await page.locator('tcrm-signature canvas').boundingBox();
    if (!pad) throw new Error('no signature pad');
    await page.mouse.move(pad.x + 20, pad.y + pad.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(pad.x + 20 + i * 25, pad.y + pad.height / 2 + (i % 2 ? -15 : 15));
    await page.mouse.up();
    await page.getByRole('button', { name: 'Save and continue later' }).click();
    const link = await page.locator('tcrm-intake-form #resume-url').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/new-client.html#resume=tdr_`));
    const storage = await page.evaluate(() => [
      localStorage.length,
      sessionStorage.length,
      document.cookie,
    ]);
    expect(storage).toEqual([0, 0, '']);
    await laptop.close(); // the client leaves

    // ——— Device 2: the link from the client's own notes ———
    const phone = await browser.newContext();
    const resumed = await phone.newPage();
    await resumed.goto(link);
    await formReady(resumed);
    await resumed.getByText('Welcome back').waitFor();
    await onPage(resumed, 'Insurance and consent');
    await resumed.getByText('Your signature is saved.').waitFor();
    await resumed.getByText('Uploaded file 1: image/png').waitFor();
    await resumed.getByRole('button', { name: 'Back' }).click();
    await resumed.getByRole('button', { name: 'Back' }).click();
    await expect(
      resumed.getByLabel('What would you like to be different?').inputValue(),
    ).resolves.toContain('Sleep through');
    await resumed.getByRole('button', { name: 'Next' }).click();
    await resumed.getByRole('button', { name: 'Next' }).click();
    await resumed.getByRole('button', { name: 'Submit' }).click();
    await resumed.getByRole('heading', { name: 'Thank you' }).waitFor();
    const submissionId = await resumed.evaluate(
      () =>
        (
          document.querySelector('tcrm-intake-form') as unknown as {
            phase: { submissionId: string };
          }
        ).phase.submissionId,
    );
    await phone.close();

    // ——— The clinician, in the console ———
    const office = await browser.newContext();
    const staff = await office.newPage();
    await staff.goto(`${server.url}/console/#/sign-in`);
    await staff.getByTestId('sign-in-email').fill(server.demo.clinician.email);
    await staff.getByTestId('sign-in-password').fill(server.demo.clinician.password);
    await staff.getByTestId('sign-in-submit').click();
    const secret = (await staff.getByTestId('mfa-enrol-secret').textContent())!.trim();
    await staff.getByTestId('mfa-code').fill(await generate({ secret }));
    await staff.getByTestId('mfa-submit').click();
    await staff
      .locator(
        `[data-testid="submission-row"][data-submission-id="${submissionId}"] [data-testid="submission-link"]`,
      )
      .click();
    await staff.getByTestId('submission-detail').waitFor();
    const answers = await staff
      .getByTestId('answer')
      .evaluateAll((nodes) =>
        Object.fromEntries(
          nodes.map((n) => [
            n.getAttribute('data-field-id'),
            n.textContent?.replace(/\s+/g, ' ').trim(),
          ]),
        ),
      );
    expect(answers['first_name']).toContain(CANARY);
    expect(answers['concerns_other']).toContain(`Moving house ${CANARY}`);
    expect(answers['goals']).toContain(CANARY);
    expect(answers['seen_before']).toMatch(/No/);
    expect(answers).not.toHaveProperty('previous_therapy');
    expect(JSON.stringify(answers)).not.toContain(HIDDEN_CANARY);
    await expect(staff.getByTestId('file-link').count()).resolves.toBe(2); // signature + insurance card
    await office.close();

    // ——— At rest: no plaintext anywhere; the read is audited ———
    const db = new pg.Client({ connectionString: server.database.url });
    await db.connect();
    try {
      const columns = await db.query<{
        table_name: string;
        column_name: string;
        data_type: string;
      }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`,
      );
      expect(columns.rows.length).toBeGreaterThan(10);
      /** Every column whose value contains `needle` as plain UTF-8 (bytes for bytea, text for the rest). */
      const hits = async (needle: string) => {
        const found: string[] = [];
        for (const { table_name, column_name, data_type } of columns.rows) {
          const test =
            data_type === 'bytea'
              ? `position(convert_to($1, 'UTF8') in "${column_name}") > 0`
              : `"${column_name}"::text LIKE '%' || $1 || '%'`;
          const r = await db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE ${test}`, [
            needle,
          ]);
          if (r.rows[0].n > 0) found.push(`"${table_name}"."${column_name}"`);
        }
        return found;
      };
      // Positive control: the search finds what is stored in the clear (the practice's name).
      expect(await hits('Harbor Light Counseling')).toContain('"Practice"."name"');
      expect(await hits(CANARY)).toEqual([]);
      const reads = await db.query(
        `SELECT "actorType", action, outcome FROM "AuditEvent" WHERE action = 'intake.read' AND "objectId" = $1`,
        [submissionId],
      );
      expect(reads.rows).toEqual([
        { actorType: 'staff', action: 'intake.read', outcome: 'success' },
      ]);
    } finally {
      await db.end();
    }
  });
});
