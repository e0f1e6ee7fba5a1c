// The console's parts that need no server: the live form preview (axe first,
// then its conditions), hash routes, the embed snippet and origin parsing,
// and the Spanish catalogue.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { settle } from '../testing/fixtures.js';
import { ConsoleStrings } from './i18n/strings.js';
import { consoleEn } from './i18n/en.js';
import { consoleEs } from './i18n/es.js';
import { parseRoute, routeHash } from './route.js';
import { embedSnippet, parseOrigins } from './views/embed-snippet.js';
import type { ConsoleFormPreview } from './views/form-preview.js';
import { formatAnswer, type AnswerContext } from './views/answer-format.js';
import { render as litRender } from 'lit';
import type { FormField } from '@therapycrm/plugin-sdk/forms';
import './define.js';

const definition = {
  version: 1,
  title: { en: 'Intake', es: 'Admisión' },
  pages: [
    {
      id: 'p1',
      items: [
        { type: 'section', id: 's1', title: 'About you' },
        { type: 'text', id: 'name', label: { en: 'Name', es: 'Nombre' }, required: true },
        { type: 'yes_no', id: 'meds', label: 'Taking medication?' },
        {
          type: 'long_text',
          id: 'which',
          label: 'Which ones?',
          visibleWhen: { field: 'meds', op: 'eq', value: true },
        },
        {
          type: 'single_choice',
          id: 'contact',
          label: 'Contact by',
          options: [
            { value: 'email', label: 'E-mail' },
            { value: 'phone', label: 'Phone' },
          ],
        },
      ],
    },
  ],
};

async function preview(locale = 'en', value: unknown = definition): Promise<ConsoleFormPreview> {
  const strings = await ConsoleStrings.load(locale);
  const element = await fixture<ConsoleFormPreview>(
    html`<tcrm-console-form-preview
      .definition=${value}
      .strings=${strings}
    ></tcrm-console-form-preview>`,
  );
  await settle(element);
  return element;
}

describe('console form preview', () => {
  it('has no axe violations', async () => {
    expect(await axeViolations(await preview())).to.deep.equal([]);
  });

  it('renders the widget fields, localised, and applies conditions as the client answers', async () => {
    const element = await preview('es');
    const root = element.shadowRoot!;
    expect(root.querySelector('tcrm-text-field')!.label).to.equal('Nombre');
    expect(root.querySelector('h3')!.textContent).to.equal('Admisión');
    const which = root.querySelector<HTMLElement>('[data-item-id="which"]')!;
    expect(which.hidden).to.equal(true);
    const yesNo = root.querySelector('tcrm-yes-no')!;
    yesNo.shadowRoot!.querySelector<HTMLInputElement>('input[value="yes"]')!.click();
    await waitUntil(() => !which.hidden, 'shown after yes');
    yesNo.shadowRoot!.querySelector<HTMLInputElement>('input[value="no"]')!.click();
    await waitUntil(() => which.hidden, 'hidden again after no');
  });

  it('says the preview is unavailable for JSON that is not a form, instead of throwing', async () => {
    const element = await preview('en', { pages: 'nope' });
    expect(element.shadowRoot!.textContent).to.contain(
      'The preview appears when the definition has pages.',
    );
  });
});

describe('console routes', () => {
  const id = '0b6f3c1e-6f1a-4c55-9a55-2f1d2b3c4d5e';
  it('parses hashes and falls back to the new inbox', () => {
    expect(parseRoute(`#/submissions/${id}`)).to.deep.equal({ name: 'submission', id });
    expect(parseRoute('#/inbox?status=reviewed')).to.deep.equal({
      name: 'inbox',
      status: 'reviewed',
    });
    expect(parseRoute('#/inbox?status=bogus')).to.deep.equal({ name: 'inbox', status: 'new' });
    expect(parseRoute('#/submissions/not-an-id')).to.deep.equal({ name: 'inbox', status: 'new' });
    expect(parseRoute('')).to.deep.equal({ name: 'inbox', status: 'new' });
    expect(parseRoute(`#/forms/${id}`)).to.deep.equal({ name: 'form', id });
  });

  it('writes back what it parses', () => {
    for (const hash of [
      '#/sign-in',
      '#/inbox',
      '#/inbox?status=all',
      `#/submissions/${id}`,
      '#/forms',
      `#/forms/${id}`,
      '#/settings',
    ]) {
      expect(routeHash(parseRoute(hash))).to.equal(hash);
    }
  });
});

describe('embed snippet and origins', () => {
  it('escapes attribute values and trims the server address', () => {
    expect(embedSnippet('https://crm.example.org/', 'a"b', 'pk_<x>')).to.equal(
      '<script type="module" src="https://crm.example.org/widgets/tcrm-widgets.js"></script>\n' +
        '<tcrm-intake-form form-key="a&quot;b" publishable-key="pk_&lt;x&gt;" api-url="https://crm.example.org"></tcrm-intake-form>',
    );
  });

  it('accepts bare origins only, one per line, without duplicates', () => {
    expect(
      parseOrigins('https://a.example\n\nhttp://localhost:8080\nhttps://a.example'),
    ).to.deep.equal({
      origins: ['https://a.example', 'http://localhost:8080'],
      invalid: [],
    });
    expect(parseOrigins('https://a.example/path\nftp://b.example\nnope').invalid).to.deep.equal([
      'https://a.example/path',
      'ftp://b.example',
      'nope',
    ]);
  });
});

describe('console strings', () => {
  it('has every English key in Spanish, each translated', () => {
    expect(Object.keys(consoleEs).sort()).to.deep.equal(Object.keys(consoleEn).sort());
    const same = Object.keys(consoleEn).filter(
      (k) => consoleEs[k as keyof typeof consoleEn] === consoleEn[k as keyof typeof consoleEn],
    );
    // Words that are the same in both languages.
    expect(same.sort()).to.deep.equal(
      ['role.auditor', 'settings.kindPublishable'].filter((k) => same.includes(k)).sort(),
    );
  });

  it('formats times in the practice timezone and falls back to English for other languages', () => {
    const strings = new ConsoleStrings('en-US');
    expect(strings.dateTime('2026-03-01T15:00:00Z', 'America/New_York')).to.equal(
      'Mar 1, 2026, 10:00 AM',
    );
    expect(new ConsoleStrings('de').t('signIn.title')).to.equal('Sign in');
  });
});

describe('answer formatting', () => {
  const strings = new ConsoleStrings('en-US');
  const ctx: AnswerContext = {
    strings,
    fallbackLocale: 'en',
    files: [
      {
        id: '11111111-1111-4111-8111-111111111111',
        fieldId: 'card',
        fileName: 'card.pdf',
        url: '/files/11111111-1111-4111-8111-111111111111',
      },
    ],
  };
  const shown = (field: unknown, value: unknown) => {
    const container = document.createElement('div');
    litRender(html`${formatAnswer(field as FormField, value, ctx)}`, container);
    return container;
  };

  it('uses option and row labels, local dates and lists', () => {
    const options = [
      { value: 'a', label: { en: 'Anxiety', es: 'Ansiedad' } },
      { value: 'b', label: 'Sleep' },
    ];
    expect(
      shown({ type: 'multi_choice', id: 'm', label: 'M', options }, ['a', 'b']).textContent,
    ).to.equal('Anxiety and Sleep');
    expect(shown({ type: 'date', id: 'd', label: 'D' }, '2026-03-01').textContent).to.equal(
      'March 1, 2026',
    );
    expect(shown({ type: 'number', id: 'n', label: 'N', unit: 'hours' }, 7.5).textContent).to.equal(
      '7.5 hours',
    );
    const likert = shown(
      {
        type: 'likert',
        id: 'l',
        label: 'L',
        rows: [
          { id: 'r1', label: 'Little interest' },
          { id: 'r2', label: 'Feeling down' },
        ],
        scale: [
          { value: 0, label: 'Not at all' },
          { value: 3, label: 'Nearly every day' },
        ],
      },
      { r1: 3 },
    );
    expect([...likert.querySelectorAll('dd')].map((dd) => dd.textContent!.trim())).to.deep.equal([
      'Nearly every day',
      'No answer',
    ]);
  });

  it('links uploaded files by name to the audited file route', () => {
    const link = shown({ type: 'file_upload', id: 'card', label: 'Card' }, [
      '11111111-1111-4111-8111-111111111111',
    ]).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/files/11111111-1111-4111-8111-111111111111');
    expect(link.textContent).to.equal('Download card.pdf');
    expect(link.hasAttribute('download')).to.equal(true);
  });
});
