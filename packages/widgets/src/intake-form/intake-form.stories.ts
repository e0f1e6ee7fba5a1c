import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';
import { everyTypeForm, threePageForm } from './intake-form.samples.js';
import './define.js';

// Storybook runs without a server: requests to this made-up origin are
// answered in the page with a sample form (drafts and submissions answer
// like the server would, without storing anything). The browser tests use
// the real server instead.
const DEMO_API = 'https://storybook.invalid';
const forms: Record<string, object> = {
  'sample-three-pages': threePageForm,
  'sample-every-type': everyTypeForm,
};
const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(String(input), location.href);
  if (url.origin !== DEMO_API) return realFetch(input, init);
  const calls = url.pathname.replace('/trpc/', '').split(',');
  const inputs = JSON.parse(url.searchParams.get('input') ?? String(init?.body ?? '{}')) as Record<
    string,
    { formKey?: string }
  >;
  const answer = (path: string, i: number) => {
    const key = inputs[i]?.formKey ?? '';
    if (path === 'intake.getPublishedForm' && forms[key]) {
      return {
        formKey: key,
        formVersionId: '00000000-0000-4000-8000-000000000000',
        version: 1,
        definition: { ...forms[key], version: 1 },
        prefill: {},
      };
    }
    if (path === 'intake.startDraft') return { resumeToken: 'tdr_storybook-sample-draft-token' };
    if (path === 'intake.saveDraft') return { savedAt: new Date().toISOString() };
    if (path === 'intake.submit') return { submissionId: crypto.randomUUID() };
    if (path === 'intake.uploadFile')
      return { fileId: crypto.randomUUID(), contentType: 'image/png', byteSize: 1024 };
    if (path === 'practice.publicProfile') return { name: 'Sample practice' };
    return undefined;
  };
  const body = calls.map((path, i) => {
    const data = answer(path, i);
    return data === undefined
      ? { error: { message: 'Not found', data: { appCode: 'NOT_FOUND' } } }
      : { result: { data } };
  });
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

const meta: Meta = {
  title: 'Intake form',
  component: 'tcrm-intake-form',
  args: { formKey: 'sample-three-pages' },
  argTypes: {
    formKey: {
      control: 'select',
      options: ['sample-three-pages', 'sample-every-type', 'no-such-form'],
    },
  },
};
export default meta;

const base: StoryObj = {
  render: (args, context) =>
    html`<tcrm-intake-form
      form-key=${String(args['formKey'])}
      publishable-key="pk_storybook"
      api-url=${DEMO_API}
      locale=${String(context.globals['locale'] ?? 'en')}
      appearance=${JSON.stringify({ theme: context.globals['theme'] ?? 'light' })}
    ></tcrm-intake-form>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
/** Every question type on one page. */
export const EveryType: StoryObj = {
  ...base,
  args: { formKey: 'sample-every-type' },
  globals: LIGHT,
};
/** An unknown form key: the not-found state. */
export const NotFound: StoryObj = { ...base, args: { formKey: 'no-such-form' }, globals: LIGHT };
