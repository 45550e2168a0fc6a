import { describe, expect, it } from 'vitest';
import {
  branchIds, buildTaxTree, crosswalkCoverage, filterCrosswalk, filterTaxTree, pathNames, type CrosswalkEntry, type TaxNode,
} from '../../../renderer/src/features/import/taxonomy/taxonomy-tree';

const NODES: TaxNode[] = [
  { id: 1, parentId: null, level: 1, code: '01', name: '城市管理', records: 120 },
  { id: 2, parentId: 1, level: 2, code: '0102', name: '市容环境', records: 70 },
  { id: 3, parentId: 1, level: 2, code: '0101', name: '道路交通', records: 50 },
  { id: 4, parentId: 2, level: 3, code: '010201', name: '占道经营', records: 40 },
  { id: 5, parentId: null, level: 1, code: '02', name: '市场监管', records: 30 },
  { id: 6, parentId: 99, level: 2, code: '9901', name: '孤儿节点', records: 0 },
];

describe('taxonomy tree helpers', () => {
  it('builds the forest in code order; orphans become roots', () => {
    const tree = buildTaxTree(NODES);
    expect(tree.map((n) => n.name)).toEqual(['城市管理', '市场监管', '孤儿节点']);
    expect(tree[0].children.map((n) => n.name)).toEqual(['道路交通', '市容环境']);
    expect(tree[0].children[1].children[0].name).toBe('占道经营');
    expect(branchIds(tree)).toEqual([1, 2]);
  });

  it('filters by name, keeping ancestors', () => {
    const shown = filterTaxTree(buildTaxTree(NODES), '占道');
    expect(shown.map((n) => n.name)).toEqual(['城市管理']);
    expect(shown[0].children.map((n) => n.name)).toEqual(['市容环境']);
    expect(filterTaxTree(buildTaxTree(NODES), '  ')).toHaveLength(3);
  });

  it('gives the path of a node', () => {
    expect(pathNames(NODES)(4)).toBe('城市管理 / 市容环境 / 占道经营');
    expect(pathNames(NODES)(404)).toBe('');
  });

  it('filters the crosswalk (unmapped only, search) and measures coverage', () => {
    const entries: CrosswalkEntry[] = [
      { label: '城管 / 占道', records: 10, categoryId: 4, method: 'manual', suggestions: [] },
      { label: '噪音扰民', records: 30, categoryId: null, method: null, suggestions: [{ id: 2, score: 0.6, method: 'name' }] },
      { label: '价格欺诈', records: 5, categoryId: null, method: null, suggestions: [] },
    ];
    expect(filterCrosswalk(entries, { unmappedOnly: false, query: '' }).map((e) => e.label)).toEqual(['噪音扰民', '城管 / 占道', '价格欺诈']);
    expect(filterCrosswalk(entries, { unmappedOnly: true, query: '' }).map((e) => e.label)).toEqual(['噪音扰民', '价格欺诈']);
    expect(filterCrosswalk(entries, { unmappedOnly: false, query: '占道' }).map((e) => e.label)).toEqual(['城管 / 占道']);
    expect(crosswalkCoverage(entries)).toEqual({ labels: 3, mapped: 1, records: 45, mappedRecords: 10 });
  });
});
