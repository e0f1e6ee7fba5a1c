import type { FormDefinition } from '../definition.js';
import type { FormItem } from '../items.js';

/** An item with its JSON path inside the definition. */
export interface LocatedItem {
  readonly item: FormItem;
  readonly path: readonly (string | number)[];
}

/** Every item of `definition` with its path, in document order. */
export function locatedItems(definition: FormDefinition): LocatedItem[] {
  return definition.pages.flatMap((page, pageIndex) =>
    page.items.map((item, itemIndex) => ({ item, path: ['pages', pageIndex, 'items', itemIndex] })),
  );
}
