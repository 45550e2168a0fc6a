/** Pure edits of a scheme tree for the editor (the AHP matrix follows the children it compares). */
import { group, indicator, walkScheme, type GroupNode, type Scheme, type SchemeNode } from '../../../../shared/domain/evaluation';

function mapTree(node: SchemeNode, fn: (n: SchemeNode) => SchemeNode): SchemeNode {
  const n = fn(node);
  return n.kind === 'group' ? { ...n, children: n.children.map((c) => mapTree(c, fn)) } : n;
}

export function updateNode(s: Scheme, id: string, fn: (n: SchemeNode) => SchemeNode): Scheme {
  return { ...s, root: mapTree(s.root, (n) => (n.id === id ? fn(n) : n)) as GroupNode };
}

export function parentOf(s: Scheme, id: string): GroupNode | null {
  return walkScheme(s.root).find((w) => w.node.id === id)?.parent ?? null;
}

/** A fresh id not used in the scheme. */
export function freshId(s: Scheme, prefix: string): string {
  const used = new Set(walkScheme(s.root).map((w) => w.node.id));
  for (let i = 1; ; i++) if (!used.has(`${prefix}-${i}`)) return `${prefix}-${i}`;
}

/** Adds a row and column of 1s (equal importance) for a new child. */
function growMatrix(m: number[][] | undefined): number[][] | undefined {
  if (!m) return m;
  return [...m.map((r) => [...r, 1]), Array.from({ length: m.length + 1 }, () => 1)];
}

function shrinkMatrix(m: number[][] | undefined, k: number): number[][] | undefined {
  if (!m) return m;
  return m.filter((_, i) => i !== k).map((r) => r.filter((_, j) => j !== k));
}

export function addChild(s: Scheme, parentId: string, kind: 'group' | 'indicator', names: { zh: string; en: string }): { scheme: Scheme; id: string } {
  const id = freshId(s, kind === 'group' ? 'dim' : 'ind');
  const child: SchemeNode = kind === 'group'
    ? group(id, names.zh, names.en, 1, [indicator(freshId(s, 'ind'), 'resolutionRate', 1)])
    : indicator(id, 'resolutionRate', 1);
  const scheme = updateNode(s, parentId, (n) => (n.kind === 'group'
    ? { ...n, children: [...n.children, child], weighting: { ...n.weighting, matrix: growMatrix(n.weighting.matrix) } } : n));
  return { scheme, id };
}

/** Removes a node (never the root, never a group's last child). */
export function removeNode(s: Scheme, id: string): Scheme {
  const parent = parentOf(s, id);
  if (!parent || parent.children.length < 2) return s;
  const k = parent.children.findIndex((c) => c.id === id);
  return updateNode(s, parent.id, (n) => (n.kind === 'group'
    ? { ...n, children: n.children.filter((c) => c.id !== id), weighting: { ...n.weighting, matrix: shrinkMatrix(n.weighting.matrix, k) } } : n));
}

/** Moves a node among its siblings, permuting the AHP matrix with it. */
export function moveNode(s: Scheme, id: string, dir: -1 | 1): Scheme {
  const parent = parentOf(s, id);
  if (!parent) return s;
  const k = parent.children.findIndex((c) => c.id === id);
  const j = k + dir;
  if (j < 0 || j >= parent.children.length) return s;
  const order = parent.children.map((_, i) => (i === k ? j : i === j ? k : i));
  return updateNode(s, parent.id, (n) => {
    if (n.kind !== 'group') return n;
    const m = n.weighting.matrix;
    return {
      ...n, children: order.map((i) => n.children[i]),
      weighting: { ...n.weighting, matrix: m && m.length === order.length ? order.map((i) => order.map((c) => m[i][c])) : m },
    };
  });
}

/** An identity (all equal) comparison matrix for a group's children. */
export const equalMatrix = (n: number): number[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
