import { isAnswered, type FormAnswers } from './answers.js';
import { evaluateCondition, lookupIn, type AnswerLookup } from './conditions-evaluate.js';
import { formItems, type FormDefinition, type FormPage } from './definition.js';
import { isFormField, type FormField, type FormItem } from './items.js';

type AnswersInput = Readonly<Record<string, unknown>>;

/**
 * True when the item's own `visibleWhen` holds for `answers`.
 *
 * This looks at the item alone. When a condition refers to a field that is
 * itself hidden, that field's answer must not count: pass
 * `effectiveAnswers(definition, answers)` (or use {@link visibleFields}),
 * as the server does.
 */
export function isVisible(item: FormItem, answers: AnswersInput): boolean {
  return item.visibleWhen === undefined || evaluateCondition(item.visibleWhen, answers);
}

/**
 * True when a visible field must be answered: `required`, or `requiredWhen`
 * holds. Hidden fields and static items are never required. Pass effective
 * answers, as for {@link isVisible}.
 */
export function isRequired(item: FormItem, answers: AnswersInput): boolean {
  if (!isFormField(item) || !isVisible(item, answers)) return false;
  if (item.required === true) return true;
  return item.requiredWhen !== undefined && evaluateCondition(item.requiredWhen, answers);
}

/**
 * Computes visibility of every item with hiding cascaded: a condition on a
 * hidden field sees no answer. In a cycle of conditions (which the
 * definition schema rejects) the reference that closes the cycle sees no
 * answer, so evaluation always terminates.
 */
export function visibilityOf(
  definition: FormDefinition,
  answers: AnswersInput,
): (itemId: string) => boolean {
  const byId = new Map<string, FormItem>(formItems(definition).map((item) => [item.id, item]));
  const raw = lookupIn(answers);
  const state = new Map<string, boolean | 'pending'>();
  const lookup: AnswerLookup = (fieldId) => (visible(fieldId) ? raw(fieldId) : undefined);

  function visible(itemId: string): boolean {
    const known = state.get(itemId);
    if (known === 'pending') return false;
    if (known !== undefined) return known;
    const item = byId.get(itemId);
    if (item === undefined) return false;
    state.set(itemId, 'pending');
    const result = item.visibleWhen === undefined || evaluateCondition(item.visibleWhen, lookup);
    state.set(itemId, result);
    return result;
  }
  return visible;
}

/**
 * The answers that count: answered fields that are visible after cascading.
 * Answers to hidden or unknown fields are left out; values are not checked
 * (use {@link validateAnswers} for that).
 */
export function effectiveAnswers(definition: FormDefinition, answers: AnswersInput): FormAnswers {
  const visible = visibilityOf(definition, answers);
  const result: Record<string, unknown> = {};
  for (const item of formItems(definition)) {
    if (!isFormField(item) || !Object.hasOwn(answers, item.id)) continue;
    const value = answers[item.id];
    if (isAnswered(value) && visible(item.id)) result[item.id] = value;
  }
  return result as FormAnswers;
}

/** Fields currently shown, in document order, with hiding cascaded. */
export function visibleFields(definition: FormDefinition, answers: AnswersInput): FormField[] {
  const visible = visibilityOf(definition, answers);
  return formItems(definition).filter(
    (item): item is FormField => isFormField(item) && visible(item.id),
  );
}

/** Items (fields and static content) currently shown, in document order. */
export function visibleItems(definition: FormDefinition, answers: AnswersInput): FormItem[] {
  const visible = visibilityOf(definition, answers);
  return formItems(definition).filter((item) => visible(item.id));
}

/**
 * Pages to show, so navigation can skip pages whose fields are all hidden.
 * A page with fields is shown when one of them is visible; a page of static
 * content only (a welcome page) when one of its items is visible.
 */
export function visiblePages(definition: FormDefinition, answers: AnswersInput): FormPage[] {
  const visible = visibilityOf(definition, answers);
  return definition.pages.filter((page) => {
    const fields = page.items.filter(isFormField);
    const candidates = fields.length > 0 ? fields : page.items;
    return candidates.some((item) => visible(item.id));
  });
}
