import type { Facets } from '../../../../shared/api/contract';

type Category = Facets['categories'][number];

export interface CategoryNode {
  title: string;
  value: number;
  key: number;
  count: number;
  children?: CategoryNode[];
}

/**
 * Builds the category tree (up to 3 levels) from the flat facet list via parentId. Nodes whose
 * parent is missing become roots, so no category is ever hidden.
 */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>();
  for (const c of categories) nodes.set(c.id, { title: c.name, value: c.id, key: c.id, count: c.count });
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id);
    if (!node) continue;
    const parent = c.parentId !== null && c.parentId !== c.id ? nodes.get(c.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
