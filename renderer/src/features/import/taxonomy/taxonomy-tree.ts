/** A node of `taxonomy.tree`. */
export interface TaxNode { id: number; parentId: number | null; level: number; code: string; name: string; records: number }

export interface TaxItem { id: number; name: string; code: string; records: number; children: TaxItem[] }

/** Flat nodes → forest via parentId (orphans become roots), children in code order. */
export function buildTaxTree(nodes: readonly TaxNode[]): TaxItem[] {
  const items = new Map<number, TaxItem>();
  for (const n of nodes) items.set(n.id, { id: n.id, name: n.name, code: n.code, records: n.records, children: [] });
  const roots: TaxItem[] = [];
  for (const n of nodes) {
    const item = items.get(n.id)!;
    const parent = n.parentId !== null && n.parentId !== n.id ? items.get(n.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  const sort = (xs: TaxItem[]) => {
    xs.sort((a, b) => a.code.localeCompare(b.code));
    xs.forEach((x) => sort(x.children));
  };
  sort(roots);
  return roots;
}

/** Keeps the nodes whose name contains `query` (case-insensitive) and their ancestors. */
export function filterTaxTree(items: readonly TaxItem[], query: string): TaxItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const out: TaxItem[] = [];
  for (const it of items) {
    if (it.name.toLowerCase().includes(q)) {
      out.push(it);
      continue;
    }
    const kids = filterTaxTree(it.children, q);
    if (kids.length) out.push({ ...it, children: kids });
  }
  return out;
}

/** Ids of every node with children (to expand a filtered tree fully). */
export function branchIds(items: readonly TaxItem[]): number[] {
  const out: number[] = [];
  const walk = (xs: readonly TaxItem[]) => xs.forEach((x) => {
    if (x.children.length) {
      out.push(x.id);
      walk(x.children);
    }
  });
  walk(items);
  return out;
}

/** id → full path of names ("城市管理 / 市容环境 / 占道经营"). */
export function pathNames(nodes: readonly TaxNode[]): (id: number) => string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<number, string>();
  return (id) => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const names: string[] = [];
    let cur = byId.get(id);
    for (let guard = 0; cur && guard < 10; guard++) {
      names.unshift(cur.name);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    const p = names.join(' / ');
    memo.set(id, p);
    return p;
  };
}

export interface CrosswalkEntry {
  label: string;
  records: number;
  categoryId: number | null;
  method: string | null;
  suggestions: { id: number; score: number; method: string }[];
}

/** The crosswalk list filtered by "unmapped only" and a label search, most records first. */
export function filterCrosswalk(entries: readonly CrosswalkEntry[], opts: { unmappedOnly: boolean; query: string }): CrosswalkEntry[] {
  const q = opts.query.trim().toLowerCase();
  return entries
    .filter((e) => (!opts.unmappedOnly || e.categoryId === null) && (!q || e.label.toLowerCase().includes(q)))
    .sort((a, b) => b.records - a.records || a.label.localeCompare(b.label));
}

/** How many labels / records are mapped. */
export function crosswalkCoverage(entries: readonly CrosswalkEntry[]): { labels: number; mapped: number; records: number; mappedRecords: number } {
  let mapped = 0;
  let records = 0;
  let mappedRecords = 0;
  for (const e of entries) {
    records += e.records;
    if (e.categoryId !== null) {
      mapped++;
      mappedRecords += e.records;
    }
  }
  return { labels: entries.length, mapped, records, mappedRecords };
}
