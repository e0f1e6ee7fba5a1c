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

export { everyTypeForm, threePageForm } from './intake-form.samples.js';

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
