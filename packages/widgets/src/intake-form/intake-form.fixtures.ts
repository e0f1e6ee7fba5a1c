// Shared by the intake-form browser tests: their own form definitions,
// published on the real test server (test-server/), and helpers to mount the
// element against it. Nothing here stands in for the server.
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import type { FormDefinition } from '@therapycrm/plugin-sdk/forms';
import { deepQueryAll, render, settle } from '../testing/fixtures.js';
import type { TcrmIntakeForm } from './intake-form.js';
import './define.js';

/** Three pages: names (for the submission's client), a conditional question, a signature. */
export const threePageForm: Omit<FormDefinition, 'version'> = {
  title: { en: 'Intake', es: 'Admisión' },
  pages: [
    {
      id: 'you',
      title: { en: 'About you', es: 'Sobre usted' },
      items: [
        {
          type: 'text',
          id: 'first_name',
          label: { en: 'First name', es: 'Nombre' },
          required: true,
          prefillKey: 'client.firstName',
        },
        {
          type: 'text',
          id: 'last_name',
          label: { en: 'Last name', es: 'Apellido' },
          required: true,
          prefillKey: 'client.lastName',
        },
        {
          type: 'email',
          id: 'email',
          label: { en: 'E-mail', es: 'Correo' },
          required: true,
          prefillKey: 'client.email',
        },
      ],
    },
    {
      id: 'visit',
      title: { en: 'Your visit', es: 'Su consulta' },
      items: [
        {
          type: 'yes_no',
          id: 'seen_before',
          label: { en: 'Seen a therapist before?', es: '¿Ha visto a un terapeuta?' },
          required: true,
        },
        {
          type: 'text',
          id: 'previous_therapist',
          label: { en: 'Who did you see?', es: '¿A quién vio?' },
          visibleWhen: { field: 'seen_before', op: 'eq', value: true },
          requiredWhen: { field: 'seen_before', op: 'eq', value: true },
        },
      ],
    },
    {
      id: 'sign',
      title: { en: 'Consent', es: 'Consentimiento' },
      items: [
        {
          type: 'static_text',
          id: 'consent',
          text: { en: 'I agree to treatment.', es: 'Acepto el tratamiento.' },
        },
        {
          type: 'signature',
          id: 'signature',
          label: { en: 'Signature', es: 'Firma' },
          required: true,
        },
      ],
    },
  ],
};

/** One page holding every item type. */
export const everyTypeForm: Omit<FormDefinition, 'version'> = {
  title: 'Every question type',
  pages: [
    {
      id: 'all',
      items: [
        { type: 'section', id: 'intro', title: 'Section heading', description: 'Section text' },
        { type: 'static_text', id: 'note', text: 'First paragraph.\n\nSecond paragraph.' },
        { type: 'text', id: 'text', label: 'Text' },
        { type: 'long_text', id: 'long_text', label: 'Long text' },
        { type: 'email', id: 'email', label: 'E-mail' },
        { type: 'phone', id: 'phone', label: 'Phone' },
        { type: 'date', id: 'date', label: 'Date', maxDate: 'today' },
        { type: 'number', id: 'number', label: 'Number', min: 0, max: 10 },
        {
          type: 'single_choice',
          id: 'single',
          label: 'Single',
          options: [
            { value: 1, label: 'One' },
            { value: 2, label: 'Two' },
          ],
        },
        {
          type: 'multi_choice',
          id: 'multi',
          label: 'Multi',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        { type: 'yes_no', id: 'yes_no', label: 'Yes or no' },
        {
          type: 'likert',
          id: 'likert',
          label: 'Likert',
          rows: [{ id: 'r1', label: 'Row one' }],
          scale: [
            { value: 0, label: 'Never' },
            { value: 1, label: 'Often' },
          ],
        },
        { type: 'address', id: 'address', label: 'Address', countries: ['US'] },
        { type: 'signature', id: 'signature', label: 'Signature' },
        {
          type: 'file_upload',
          id: 'file',
          label: 'File',
          accept: ['image/png', 'application/pdf'],
          maxBytes: 100_000,
        },
      ],
    },
  ],
};

/** Publishes `definition` under `key` on the test server (once) and returns the practice's publishable key. */
export async function publish(
  key: string,
  definition: Omit<FormDefinition, 'version'>,
): Promise<string> {
  // wtr gives a command 20 s; a cold server on a busy machine can take longer
  // to start, and keeps starting in the background, so ask again.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await executeServerCommand('tcrm-server', {
        op: 'publishForm',
        key,
        definition,
      });
      return (result as { publishableKey: string }).publishableKey;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('within')) throw error;
    }
  }
}

/** Mounts the form against the test server (same origin, proxied) and waits until it leaves `loading`. */
export async function mountForm(
  formKey: string,
  publishableKey: string,
  extra: { locale?: string; resumeToken?: string } = {},
) {
  const el = await render<TcrmIntakeForm>(
    html`<tcrm-intake-form
      form-key=${formKey}
      publishable-key=${publishableKey}
      api-url=${location.origin}
      locale=${extra.locale ?? 'en'}
      resume-token=${extra.resumeToken ?? ''}
    ></tcrm-intake-form>`,
  );
  await waitUntil(() => el.phase.kind !== 'loading', 'form did not load', { timeout: 10_000 });
  await settle(el);
  return el;
}

/** The first element matching `selector` inside the form, across shadow roots. */
export function find<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found =
    el.shadowRoot!.querySelector<T>(selector) ??
    (deepQueryAll(el.shadowRoot!, selector)[0] as T | undefined);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** A button of the form by its visible text. */
export function button(el: Element, text: string): HTMLButtonElement {
  const match = deepQueryAll(el.shadowRoot!, 'button').find((b) => b.textContent?.trim() === text);
  if (!match) throw new Error(`no button "${text}"`);
  return match as HTMLButtonElement;
}

/** The current page heading's text. */
export const pageTitle = (el: Element) =>
  el.shadowRoot!.querySelector('#page-title')?.textContent?.trim();
