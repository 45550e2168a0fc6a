/**
 * Category crosswalk suggestions: rank the nodes of the unified tree for a source category label.
 * Exact name/path matches first (score 1), then a fuzzy score: the mean of character-bigram and
 * character Dice similarity (bigrams alone punish one changed character in a 4-character Chinese label:
 * '噪音扰民' vs '噪声扰民'), compared label ↔ name, label ↔ path and last label level ↔ name.
 */
import { splitCategoryPath } from './category-path';
import { toHalfWidth } from './text';

export interface CategoryNode { id: number; name: string; path: string[] }
export interface CategorySuggestion { id: number; score: number; method: 'exact' | 'fuzzy' }

interface Grams { bi: number[]; uni: number[] }
interface Prepared { id: number; nameKey: string; pathKey: string; segKeys: string[]; name: Grams; path: Grams }

/** Letters, digits and ideographs only, lower-case, half-width. */
function keyOf(s: string): string {
  const t = toHalfWidth(s).toLowerCase();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x3400 && c < 0xfe30)) out += t[i];
  }
  return out;
}

function uniqueSorted(a: number[]): number[] {
  a.sort((x, y) => x - y);
  let w = 0;
  for (let r = 0; r < a.length; r++) if (r === 0 || a[r] !== a[r - 1]) a[w++] = a[r];
  a.length = w;
  return a;
}

function gramsOf(key: string): Grams {
  const bi: number[] = [];
  const uni: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    uni.push(c);
    if (i + 1 < key.length) bi.push(c * 65536 + key.charCodeAt(i + 1));
  }
  return { bi: uniqueSorted(bi), uni: uniqueSorted(uni) };
}

function dice(a: number[], b: number[]): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let i = 0; let j = 0; let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return (2 * inter) / total;
}

/** Similarity in [0, 1] of two gram sets. */
function similarity(a: Grams, b: Grams): number {
  if (a.bi.length === 0 || b.bi.length === 0) return dice(a.uni, b.uni) * 0.8;
  return (dice(a.bi, b.bi) + dice(a.uni, b.uni)) / 2;
}

/** Fuzzy scores below this (a shared character or two) are noise and left out. */
const MIN_FUZZY = 0.2;

const prepared = new WeakMap<readonly CategoryNode[], Prepared[]>();

function prepare(tree: readonly CategoryNode[]): Prepared[] {
  let p = prepared.get(tree);
  if (p) return p;
  p = tree.map((n) => {
    const segKeys = n.path.map(keyOf);
    const nameKey = keyOf(n.name);
    const pathKey = segKeys.join('');
    return { id: n.id, nameKey, pathKey, segKeys, name: gramsOf(nameKey), path: gramsOf(pathKey || nameKey) };
  });
  prepared.set(tree, p);
  return p;
}

/** True when `label` levels equal the last levels of the node's path. */
function pathEndsWith(segKeys: string[], labelSegs: string[]): boolean {
  if (labelSegs.length > segKeys.length) return false;
  const off = segKeys.length - labelSegs.length;
  for (let i = 0; i < labelSegs.length; i++) if (segKeys[off + i] !== labelSegs[i]) return false;
  return true;
}

/**
 * The `k` best nodes of `tree` for a source label, best first. Nodes scoring below 0.2 are left out. The tree is
 * prepared once per array (kept in a WeakMap), so calling this for many labels on one tree is cheap.
 */
export function suggestCategories(label: string, tree: readonly CategoryNode[], k = 3): CategorySuggestion[] {
  const segs = (splitCategoryPath(label) ?? [label]).map(keyOf).filter((s) => s !== '');
  if (segs.length === 0 || k <= 0) return [];
  const fullKey = segs.join('');
  const lastKey = segs[segs.length - 1];
  const full = gramsOf(fullKey);
  const last = segs.length > 1 ? gramsOf(lastKey) : full;
  const out: CategorySuggestion[] = [];
  for (const n of prepare(tree)) {
    const exact = fullKey === n.pathKey || (segs.length === 1 ? lastKey === n.nameKey : pathEndsWith(n.segKeys, segs));
    if (exact) { out.push({ id: n.id, score: 1, method: 'exact' }); continue; }
    let s = similarity(full, n.path);
    const sn = similarity(full, n.name);
    if (sn > s) s = sn;
    if (segs.length > 1) {
      const sl = similarity(last, n.name) * 0.98;
      if (sl > s) s = sl;
    }
    if (s >= MIN_FUZZY) out.push({ id: n.id, score: Math.min(0.99, Math.round(s * 1000) / 1000), method: 'fuzzy' });
  }
  out.sort((a, b) => b.score - a.score || a.id - b.id);
  return out.slice(0, k);
}
