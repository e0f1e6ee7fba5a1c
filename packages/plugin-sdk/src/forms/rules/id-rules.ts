import type { FormDefinition } from '../definition.js';
import type { ReportIssue } from './definition-issue.js';
import { locatedItems } from './located-items.js';

/** Page ids are unique among pages; item ids are unique across the whole form. */
export function checkUniqueIds(definition: FormDefinition, report: ReportIssue): void {
  const pageIds = new Set<string>();
  definition.pages.forEach((page, index) => {
    if (pageIds.has(page.id))
      report(['pages', index, 'id'], 'duplicate_id', `Page id "${page.id}" is used twice`);
    pageIds.add(page.id);
  });
  const itemIds = new Set<string>();
  for (const { item, path } of locatedItems(definition)) {
    if (itemIds.has(item.id))
      report(
        [...path, 'id'],
        'duplicate_id',
        `Item id "${item.id}" is used twice; ids must be unique across the form`,
      );
    itemIds.add(item.id);
  }
}
