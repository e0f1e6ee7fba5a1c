// The staff console against a real server (test-server/: PGlite, seeded
// practice, form and submission; /trpc and /files proxied on this page's
// origin). The staff session is a cookie and wtr pages share one cookie
// jar: console test files rely on wtr running files one at a time
// (concurrency 1 in web-test-runner.config.mjs), and each test signs out first.
import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { press, type } from '../testing/fixtures.js';
import {
  allByTestId,
  byTestId,
  find,
  fill,
  focused,
  mountConsole,
  newStaff,
  server,
  sessionStatus,
  signIn,
  text,
  viewHeading,
  type Fixture,
} from './testing/console-harness.js';

describe('staff console', () => {
  let seeded: Fixture;

  before(async function () {
    // The first command starts the server (compile + migrations): slow once.
    this.timeout(120_000);
    seeded = await server<Fixture>({ op: 'fixture' });
  });

  it('has no axe violations on sign-in, in English and Spanish', async function () {
    this.timeout(20_000);
    const app = await mountConsole();
    expect(await axeViolations(app)).to.deep.equal([]);
    const select = byTestId<HTMLSelectElement>(app, 'locale-select')!;
    select.value = 'es';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => text(viewHeading(app)) === 'Iniciar sesión', 'Spanish heading');
    expect(document.documentElement.lang).to.equal('es');
    expect(text(byTestId<HTMLInputElement>(app, 'sign-in-email')!.labels?.[0])).to.equal(
      'Correo electrónico',
    );
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('signs in with password then TOTP, refusing a wrong password and a wrong code', async function () {
    this.timeout(20_000);
    const staff = await newStaff('owner');
    const app = await mountConsole();
    await fill(byTestId(app, 'sign-in-email')!, staff.email);
    await fill(byTestId(app, 'sign-in-password')!, 'not-the-password');
    byTestId(app, 'sign-in-submit')!.click();
    expect(text(await find(app, 'sign-in-error'))).to.equal('Incorrect e-mail or password.');
    expect(byTestId(app, 'mfa-code')).to.equal(undefined);

    await fill(byTestId(app, 'sign-in-password')!, staff.password);
    byTestId(app, 'sign-in-submit')!.click();
    const code = await find(app, 'mfa-code');
    // A new step is a new screen: focus is on its heading.
    await waitUntil(() => focused() === viewHeading(app), 'focus on the MFA heading');
    expect(text(viewHeading(app))).to.equal('Two-factor authentication');
    // The password alone is not a session for PHI: staff procedures still refuse.
    expect(await sessionStatus()).to.equal(200); // auth.me is allowed before MFA…
    const inbox = await fetch('/trpc/intake.submissions.list?batch=1&input=%7B%7D');
    expect(inbox.status).to.equal(403); // …the inbox is not.

    await fill(code, '000000');
    byTestId(app, 'mfa-submit')!.click();
    await waitUntil(
      () => byTestId(app, 'sign-in-error')?.textContent?.includes('not valid'),
      'wrong code refused',
    );
    await fill(code, await server<string>({ op: 'totp', secret: staff.secret }));
    byTestId(app, 'mfa-submit')!.click();
    await find(app, 'nav-inbox');
    expect(text(byTestId(app, 'practice-name'))).to.equal(seeded.practiceName);
    expect(location.hash).to.equal('#/inbox');
    await waitUntil(() => focused() === viewHeading(app), 'focus on the inbox heading');
  });

  it('starts again from the password when the session ends during the code step', async function () {
    this.timeout(20_000);
    const staff = await newStaff('owner');
    const app = await mountConsole();
    await fill(byTestId(app, 'sign-in-email')!, staff.email);
    await fill(byTestId(app, 'sign-in-password')!, staff.password);
    byTestId(app, 'sign-in-submit')!.click();
    const code = await find(app, 'mfa-code');
    await server({ op: 'expireSessions', email: staff.email });
    await fill(code, await server<string>({ op: 'totp', secret: staff.secret }));
    byTestId(app, 'mfa-submit')!.click();
    await find(app, 'sign-in-password');
    expect(text(byTestId(app, 'sign-in-error'))).to.equal('Your session has ended. Sign in again.');
    expect(await sessionStatus()).to.equal(401);
  });

  it('lets a member of two practices choose one, and works in the one chosen', async function () {
    this.timeout(20_000);
    const staff = await newStaff('owner', true, true);
    const app = await mountConsole();
    await fill(byTestId(app, 'sign-in-email')!, staff.email);
    await fill(byTestId(app, 'sign-in-password')!, staff.password);
    byTestId(app, 'sign-in-submit')!.click();
    await waitUntil(() => text(viewHeading(app)) === 'Choose a practice', 'practice chooser');
    const second =
      viewHeading(app)!.parentNode!.querySelectorAll<HTMLInputElement>(
        'input[name="practice"]',
      )[1]!;
    expect(text(second.labels![0])).to.match(/^Second Test Practice /);
    second.click();
    (
      viewHeading(app)!.parentNode!.querySelector('button[type="submit"]') as HTMLButtonElement
    ).click();
    await fill(
      await find(app, 'mfa-code'),
      await server<string>({ op: 'totp', secret: staff.secret }),
    );
    byTestId(app, 'mfa-submit')!.click();
    await find(app, 'nav-inbox');
    expect(text(byTestId(app, 'practice-name'))).to.match(/^Second Test Practice /);
    // The new practice has no submissions; the seeded one's are not shown.
    await find(app, 'inbox-empty');
  });

  it('enrols a new authenticator: shows the setup key and URI as text, then accepts its code', async function () {
    this.timeout(20_000);
    const staff = await newStaff('clinician', false);
    const app = await mountConsole();
    await fill(byTestId(app, 'sign-in-email')!, staff.email);
    await fill(byTestId(app, 'sign-in-password')!, staff.password);
    byTestId(app, 'sign-in-submit')!.click();
    const secret = (await find(app, 'mfa-enrol-secret')).textContent!.trim();
    const uri = byTestId(app, 'mfa-enrol-uri')!.textContent!.trim();
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    expect(uri).to.match(/^otpauth:\/\/totp\//);
    expect(new URL(uri).searchParams.get('secret')).to.equal(secret);
    expect(await axeViolations(app)).to.deep.equal([]);
    await fill(byTestId(app, 'mfa-code')!, await server<string>({ op: 'totp', secret }));
    byTestId(app, 'mfa-submit')!.click();
    await find(app, 'nav-inbox');
    // A clinician has no settings.
    expect(byTestId(app, 'nav-settings')).to.equal(undefined);
  });

  it('lists the seeded submission in the new inbox, and opens its answers by the form definition', async function () {
    this.timeout(20_000);
    const app = await mountConsole();
    await signIn(app, await newStaff('clinician'));
    const row = await waitUntil(
      () =>
        allByTestId(app, 'submission-row').find(
          (r) => r.dataset['submissionId'] === seeded.submissionId,
        ),
      'seeded submission listed',
    ).then(() =>
      allByTestId(app, 'submission-row').find(
        (r) => r.dataset['submissionId'] === seeded.submissionId,
      )!,
    );
    expect(row.dataset['status']).to.equal('new');
    expect(row.textContent).to.contain(seeded.clientName).and.contain('New client intake');
    expect(await axeViolations(app)).to.deep.equal([]);

    (row.querySelector('[data-testid="submission-link"]') as HTMLAnchorElement).click();
    const answers = await find(app, 'answers');
    await waitUntil(() => focused() === viewHeading(app), 'focus on the submission heading');
    const shown = Object.fromEntries(
      allByTestId(answers, 'answer').map((a) => [
        a.dataset['fieldId'],
        a.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
      ]),
    );
    expect(shown).to.include({
      first_name: 'Rosa',
      seen_before: 'No',
      referral: 'My doctor',
      sleep_hours: '5',
      concerns: 'Trouble sleeping. Worry at work.',
    });
    expect(text(answers.querySelector('[data-field-id="first_name"] dt'))).to.equal('First name');
    // Questions hidden by their conditions are not shown at all.
    expect(Object.keys(shown)).not.to.include.members(['previous_therapist']);
    expect(Object.keys(shown)).not.to.include('referral_other');
    // The signature is a link to the audited file route, and it downloads with the staff cookie.
    const link = byTestId<HTMLAnchorElement>(answers, 'file-link')!;
    expect(new URL(link.href).pathname).to.match(/^\/files\/[0-9a-f-]{36}$/);
    const file = await fetch(link.href, { credentials: 'same-origin' });
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-type')).to.contain('image/png');
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('marks a submission reviewed: status, announcement, focus, and the filters move it', async function () {
    this.timeout(20_000);
    const { submissionId } = await server<{ submissionId: string }>({
      op: 'submit',
      firstName: 'Mark',
      lastName: 'Reviewed',
    });
    await server({
      op: 'setScore',
      submissionId,
      score: {
        instrument: 'phq9',
        score: 12,
        maxScore: 27,
        band: 'moderate',
        flags: [{ alert: 'phq9_item9', severity: 'critical' }],
      },
    });
    const app = await mountConsole({ hash: `#/submissions/${submissionId}` });
    await signIn(app, await newStaff('owner'));
    // The deep link opened while signed out is where sign-in lands.
    expect(location.hash).to.equal(`#/submissions/${submissionId}`);
    // A scorer's result and its flag are shown with the submission.
    expect(text(await find(app, 'submission-scores'))).to.contain('PHQ9: 12 / 27 (moderate)');
    expect(text(byTestId(app, 'score-flag'))).to.equal('Needs attention: phq9_item9 critical');
    (await find(app, 'mark-reviewed')).click();
    await waitUntil(
      () => byTestId(app, 'submission-status')?.dataset['status'] === 'reviewed',
      'status reviewed',
    );
    expect(byTestId(app, 'mark-reviewed')).to.equal(undefined);
    expect(focused()).to.equal(byTestId(app, 'submission-status'));
    await waitUntil(
      () => text(byTestId(app, 'console-status')) === 'Marked as reviewed.',
      'announced',
    );

    location.hash = '#/inbox?status=reviewed';
    await waitUntil(
      () =>
        allByTestId(app, 'submission-row').some((r) => r.dataset['submissionId'] === submissionId),
      'in reviewed',
    );
    byTestId<HTMLAnchorElement>(app, 'inbox-filter-new')!.click();
    await waitUntil(
      () =>
        byTestId(app, 'inbox-filter-new')!.getAttribute('aria-current') === 'page' &&
        byTestId(app, 'inbox-table'),
      'new filter',
    );
    await waitUntil(
      () => allByTestId(app, 'submission-row').every((r) => r.dataset['status'] === 'new'),
      'new rows only',
    );
    expect(allByTestId(app, 'submission-row').map((r) => r.dataset['submissionId'])).not.to.include(
      submissionId,
    );
  });

  it('returns to sign-in when the server ends the session (idle on the server)', async function () {
    this.timeout(20_000);
    const staff = await newStaff('owner');
    const app = await mountConsole();
    await signIn(app, staff);
    await server({ op: 'expireSessions', email: staff.email });
    // The next request meets SESSION_EXPIRED.
    (await find<HTMLAnchorElement>(app, 'nav-forms')).click();
    const notice = await find(app, 'session-ended');
    expect(text(notice)).to.equal('Your session has ended. Sign in again.');
    expect(byTestId(app, 'nav-inbox')).to.equal(undefined);
    expect(await sessionStatus()).to.equal(401);
  });

  it('warns before the idle limit, stays on request, then signs out at the limit', async function () {
    this.timeout(30_000);
    const app = await mountConsole({ idleMinutes: 0.1 }); // 6 s; the warning shows in the last 3 s
    await signIn(app, await newStaff('owner'));
    const stay = await find(app, 'idle-stay', 10_000);
    expect(byTestId(app, 'idle-warning')!.getAttribute('role')).to.equal('alertdialog');
    expect(focused()).to.equal(stay);
    stay.click();
    await waitUntil(() => !byTestId(app, 'idle-warning'), 'warning closed after keep-alive', {
      timeout: 5_000,
    });
    await find(app, 'idle-warning', 10_000);
    const notice = await find(app, 'session-ended', 10_000);
    expect(text(notice)).to.equal('You were signed out after a period of inactivity.');
    // Signed out on the server too, not just hidden.
    await waitUntil(async () => (await sessionStatus()) === 401, 'server session ended');
  });

  it('signs in with the keyboard alone, then signs out: the server session ends and the sign-in form is back', async function () {
    this.timeout(20_000);
    const staff = await newStaff('front_desk');
    const app = await mountConsole();
    (document.activeElement as HTMLElement | null)?.blur();
    // The test page may hold a focusable thing or two before the console.
    for (let i = 0; i < 5 && text(focused()) !== 'Skip to main content'; i++) await press('Tab');
    expect(text(focused())).to.equal('Skip to main content');
    await press('Tab', 'Tab'); // language, then e-mail
    expect(focused()).to.equal(byTestId(app, 'sign-in-email'));
    await type(staff.email);
    await press('Tab');
    await type(staff.password);
    await press('Enter');
    await waitUntil(
      () => focused() === viewHeading(app) && byTestId(app, 'mfa-code'),
      'focus on the MFA heading',
    );
    await press('Tab');
    expect(focused()).to.equal(byTestId(app, 'mfa-code'));
    await type(await server<string>({ op: 'totp', secret: staff.secret }));
    await press('Enter');
    // The front desk sees the inbox but may not open answers.
    await find(app, 'inbox-table');
    expect(byTestId(app, 'submission-link')).to.equal(undefined);
    byTestId(app, 'sign-out')!.click();
    await find(app, 'sign-in-email');
    expect(text(byTestId(app, 'session-ended'))).to.equal('You are signed out.');
    expect(await sessionStatus()).to.equal(401);
  });
});
