/** ECharts options for the results: radar per object, score distribution, sensitivity. Pure builders. */
import type { EChartsOption } from 'echarts';
import { walkScheme, type GroupNode } from '../../../../../shared/domain/evaluation';
import type { EvaluatedObject, PeriodResult } from '../../../../../shared/api/areas/evaluation';
import { localName } from '../scheme/names';

/** The dimensions a radar shows: the groups two levels down (pillar → dimension), else one level. */
export function radarDimensions(root: GroupNode): GroupNode[] {
  const groups = walkScheme(root).filter((w) => w.node.kind === 'group');
  const deep = groups.filter((w) => w.depth === 2).map((w) => w.node as GroupNode);
  return deep.length >= 3 ? deep : groups.filter((w) => w.depth === 1).map((w) => w.node as GroupNode);
}

export function radarOption(root: GroupNode, obj: EvaluatedObject, objects: readonly EvaluatedObject[], lang: string, meanLabel: string): EChartsOption {
  const eligible = objects.filter((o) => o.eligible);
  // dimensions nobody has a score for (e.g. crisis response without an alert workflow) are left off
  const dims = radarDimensions(root).filter((d) => eligible.some((o) => o.scores[d.id] !== null && o.scores[d.id] !== undefined));
  const mean = dims.map((d) => {
    const xs = eligible.map((o) => o.scores[d.id]).filter((x): x is number => x !== null && x !== undefined);
    return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
  });
  return {
    tooltip: {},
    legend: { bottom: 0, data: [obj.key, meanLabel] },
    radar: { indicator: dims.map((d) => ({ name: localName(d.name, lang), max: 100 })), radius: '62%' },
    series: [{
      type: 'radar',
      data: [
        { name: obj.key, value: dims.map((d) => Number((obj.scores[d.id] ?? 0).toFixed(1))), areaStyle: { opacity: 0.25 } },
        { name: meanLabel, value: mean.map((x) => Number(x.toFixed(1))), lineStyle: { type: 'dashed' } },
      ],
    }],
  };
}

/** Histogram of overall scores in 10-point bins; the selected object's bin highlighted. */
export function distributionOption(objects: readonly EvaluatedObject[], selected: string | null, countLabel: string): EChartsOption {
  const bins = Array.from({ length: 10 }, () => 0);
  let mine = -1;
  for (const o of objects) {
    if (o.score === null) continue;
    const b = Math.min(9, Math.floor(o.score / 10));
    bins[b]++;
    if (o.key === selected) mine = b;
  }
  return {
    tooltip: {},
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: bins.map((_, i) => `${i * 10}–${i * 10 + 10}`) },
    yAxis: { type: 'value', name: countLabel, minInterval: 1 },
    series: [{ type: 'bar', data: bins.map((v, i) => ({ value: v, itemStyle: i === mine ? { color: '#c23531' } : undefined })) }],
  };
}

/** Objects re-ranked per weight scenario (the 12 most influential), as horizontal bars. */
export function sensitivityOption(p: PeriodResult, nameOf: (id: string) => string, up: string, down: string, changedLabel: string): EChartsOption {
  const rows = new Map<string, { up: number; down: number }>();
  for (const s of p.scenarios) {
    const key = `${nameOf(s.groupId)} › ${nameOf(s.childId)}`;
    const r = rows.get(key) ?? { up: 0, down: 0 };
    if (s.change > 0) r.up = s.changedObjects; else r.down = s.changedObjects;
    rows.set(key, r);
  }
  const top = [...rows].sort((a, b) => (b[1].up + b[1].down) - (a[1].up + a[1].down)).slice(0, 12).reverse();
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [down, up] },
    grid: { left: 220, right: 24, top: 16, bottom: 40 },
    xAxis: { type: 'value', name: changedLabel, minInterval: 1 },
    yAxis: { type: 'category', data: top.map(([k]) => k), axisLabel: { width: 210, overflow: 'truncate' } },
    series: [
      { name: down, type: 'bar', data: top.map(([, v]) => v.down) },
      { name: up, type: 'bar', data: top.map(([, v]) => v.up) },
    ],
  };
}
