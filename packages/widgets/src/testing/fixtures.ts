import { fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define.js';

/** Renders `template` and waits for every tcrm element in it to finish updating. */
export async function render<T extends Element>(template: TemplateResult): Promise<T> {
  const root = await fixture<T>(template);
  await settle(root);
  return root;
}

/** Waits for the pending updates of `root` and every Lit element below it, across shadow roots. */
export async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const elements = [root, ...deepQueryAll(root, '*')] as (Element & {
      updateComplete?: Promise<unknown>;
    })[];
    await Promise.all(elements.map((el) => el.updateComplete));
  }
}

/** querySelectorAll that also looks inside open shadow roots. */
export function deepQueryAll(root: Element | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) found.push(el);
    if (el.shadowRoot) found.push(...deepQueryAll(el.shadowRoot, selector));
  }
  return found;
}

/** The element that really has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Real key presses through the browser (CDP), one after another. */
export async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** Types text with real key events into whatever has focus. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Ctrl+A: selects all text in the focused input, so typing replaces it. */
export async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}
