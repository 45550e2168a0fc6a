import { useMemo, type ReactNode } from 'react';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFacets } from '../../state/facets';
import { buildCategoryTree, type CategoryNode } from './category-tree';

export interface Option { label: string; value: string; count: number }

/** An option's name with its record count on the right (dropdown rows only, not the selected tags). */
export function WithCount({ label, count }: { label: ReactNode; count: number | undefined }) {
  return (
    <Flex justify="space-between" gap={8}>
      <span>{label}</span>
      {count !== undefined && <span style={{ color: '#999' }}>{count.toLocaleString()}</span>}
    </Flex>
  );
}

/** TreeSelect node: `title` (with count) in the tree, `label` (plain name) in the selector and search. */
export interface CategoryTreeNode { title: ReactNode; label: string; value: number; key: number; children?: CategoryTreeNode[] }

function toTreeNodes(nodes: CategoryNode[]): CategoryTreeNode[] {
  return nodes.map((n) => ({
    title: <WithCount label={n.title} count={n.count} />,
    label: n.title,
    value: n.value,
    key: n.key,
    children: n.children ? toTreeNodes(n.children) : undefined,
  }));
}

/** Select options for the filter bar, derived from the project's facets. */
export function useFilterOptions() {
  const facets = useFacets((s) => s.facets);
  const { t } = useTranslation();
  return useMemo(() => {
    const named = (xs: readonly { name: string; count: number }[] | undefined): Option[] =>
      (xs ?? []).map((x) => ({ label: x.name, value: x.name, count: x.count }));
    return {
      sources: (facets?.sources ?? []).map((s) => ({ label: s.name, value: s.code, count: s.count })),
      categories: toTreeNodes(buildCategoryTree(facets?.categories ?? [])),
      districts: named(facets?.districts),
      departments: named(facets?.departments),
      statuses: (facets?.statuses ?? []).map((x) => ({ label: t(`status.${x.name}`, { defaultValue: x.name }), value: x.name, count: x.count })),
    };
  }, [facets, t]);
}
