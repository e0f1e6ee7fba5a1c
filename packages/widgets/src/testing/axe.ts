// axe-core ships as a UMD script; imported for its side effect it sets window.axe.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** WCAG 2.0–2.2 A and AA rules plus best practices, as the product promises AA. */
const options: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  // A fixture is a fragment, not a page: page-level landmark rules do not apply.
  rules: {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
  },
};

/** Violations found by axe inside `element`, formatted for an assertion message. */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await window.axe.run(element, options);
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
  );
}
