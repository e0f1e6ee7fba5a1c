// Forms and widget settings in the staff console, against the real test
// server (see console.test.ts for sign-in, session and inbox; the same
// one-file-at-a-time rule applies: the staff session is a shared cookie).
import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import {
  allByTestId,
  byTestId,
  find,
  fill,
  mountConsole,
  newStaff,
  server,
  signIn,
  text,
  type Fixture,
} from './testing/console-harness.js';

describe('staff console: forms and settings', () => {
  let seeded: Fixture;

  before(async function () {
    this.timeout(120_000);
    seeded = await server<Fixture>({ op: 'fixture' });
  });

  it('has no axe violations on the forms list', async function () {
    this.timeout(20_000);
    const app = await mountConsole({ hash: '#/forms' });
    await signIn(app, await newStaff('owner'));
    await find(app, 'forms-list');
    expect(byTestId(app, 'forms-list')!.textContent).to.contain(seeded.formKey);
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('creates a form, reports server-side definition issues, previews live conditions, saves and publishes', async function () {
    this.timeout(30_000);
    const app = await mountConsole({ hash: '#/forms' });
    await signIn(app, await newStaff('clinician'));
    const key = `console-test-${Date.now().toString(36)}`;
    await fill(await find(app, 'form-create-title'), 'Console test form');
    await fill(byTestId(app, 'form-create-key')!, key);
    byTestId(app, 'form-create-submit')!.click();
    const source = await find<HTMLTextAreaElement>(app, 'form-definition');
    expect(location.hash).to.match(/^#\/forms\/[0-9a-f-]{36}$/);
    await waitUntil(() => source.value.includes('first_name'), 'starter definition loaded');
    const edit = (json: string) => {
      source.value = json;
      source.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };

    edit('{ "pages": [');
    byTestId(app, 'form-save')!.click();
    await waitUntil(
      () => byTestId(app, 'form-issues')!.textContent!.includes('Not valid JSON'),
      'JSON error',
    );
    // Valid JSON, invalid definition (two questions with one id): only the server can say.
    const item = (id: string, label: string) => ({ type: 'text', id, label });
    edit(
      JSON.stringify({
        version: 1,
        title: 'T',
        pages: [{ id: 'p', items: [item('a', 'A'), item('a', 'B')] }],
      }),
    );
    byTestId(app, 'form-save')!.click();
    const issues = byTestId(app, 'form-issues')!;
    await waitUntil(
      () =>
        issues.querySelectorAll('li').length > 0 && !issues.textContent!.includes('Not valid JSON'),
      'server issues listed',
    );
    expect(source.getAttribute('aria-invalid')).to.equal('true');

    edit(
      JSON.stringify({
        version: 1,
        title: 'Console test form',
        pages: [
          {
            id: 'p1',
            items: [
              { type: 'yes_no', id: 'smoker', label: 'Do you smoke?' },
              {
                type: 'number',
                id: 'packs',
                label: 'Packs a day',
                visibleWhen: { field: 'smoker', op: 'eq', value: true },
              },
            ],
          },
        ],
      }),
    );
    const preview = byTestId(app, 'form-preview')!;
    await waitUntil(
      () =>
        preview
          .querySelector('tcrm-console-form-preview')
          ?.shadowRoot?.querySelector('[data-item-id="packs"]'),
      'preview rendered',
    );
    const previewRoot = preview.querySelector('tcrm-console-form-preview')!.shadowRoot!;
    const packs = previewRoot.querySelector<HTMLElement>('[data-item-id="packs"]')!;
    expect(packs.hidden).to.equal(true);
    previewRoot
      .querySelector('tcrm-yes-no')!
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="yes"]')!
      .click();
    await waitUntil(() => !packs.hidden, 'follow-up shown after "Yes"');

    byTestId(app, 'form-save')!.click();
    await waitUntil(() => text(byTestId(app, 'console-status')) === 'Saved version 1.', 'saved');
    expect(byTestId(app, 'form-issues')!.textContent!.trim()).to.equal('');
    const publish = byTestId<HTMLButtonElement>(app, 'form-publish')!;
    await waitUntil(() => !publish.disabled, 'save finished');
    publish.click();
    await waitUntil(
      () => byTestId(app, 'form-version-status')!.textContent!.includes('published version: 1'),
      'published',
    );
    expect(await axeViolations(app)).to.deep.equal([]);
  });

  it('manages publishable keys and their origins, and generates the embed snippet', async function () {
    this.timeout(30_000);
    const app = await mountConsole({ hash: '#/settings' });
    await signIn(app, await newStaff('owner'));
    await find(app, 'api-keys');
    expect(await axeViolations(app)).to.deep.equal([]);
    const snippetForm = await find<HTMLSelectElement>(app, 'snippet-form');
    snippetForm.value = seeded.formKey;
    snippetForm.dispatchEvent(new Event('change'));
    const keySelect = byTestId<HTMLSelectElement>(app, 'snippet-key')!;
    keySelect.value = seeded.publishableKey;
    keySelect.dispatchEvent(new Event('change'));
    await waitUntil(
      () =>
        byTestId<HTMLTextAreaElement>(app, 'embed-snippet')!.value.includes(
          `form-key="${seeded.formKey}"`,
        ),
      'snippet for the form',
    );
    expect(byTestId<HTMLTextAreaElement>(app, 'embed-snippet')!.value).to.equal(
      `<script type="module" src="${location.origin}/widgets/tcrm-widgets.js"></script>\n` +
        `<tcrm-intake-form form-key="${seeded.formKey}" publishable-key="${seeded.publishableKey}" api-url="${location.origin}"></tcrm-intake-form>`,
    );

    const label = `Site ${Date.now().toString(36)}`;
    await fill(byTestId(app, 'key-create-label')!, label);
    await fill(byTestId(app, 'key-create-origins')!, 'https://clinic.example');
    byTestId(app, 'key-create-submit')!.click();
    const rowOf = () => allByTestId(app, 'api-key-row').find((r) => r.textContent!.includes(label));
    await waitUntil(rowOf, 'new key listed');
    const origins = rowOf()!.querySelector<HTMLTextAreaElement>('[data-testid="key-origins"]')!;
    expect(origins.value).to.equal('https://clinic.example');

    await fill(origins, 'not an origin');
    rowOf()!.querySelector<HTMLButtonElement>('[data-testid="key-origins-save"]')!.click();
    await waitUntil(
      () => rowOf()!.querySelector('.error')!.textContent!.includes('must be an origin'),
      'refused before sending',
    );
    origins.value = 'https://clinic.example\nhttps://www.clinic.example';
    rowOf()!.querySelector<HTMLButtonElement>('[data-testid="key-origins-save"]')!.click();
    await waitUntil(
      () => text(byTestId(app, 'console-status')) === 'Allowed origins saved.',
      'saved',
    );
    // Read back from the server after the reload.
    await waitUntil(
      () =>
        rowOf()!.querySelector<HTMLTextAreaElement>('[data-testid="key-origins"]')!.value ===
        'https://clinic.example\nhttps://www.clinic.example',
      'stored',
    );

    rowOf()!.querySelector<HTMLButtonElement>('[data-testid="key-revoke"]')!.click();
    (await find(rowOf()!, 'key-revoke-confirm')).click();
    await waitUntil(
      () =>
        rowOf()!.textContent!.includes('Revoked') &&
        !rowOf()!.querySelector('[data-testid="key-origins"]'),
      'revoked',
    );
  });
});
