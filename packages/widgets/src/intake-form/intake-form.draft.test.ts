import { expect, waitUntil } from '@open-wc/testing';
import type { FormDefinition } from '@therapycrm/plugin-sdk/forms';
import { createApiClient } from '../api/api-client.js';
import { PUBLISHABLE_KEY_HEADER } from '../context/provider-controller.js';
import { axeViolations } from '../testing/axe.js';
import { deepQueryAll, press, type } from '../testing/fixtures.js';
import type { TcrmIntakeForm } from './intake-form.js';
import {
  button,
  find,
  mountForm,
  pageTitle,
  publish,
  threePageForm,
} from './intake-form.fixtures.js';

const uploadForm: Omit<FormDefinition, 'version'> = {
  title: 'Uploads',
  pages: [
    {
      id: 'files',
      items: [
        {
          type: 'file_upload',
          id: 'card',
          label: 'Insurance card',
          accept: ['image/png', 'application/pdf'],
          maxBytes: 100_000,
          maxFiles: 2,
        },
        { type: 'signature', id: 'signature', label: 'Signature' },
      ],
    },
  ],
};

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const pngFile = () =>
  new File([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], 'card.png', { type: 'image/png' });

/** Every request the page sends, passed through untouched (observed, not faked). */
function recordRequests() {
  const original = window.fetch;
  const sent: { url: string; body: string; headers: Record<string, string> }[] = [];
  window.fetch = (input, init) => {
    sent.push({
      url: String(input),
      body: String(init?.body ?? ''),
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    return original(input, init);
  };
  return { sent, restore: () => (window.fetch = original) };
}

async function typeInto(el: TcrmIntakeForm, name: string, text: string) {
  find(el, `[name="${name}"]`).focus();
  await type(text);
  await press('Tab'); // commits (change)
}

const radio = (el: TcrmIntakeForm, name: string, index: number) =>
  find(el, `[name="${name}"]`).shadowRoot!.querySelectorAll('input')[index]!;

async function fillFirstPage(el: TcrmIntakeForm, email: string) {
  await typeInto(el, 'first_name', 'Grace');
  await typeInto(el, 'last_name', 'Hopper');
  await typeInto(el, 'email', email);
  button(el, 'Next').click();
  await waitUntil(() => pageTitle(el) === 'Your visit', 'page 2 not shown');
}

describe('tcrm-intake-form: drafts, conditions and uploads (real server)', () => {
  let key: string;
  let api: ReturnType<typeof createApiClient>;
  let requests: ReturnType<typeof recordRequests> | undefined;
  before(async function () {
    this.timeout(120_000);
    key = await publish('wtr-draft', threePageForm);
    await publish('wtr-upload', uploadForm);
    api = createApiClient({
      url: `${location.origin}/trpc`,
      headers: () => ({ [PUBLISHABLE_KEY_HEADER]: key }),
    });
  });
  afterEach(() => {
    requests?.restore();
    requests = undefined;
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('has no axe violations with the resume link shown', async () => {
    const el = await mountForm('wtr-draft', key);
    await typeInto(el, 'first_name', 'Grace');
    button(el, 'Save and continue later').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="resume-link"]'), 'no link panel', {
      timeout: 10_000,
    });
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows a conditional question live, and never sends its answer once hidden', async () => {
    requests = recordRequests();
    const el = await mountForm('wtr-draft', key);
    await fillFirstPage(el, 'grace.conditional@example.org');
    expect(el.shadowRoot!.querySelector('[name="previous_therapist"]')).to.equal(null);
    radio(el, 'seen_before', 0).click(); // yes
    await waitUntil(
      () => el.shadowRoot!.querySelector('[name="previous_therapist"]'),
      'did not appear',
    );
    await typeInto(el, 'previous_therapist', 'Dr. Hidden-Canary');
    radio(el, 'seen_before', 1).click(); // no
    await waitUntil(
      () => !el.shadowRoot!.querySelector('[name="previous_therapist"]'),
      'did not disappear',
    );

    const token = await el.saveDraft();
    const draft = await api.intake.resumeDraft.mutate({ resumeToken: token });
    expect(draft.answers).to.deep.equal({
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace.conditional@example.org',
      seen_before: false,
    });

    button(el, 'Next').click();
    await waitUntil(() => pageTitle(el) === 'Consent', 'page 3 not shown');
    button(el, 'Type').click();
    await el.updateComplete;
    const signature = find(el, '[name="signature"]');
    signature.shadowRoot!.querySelector<HTMLInputElement>('#typed')!.focus();
    await type('Grace Hopper');
    await press('Tab');
    button(el, 'Submit').click();
    await waitUntil(() => el.phase.kind === 'submitted', 'not submitted', { timeout: 10_000 });
    const submit = requests.sent.find((r) => r.url.includes('intake.submit'))!;
    expect(submit.body).not.to.contain('Hidden-Canary');
    expect(submit.body).not.to.contain('previous_therapist');
    expect(JSON.parse(submit.body)[0].answers.signature).to.have.keys('fileId'); // uploaded, not inline
  });

  it('sends one submit with an Idempotency-Key however often Submit is pressed', async () => {
    requests = recordRequests();
    const el = await mountForm('wtr-draft', key);
    await fillFirstPage(el, 'grace.once@example.org');
    radio(el, 'seen_before', 1).click();
    button(el, 'Next').click();
    await waitUntil(() => pageTitle(el) === 'Consent', 'page 3 not shown');
    button(el, 'Type').click();
    await el.updateComplete;
    find(el, '[name="signature"]').shadowRoot!.querySelector<HTMLInputElement>('#typed')!.focus();
    await type('G H');
    await press('Tab');
    const submit = button(el, 'Submit');
    submit.click();
    submit.click();
    submit.click();
    await waitUntil(() => el.phase.kind === 'submitted', 'not submitted', { timeout: 10_000 });
    const submits = requests.sent.filter((r) => r.url.includes('intake.submit'));
    expect(submits).to.have.length(1);
    expect(submits[0]!.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('saves a draft, shows a private resume link, and resumes from its #resume= fragment on a fresh form', async () => {
    const el = await mountForm('wtr-draft', key);
    const saved: CustomEvent[] = [];
    el.addEventListener('tcrm-draft-saved', (e) => saved.push(e as unknown as CustomEvent));
    await fillFirstPage(el, 'grace.resume@example.org');
    radio(el, 'seen_before', 0).click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('[name="previous_therapist"]'),
      'did not appear',
    );
    await typeInto(el, 'previous_therapist', 'Dr. Kept');
    button(el, 'Save and continue later').click();
    await waitUntil(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('#resume-url'),
      'no link',
      { timeout: 10_000 },
    );
    const link = el.shadowRoot!.querySelector<HTMLInputElement>('#resume-url')!.value;
    expect(link.startsWith(`${location.origin}${location.pathname}`)).to.equal(true);
    expect(link).to.match(/#resume=tdr_/);
    expect(Object.keys(saved.at(-1)!.detail)).to.deep.equal(['savedAt']);
    // Nothing of it is kept in the browser.
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    el.remove();

    history.replaceState(null, '', new URL(link).hash);
    const resumed = await mountForm('wtr-draft', key);
    expect(resumed.phase.kind).to.equal('ready');
    expect(pageTitle(resumed)).to.equal('Your visit');
    expect(resumed.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.contain(
      'Welcome back',
    );
    expect(
      (find(resumed, '[name="previous_therapist"]') as HTMLElement & { value: string }).value,
    ).to.equal('Dr. Kept');
    expect(location.hash).to.equal(''); // the token left the address bar
    button(resumed, 'Back').click();
    await waitUntil(() => pageTitle(resumed) === 'About you', 'not back');
    expect((find(resumed, '[name="email"]') as HTMLElement & { value: string }).value).to.equal(
      'grace.resume@example.org',
    );
  });

  it('says when a resume link no longer works and starts afresh', async () => {
    const el = await mountForm('wtr-draft', key, {
      resumeToken: 'tdr_this-token-matches-no-draft-at-all',
    });
    expect(el.phase.kind).to.equal('ready');
    expect(pageTitle(el)).to.equal('About you');
    expect(el.shadowRoot!.textContent).to.contain('That link has expired');
  });

  it('uploads files and signatures and keeps their ids, which come back on resume', async () => {
    const el = await mountForm('wtr-upload', key);
    const input = find(el, '[name="card"]').shadowRoot!.querySelector<HTMLInputElement>(
      'input[type=file]',
    )!;
    const files = new DataTransfer();
    files.items.add(pngFile());
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="files"]'), 'upload not listed', {
      timeout: 10_000,
    });
    expect(el.shadowRoot!.querySelector('[part="files"]')!.textContent).to.contain('image/png');

    button(el, 'Type').click();
    await el.updateComplete;
    find(el, '[name="signature"]').shadowRoot!.querySelector<HTMLInputElement>('#typed')!.focus();
    await type('Grace');
    await press('Tab');
    const token = await el.saveDraft();
    const draft = await api.intake.resumeDraft.mutate({ resumeToken: token });
    const card = draft.answers['card'] as string[];
    const signature = draft.answers['signature'] as { fileId: string };
    expect(card).to.have.length(1);
    expect(draft.files.map((f) => f.id).sort()).to.deep.equal([card[0], signature.fileId].sort());
    el.remove();

    const resumed = await mountForm('wtr-upload', key, { resumeToken: token });
    expect(resumed.shadowRoot!.textContent).to.contain('Your signature is saved.');
    expect(deepQueryAll(resumed.shadowRoot!, '[part="files"] li')).to.have.length(1);
    button(resumed, 'Remove file 1').click();
    await waitUntil(() => !resumed.shadowRoot!.querySelector('[part="files"]'), 'file not removed');
    await resumed.saveDraft();
    const after = await api.intake.resumeDraft.mutate({ resumeToken: token });
    expect(after.answers['card']).to.equal(undefined);
    expect(after.answers['signature']).to.deep.equal(signature);
  });

  it('checks a chosen file before uploading it: a wrong type is refused in the browser', async () => {
    requests = recordRequests();
    const el = await mountForm('wtr-upload', key);
    const field = find(el, '[name="card"]');
    const input = field.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File(['plain text'], 'note.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => field.shadowRoot!.querySelector('[part="error"]')?.textContent,
      'no error shown',
    );
    expect(field.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
      'image/png, application/pdf',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.sent.filter((r) => r.url.includes('uploadFile'))).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="files"]')).to.equal(null);
  });

  it('retries a submission whose response was lost with the same Idempotency-Key, and the server replays it', async () => {
    const el = await mountForm('wtr-draft', key);
    await fillFirstPage(el, 'grace.retry@example.org');
    radio(el, 'seen_before', 1).click();
    button(el, 'Next').click();
    await waitUntil(() => pageTitle(el) === 'Consent', 'page 3 not shown');
    button(el, 'Type').click();
    await el.updateComplete;
    find(el, '[name="signature"]').shadowRoot!.querySelector<HTMLInputElement>('#typed')!.focus();
    await type('G H');
    await press('Tab');

    // The first submit reaches the real server, which stores it; its response is lost on the way back.
    const original = window.fetch;
    const attempts: { key: string; submissionId?: string }[] = [];
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      if (!String(input).includes('intake.submit')) return response;
      const attempt: { key: string; submissionId?: string } = {
        key: (init?.headers as Record<string, string>)['idempotency-key']!,
      };
      attempts.push(attempt);
      if (attempts.length === 1) throw new TypeError('Failed to fetch');
      const [envelope] = (await response.clone().json()) as {
        result: { data: { submissionId: string } };
      }[];
      attempt.submissionId = envelope!.result.data.submissionId;
      return response;
    };
    requests = { sent: [], restore: () => (window.fetch = original) };
    button(el, 'Submit').click();
    await waitUntil(
      () => el.shadowRoot!.textContent!.includes('Your form was not sent'),
      'no failure notice',
      { timeout: 10_000 },
    );
    expect(el.phase.kind).to.equal('ready');
    button(el, 'Submit').click();
    await waitUntil(() => el.phase.kind === 'submitted', 'retry not submitted', {
      timeout: 10_000,
    });
    expect(attempts).to.have.length(2);
    expect(attempts[1]!.key).to.equal(attempts[0]!.key);
    expect(el.phase).to.deep.equal({ kind: 'submitted', submissionId: attempts[1]!.submissionId });
  });
});
