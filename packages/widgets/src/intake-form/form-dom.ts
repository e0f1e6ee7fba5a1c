// Small DOM steps the intake form takes after rendering.
import type { FieldErrors } from '@therapycrm/plugin-sdk/forms';
import type { TcrmField } from '../fields/field.js';

/** Shows `errors` on the field elements in `root` (and clears the others). */
export function showFieldErrors(root: ParentNode, errors: FieldErrors): void {
  for (const el of root.querySelectorAll<TcrmField<unknown>>('[name]')) {
    if ('setErrors' in el) el.setErrors(errors[el.name] ?? []);
  }
}

/** Focuses the element matching `selector` once it has rendered its controls. */
export function focusWhenReady(root: ParentNode, selector: string): void {
  const target = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(selector);
  // A field rendered in this update has no controls until its own first update.
  void Promise.resolve(target?.updateComplete).then(() => target?.focus());
}
