/** A stored run as workbook sheets (CLI --xlsx, reports): ranking, indicator values, weights, provenance. */
import type { RunResult } from '../../../../shared/api/areas/evaluation';
import { indicatorsOf, METRICS, walkScheme } from '../../../../shared/domain/evaluation';
import type { Sheet } from '../stats/xlsx';

type Locale = 'zh-CN' | 'en';
const L = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

export function runSheets(run: RunResult, locale: Locale = 'zh-CN'): Sheet[] {
  const nodes = walkScheme(run.scheme.root).filter((w) => w.depth > 0);
  const groups = nodes.filter((w) => w.node.kind === 'group').map((w) => w.node);
  const inds = indicatorsOf(run.scheme.root);
  const name = (n: { name: { zh: string; en: string } }) => (locale === 'en' ? n.name.en || n.name.zh : n.name.zh);
  const sheets: Sheet[] = [];
  for (const p of run.periods) {
    const ranked = [...p.objects].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.key.localeCompare(b.key));
    sheets.push({
      name: `${L(locale, '排名', 'Ranking')} ${p.label}`,
      columns: [L(locale, '排名', 'Rank'), L(locale, '名次变化', 'Rank change'), L(locale, '对象', 'Object'), L(locale, '得分', 'Score'),
        ...groups.map(name), L(locale, '工单数', 'Records'), L(locale, '排名稳定度', 'Rank stability'), L(locale, '名次范围', 'Rank range')],
      rows: ranked.map((o) => [o.rank, o.rankChange, o.key, o.score, ...groups.map((g) => o.scores[g.id] ?? null), o.records, o.stability.stability,
        o.stability.minRank === null ? null : `${o.stability.minRank}–${o.stability.maxRank}`]),
    });
    sheets.push({
      name: `${L(locale, '指标值', 'Indicators')} ${p.label}`,
      columns: [L(locale, '对象', 'Object'), L(locale, '指标', 'Indicator'), L(locale, '度量', 'Metric'), L(locale, '原始值', 'Raw value'),
        L(locale, '指标得分', 'Indicator score'), L(locale, '全局权重', 'Global weight'), L(locale, '计入', 'Counted'), L(locale, '未达标', 'Flagged'),
        L(locale, '剔除', 'Excluded'), L(locale, '不适用', 'Not applicable')],
      rows: ranked.flatMap((o) => inds.map((i) => [o.key, name(i), locale === 'en' ? METRICS[i.metric].en : METRICS[i.metric].zh, o.raw[i.id] ?? null,
        o.scores[i.id] ?? null, p.globalWeights[i.id] ?? 0, o.counts[i.id]?.ok ?? 0, o.counts[i.id]?.flag ?? 0, o.counts[i.id]?.excluded ?? 0, o.counts[i.id]?.na ?? 0])),
    });
  }
  const last = run.periods[run.periods.length - 1];
  sheets.push({
    name: L(locale, '权重', 'Weights'),
    columns: [L(locale, '节点', 'Node'), L(locale, '上级', 'Parent'), L(locale, '方法', 'Method'), L(locale, '局部权重', 'Local weight'), L(locale, '全局权重', 'Global weight'), 'CR'],
    rows: nodes.map(({ node, parent }) => {
      const gw = parent ? last?.weights[parent.id] : undefined;
      const k = gw ? gw.childIds.indexOf(node.id) : -1;
      return [name(node), parent ? name(parent) : '', gw?.method ?? '', k >= 0 ? gw!.weights[k] : null, last?.globalWeights[node.id] ?? null, gw?.ahp?.cr ?? null];
    }),
  });
  sheets.push({
    name: L(locale, '可复现信息', 'Provenance'),
    columns: [L(locale, '项', 'Item'), L(locale, '值', 'Value')],
    rows: [
      [L(locale, '方案', 'Scheme'), `${run.scheme.key} v${run.scheme.version}`], [L(locale, '评估对象', 'Objects'), run.objectKind],
      [L(locale, '期间', 'Periods'), run.periods.map((p) => p.label).join(', ')], [L(locale, '筛选条件', 'Filter'), JSON.stringify(run.filter)],
      [L(locale, '数据哈希', 'Data hash'), run.provenance.dataHash], [L(locale, '方案哈希', 'Scheme hash'), run.provenance.schemeHash],
      [L(locale, '结果哈希', 'Result hash'), run.resultHash],
      ...run.provenance.batches.map((b) => [`${L(locale, '批次', 'Batch')} ${b.id}`, `${b.sourceCode} · ${b.fileName} · ${b.records} · ${b.sha256 ?? '-'}`] as (string | number | null)[]),
    ],
  });
  return sheets;
}
