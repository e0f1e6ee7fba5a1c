import { isFormField, type FormField, type FormItem } from './items.js';
import type { LocalizedText } from './localized-text.js';

/** One page of a multi-page form. */
export interface FormPage {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly items: readonly FormItem[];
}

/**
 * A versioned intake form definition, shared by the widget, the server and
 * plugins. A submission records `id` and `version`; a changed form gets a new
 * version so old submissions keep their meaning.
 */
export interface FormDefinition {
  readonly id?: string;
  /** Revision number, starting at 1. */
  readonly version: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly defaultLocale?: string;
  readonly pages: readonly FormPage[];
}

/** Every item of `definition` in document order. */
export function formItems(definition: FormDefinition): FormItem[] {
  return definition.pages.flatMap((page) => page.items);
}

/** Every answerable field of `definition` in document order. */
export function formFields(definition: FormDefinition): FormField[] {
  return formItems(definition).filter(isFormField);
}
