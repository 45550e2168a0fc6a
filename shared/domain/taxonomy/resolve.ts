/** Unifies a source's category labels onto the project's tree: crosswalk first, then exact path, then a unique name. */

export interface TreeNode { id: number; parentId: number | null; level: number; name: string }
export interface UnifiedCategory { cat1: number | null; cat2: number | null; cat3: number | null; method: 'crosswalk' | 'path' | 'name' }

const norm = (s: string) => s.trim().replace(/\s+/g, '').toLowerCase();

export interface CategoryResolver {
  resolve(labels: readonly (string | null)[], original: string | null): UnifiedCategory | null;
  /** Expands one node into its level ids (ancestors included). */
  expand(nodeId: number): { cat1: number | null; cat2: number | null; cat3: number | null } | null;
}

export function createCategoryResolver(tree: readonly TreeNode[], crosswalk: ReadonlyMap<string, { categoryId: number | null }>): CategoryResolver {
  const byId = new Map(tree.map((n) => [n.id, n]));
  const childByName = new Map<string, number>(); // `${parentId}|${name}` → id
  const byName = new Map<string, number[]>();
  for (const n of tree) {
    childByName.set(`${n.parentId ?? 0}|${norm(n.name)}`, n.id);
    const k = norm(n.name);
    byName.set(k, [...(byName.get(k) ?? []), n.id]);
  }
  const expand = (id: number) => {
    const out = { cat1: null as number | null, cat2: null as number | null, cat3: null as number | null };
    let cur = byId.get(id);
    if (!cur) return null;
    for (let guard = 0; cur && guard < 5; guard++) {
      if (cur.level === 1) out.cat1 = cur.id; else if (cur.level === 2) out.cat2 = cur.id; else if (cur.level === 3) out.cat3 = cur.id;
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    return out;
  };
  const cache = new Map<string, UnifiedCategory | null>();
  return {
    expand,
    resolve(labels, original) {
      const key = `${original ?? ''}\u0001${labels.join('\u0001')}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let result: UnifiedCategory | null = null;
      const cw = original ? crosswalk.get(original) : undefined;
      if (cw) {
        const e = cw.categoryId === null ? null : expand(cw.categoryId);
        result = e ? { ...e, method: 'crosswalk' } : null;
      } else {
        const present = labels.filter((l): l is string => !!l && l.trim() !== '');
        let parent = 0;
        let last: number | null = null;
        for (const l of present) {
          const id = childByName.get(`${parent}|${norm(l)}`);
          if (id === undefined) { last = null; break; }
          last = id; parent = id;
        }
        if (last !== null && present.length > 0) {
          const e = expand(last);
          result = e ? { ...e, method: 'path' } : null;
        } else if (present.length > 0) {
          // A unique name, but only where the given upper level (if any) agrees with the node's own ancestry.
          const ids = byName.get(norm(present[present.length - 1]));
          const consistent = (id: number) => {
            if (present.length < 2) return true;
            const top = expand(id)?.cat1;
            return top !== null && top !== undefined && norm(byId.get(top)!.name) === norm(present[0]);
          };
          if (ids && ids.length === 1 && consistent(ids[0])) {
            const e = expand(ids[0]);
            result = e ? { ...e, method: 'name' } : null;
          }
        }
      }
      cache.set(key, result);
      return result;
    },
  };
}
