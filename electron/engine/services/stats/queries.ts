/** Volume queries of the dashboard: time series, hour × weekday, breakdowns, category tree, pivot. */
import type { Filter } from '../../../../shared/model/filter';
import type { Breakdown, CategoryTreeOut, Pivot } from '../../../../shared/api/areas/stats';
import { countByKey, countByKeys2, countHourWeekday, groupKeys, isTimeDim, type Dimension, type GroupKeys } from '../../../../shared/domain/stats/dims';
import { buildPivot, rankWithChange, OTHER_KEY, type PivotCell } from '../../../../shared/domain/stats/pivot';
import type { Selection } from '../../../../shared/domain/stats/select';
import type { StatsData } from './cache';
import { axisDays, comparable, comparePeriod, select, type Compare } from './select';

export { series } from './series';

/** Natural order (time buckets, hours, weekdays) instead of largest first. */
const ordered = (d: Dimension): boolean => isTimeDim(d) || d === 'hour' || d === 'weekday';

function keysFor(data: StatsData, f: Filter, sel: Selection, by: Dimension): GroupKeys {
  return groupKeys(data, sel, by, isTimeDim(by) ? axisDays(data, f, sel) : null);
}

/** matrix[weekday][hour], weekday 0 = Monday. */
export function cycle(data: StatsData, f: Filter): { matrix: number[][]; total: number } {
  const sel = select(data, f);
  const m = countHourWeekday(data, sel);
  return { matrix: Array.from({ length: 7 }, (_, d) => Array.from(m.subarray(d * 24, d * 24 + 24))), total: sel.n };
}

/** Counts by one dimension with shares and change; ordered dimensions keep every bucket in order. */
export function breakdown(data: StatsData, f: Filter, by: Dimension, limit: number, compare: Compare): Breakdown {
  const sel = select(data, f);
  const gk = keysFor(data, f, sel, by);
  const counts = countByKey(gk);
  const period = comparable(by) ? comparePeriod(f, compare) : null;
  let prev: Float64Array | null = null;
  if (period) prev = countByKey(groupKeys(data, select(data, f, period), by));
  const rows = [];
  for (let g = 0; g < gk.size; g++) {
    if (counts[g] === 0 && !ordered(by)) continue;
    rows.push({ key: gk.key(g), label: gk.label(g), count: counts[g], previous: prev ? prev[g] : null });
  }
  const ranked = rankWithChange(rows, sel.n);
  const labels = new Map(rows.map((r) => [r.key, r.label]));
  const out = (ordered(by) ? rows.map((r) => ranked.find((x) => x.key === r.key)!) : ranked).map((r) => ({ ...r, label: labels.get(r.key) ?? r.key }));
  const shown = ordered(by) ? out : out.slice(0, limit);
  const rest = out.slice(shown.length);
  return {
    by, total: sel.n, rows: shown, otherGroups: rest.length, otherCount: rest.reduce((s, r) => s + r.count, 0),
    comparePeriod: period,
  };
}

/** Counts of every category node under the filter (a record counts for its category and all ancestors). */
export function categoryTree(data: StatsData, f: Filter): CategoryTreeOut {
  const sel = select(data, f);
  const { cat } = data.cols;
  const leafCounts = new Float64Array(data.cats.ancestorAt[0].length);
  let uncategorised = 0;
  for (let k = 0; k < sel.n; k++) {
    const c = cat[sel.rows[k]];
    if (c === 0 || c >= leafCounts.length) uncategorised++; else leafCounts[c]++;
  }
  const counts = new Map<number, number>();
  for (let leaf = 1; leaf < leafCounts.length; leaf++) {
    const n = leafCounts[leaf];
    if (n === 0) continue;
    for (const at of data.cats.ancestorAt) {
      const a = at[leaf];
      if (a) counts.set(a, (counts.get(a) ?? 0) + n);
    }
  }
  const nodes = [...counts.entries()].map(([id, count]) => {
    const node = data.cats.nodes.get(id);
    return { id, parentId: node?.parentId ?? null, level: node?.level ?? 1, name: node?.name ?? String(id), count };
  }).sort((a, b) => a.level - b.level || b.count - a.count);
  return { total: sel.n, uncategorised, nodes };
}

/** Cross-tab of two dimensions. */
export function pivot(data: StatsData, f: Filter, rowsBy: Dimension, colsBy: Dimension, maxRows: number, maxCols: number, compare: Compare): Pivot {
  const cellsOf = (sel: Selection) => {
    const a = keysFor(data, f, sel, rowsBy);
    const b = keysFor(data, f, sel, colsBy);
    const m = countByKeys2(a, b);
    const cells = new Map<string, PivotCell>();
    const labels = new Map<string, string>();
    for (let x = 0; x < a.size; x++) {
      for (let y = 0; y < b.size; y++) {
        const n = m[x * b.size + y];
        if (n === 0) continue;
        cells.set(`${x}|${y}`, { row: a.key(x), col: b.key(y), count: n, previous: null });
        labels.set(`r${a.key(x)}`, a.label(x));
        labels.set(`c${b.key(y)}`, b.label(y));
      }
    }
    const colOrder = ordered(colsBy) ? Array.from({ length: b.size }, (_, y) => b.key(y)) : undefined;
    return { cells, labels, colOrder, a, b, m };
  };
  const cur = cellsOf(select(data, f));
  const period = comparable(rowsBy) && comparable(colsBy) ? comparePeriod(f, compare) : null;
  if (period) {
    const p = cellsOf(select(data, f, period));
    for (const [k, c] of p.cells) {
      const hit = cur.cells.get(k);
      if (hit) hit.previous = c.count; else cur.cells.set(k, { ...c, count: 0, previous: c.count });
      cur.labels.set(`r${c.row}`, cur.labels.get(`r${c.row}`) ?? p.labels.get(`r${c.row}`) ?? c.row);
      cur.labels.set(`c${c.col}`, cur.labels.get(`c${c.col}`) ?? p.labels.get(`c${c.col}`) ?? c.col);
    }
  }
  const t = buildPivot([...cur.cells.values()], { maxRows, maxCols, colOrder: cur.colOrder, hasPrevious: period !== null });
  const label = (prefix: string, key: string) => (key === OTHER_KEY ? '' : cur.labels.get(prefix + key) ?? key);
  return {
    rowsBy, colsBy,
    rows: t.rows.map((r) => ({ ...r, label: label('r', r.key) })),
    cols: t.cols.map((c) => ({ ...c, label: label('c', c.key) })),
    counts: t.counts, previous: t.previous, total: t.total, otherRows: t.otherRows, otherCols: t.otherCols,
    comparePeriod: period,
  };
}
