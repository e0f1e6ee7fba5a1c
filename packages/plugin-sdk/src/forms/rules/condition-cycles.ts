import { forEachFieldCondition } from '../condition.js';
import type { FormDefinition } from '../definition.js';
import type { ReportIssue } from './definition-issue.js';
import { locatedItems } from './located-items.js';

/**
 * Visibility conditions must not form a cycle (A shown when B answered, B
 * shown when A answered): such a form could never be filled consistently.
 * `requiredWhen` is left out: requiredness never feeds back into visibility,
 * so "A required when B answered, B required when A answered" is legitimate.
 * Self-references are reported by the reference rules.
 */
export function checkConditionCycles(definition: FormDefinition, report: ReportIssue): void {
  const located = locatedItems(definition);
  const edges = new Map<string, string[]>();
  for (const { item } of located) {
    const targets: string[] = [];
    if (item.visibleWhen !== undefined) {
      forEachFieldCondition(item.visibleWhen, (leaf) => {
        if (leaf.field !== item.id) targets.push(leaf.field);
      });
    }
    edges.set(item.id, targets);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const pathOf = new Map(located.map(({ item, path }) => [item.id, path]));

  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'visiting');
    for (const next of edges.get(id) ?? []) {
      const nextState = state.get(next);
      if (nextState === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(next)), id, next];
        if (!reported.has(id)) {
          reported.add(id);
          report(
            [...(pathOf.get(id) ?? []), 'visibleWhen'],
            'condition_cycle',
            `Visibility conditions form a cycle: ${cycle.join(' → ')}`,
          );
        }
      } else if (nextState === undefined && edges.has(next)) {
        visit(next, [...trail, id]);
      }
    }
    state.set(id, 'done');
  };
  for (const { item } of located) if (!state.has(item.id)) visit(item.id, []);
}
