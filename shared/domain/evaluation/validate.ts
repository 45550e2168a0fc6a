/** Checks beyond the schema: ids, AHP matrices and their consistency, targets, weights. */
import { ahpWeights, checkPairwiseMatrix } from './ahp';
import { walkScheme, type Scheme } from './scheme';

export type SchemeProblemCode =
  | 'duplicateId' | 'matrixSize' | 'matrixInvalid' | 'inconsistent' | 'targetMissing' | 'weightsZero' | 'tooDeep';

export interface SchemeProblem {
  severity: 'error' | 'warning';
  code: SchemeProblemCode;
  nodeId: string;
  params: Record<string, string | number>;
}

export const PROBLEM_MESSAGES: Record<SchemeProblemCode, { 'zh-CN': string; en: string }> = {
  duplicateId: { 'zh-CN': '节点编号“{id}”重复', en: 'Node id "{id}" is used more than once' },
  matrixSize: { 'zh-CN': '“{name}”的判断矩阵是 {size} 阶，但它有 {children} 个下级', en: '"{name}": the comparison matrix has size {size} but there are {children} children' },
  matrixInvalid: { 'zh-CN': '“{name}”的判断矩阵无效（第 {row} 行第 {col} 列须为正数且互为倒数）', en: '"{name}": the comparison matrix is invalid (row {row}, column {col} must be positive and reciprocal)' },
  inconsistent: { 'zh-CN': '“{name}”的判断矩阵一致性比率 CR = {cr} > 0.1，请调整判断', en: '"{name}": consistency ratio CR = {cr} > 0.1; revise the judgements' },
  targetMissing: { 'zh-CN': '指标“{name}”使用目标值标准化或适中型方向，但未设目标值', en: 'Indicator "{name}" uses target normalisation or the nominal direction but has no target' },
  weightsZero: { 'zh-CN': '“{name}”的下级手工权重全为 0', en: '"{name}": all manual weights of its children are 0' },
  tooDeep: { 'zh-CN': '“{name}”层级过深（最多 6 层）', en: '"{name}" is nested too deeply (at most 6 levels)' },
};

export function formatProblem(p: SchemeProblem, locale: 'zh-CN' | 'en'): string {
  return PROBLEM_MESSAGES[p.code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(p.params[k] ?? `{${k}}`));
}

export function validateScheme(s: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const seen = new Set<string>();
  for (const { node, depth } of walkScheme(s.root)) {
    const name = node.name.zh;
    if (seen.has(node.id)) out.push({ severity: 'error', code: 'duplicateId', nodeId: node.id, params: { id: node.id } });
    seen.add(node.id);
    if (depth > 5) out.push({ severity: 'error', code: 'tooDeep', nodeId: node.id, params: { name } });
    if (node.kind === 'indicator') {
      const needsTarget = node.direction === 'nominal' || node.normalisation === 'target';
      if (needsTarget && (node.target === undefined || node.target === null)) out.push({ severity: 'error', code: 'targetMissing', nodeId: node.id, params: { name } });
      continue;
    }
    const w = node.weighting;
    const usesAhp = w.method === 'ahp' || (w.method === 'combined' && w.subjective === 'ahp');
    const usesManual = w.method === 'manual' || (w.method === 'combined' && w.subjective !== 'ahp');
    if (usesManual && node.children.every((c) => c.weight === 0)) out.push({ severity: 'error', code: 'weightsZero', nodeId: node.id, params: { name } });
    if (!usesAhp) continue;
    const m = w.matrix ?? [];
    if (m.length !== node.children.length) {
      out.push({ severity: 'error', code: 'matrixSize', nodeId: node.id, params: { name, size: m.length, children: node.children.length } });
      continue;
    }
    const bad = checkPairwiseMatrix(m);
    if (bad) {
      out.push({ severity: 'error', code: 'matrixInvalid', nodeId: node.id, params: { name, row: 'row' in bad ? bad.row + 1 : 0, col: 'col' in bad ? bad.col + 1 : 0 } });
      continue;
    }
    const r = ahpWeights(m);
    if (!r.consistent) out.push({ severity: 'warning', code: 'inconsistent', nodeId: node.id, params: { name, cr: (r.cr ?? 0).toFixed(3) } });
  }
  return out;
}
