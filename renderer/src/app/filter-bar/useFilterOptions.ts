import { useMemo } from 'react';
import { useFacets } from '../../state/facets';
import { buildCategoryTree } from './category-tree';

export interface Option { label: string; value: string; count: number }

/** Select options for the filter bar, derived from the project's facets. */
export function useFilterOptions() {
  const facets = useFacets((s) => s.facets);
  return useMemo(() => {
    const named = (xs: readonly { name: string; count: number }[] | undefined): Option[] =>
      (xs ?? []).map((x) => ({ label: x.name, value: x.name, count: x.count }));
    return {
      sources: (facets?.sources ?? []).map((s) => ({ label: s.name, value: s.code, count: s.count })),
      categories: buildCategoryTree(facets?.categories ?? []),
      districts: named(facets?.districts),
      departments: named(facets?.departments),
      statuses: named(facets?.statuses),
    };
  }, [facets]);
}
