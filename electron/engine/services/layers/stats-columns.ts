/**
 * Per-feature statistics from columns in memory: the statistics columns (services/stats, every
 * filter field answered there, text search through its residual SQL) and the per-feature summary
 * column of a role (geo_columns). A new filter over millions of records costs one pass over the
 * selected rows instead of a join over record_geo.
 */
import type { Filter } from '../../../../shared/model/filter';
import { NULL_I32 } from '../../../../shared/domain/stats/columns';
import type { StatsData } from '../stats/cache';
import { select } from '../stats/select';

export interface ColumnStats {
  counts: Map<number, number>;
  medians: Map<number, number | null>;
  top: Map<number, { name: string; n: number }>;
}

/** Feature ids (by record id, 0 = none) → records per feature under the filter. */
export function countsOnlyFromColumns(data: StatsData, geo: Int32Array, filter: Filter): Map<number, number> {
  const sel = select(data, filter);
  const { id } = data.cols;
  const out = new Map<number, number>();
  for (let k = 0; k < sel.n; k++) {
    const rid = id[sel.rows[k]];
    const fid = rid < geo.length ? geo[rid] : 0;
    if (fid > 0) out.set(fid, (out.get(fid) ?? 0) + 1);
  }
  return out;
}

/**
 * Records, median time to close (ms) and leading level-1 category per feature under the filter:
 * two passes over the selection into dense typed arrays (features numbered as met).
 */
export function statsFromColumns(data: StatsData, geo: Int32Array, filter: Filter): ColumnStats {
  const sel = select(data, filter);
  const { id, close, cat } = data.cols;
  const level1 = data.cats.ancestorAt[0];
  // Dense numbers of features and level-1 categories, in order of appearance.
  let maxFid = 0;
  for (let k = 0; k < sel.n; k++) { const rid = id[sel.rows[k]]; if (rid < geo.length && geo[rid] > maxFid) maxFid = geo[rid]; }
  const denseFid = new Int32Array(maxFid + 1).fill(-1); const fids: number[] = [];
  const denseCat = new Int32Array(level1.length).fill(-1); const catIds: number[] = [];
  const rowFeat = new Int32Array(sel.n).fill(-1); const rowCat = new Int32Array(sel.n).fill(-1);
  for (let k = 0; k < sel.n; k++) {
    const i = sel.rows[k];
    const rid = id[i];
    const fid = rid < geo.length ? geo[rid] : 0;
    if (fid <= 0) continue;
    if (denseFid[fid] < 0) { denseFid[fid] = fids.length; fids.push(fid); }
    rowFeat[k] = denseFid[fid];
    const c1 = cat[i] > 0 && cat[i] < level1.length ? level1[cat[i]] : 0;
    if (c1 > 0) { if (denseCat[c1] < 0) { denseCat[c1] = catIds.length; catIds.push(c1); } rowCat[k] = denseCat[c1]; }
  }
  const nf = fids.length; const nc = Math.max(1, catIds.length);
  const n = new Int32Array(nf); const closedN = new Int32Array(nf + 1); const byCat = new Int32Array(nf * nc);
  for (let k = 0; k < sel.n; k++) {
    const f = rowFeat[k];
    if (f < 0) continue;
    n[f]++;
    const c = close[sel.rows[k]];
    if (c !== NULL_I32 && c >= 0) closedN[f + 1]++;
    if (rowCat[k] >= 0) byCat[f * nc + rowCat[k]]++;
  }
  for (let f = 0; f < nf; f++) closedN[f + 1] += closedN[f];
  const durations = new Int32Array(closedN[nf]); const at = closedN.slice(0, nf);
  for (let k = 0; k < sel.n; k++) {
    const f = rowFeat[k];
    const c = f < 0 ? NULL_I32 : close[sel.rows[k]];
    if (c !== NULL_I32 && c >= 0) durations[at[f]++] = c;
  }
  const counts = new Map<number, number>(); const medians = new Map<number, number | null>(); const top = new Map<number, { name: string; n: number }>();
  for (let f = 0; f < nf; f++) {
    counts.set(fids[f], n[f]);
    const lo = closedN[f]; const hi = closedN[f + 1];
    if (hi > lo) {
      const d = durations.subarray(lo, hi).sort(); const m = d.length >> 1;
      medians.set(fids[f], (d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2) * 1000);
    }
    let best = -1;
    for (let c = 0; c < catIds.length; c++) if (byCat[f * nc + c] > 0 && (best < 0 || byCat[f * nc + c] > byCat[f * nc + best])) best = c;
    if (best >= 0) top.set(fids[f], { name: data.cats.nodes.get(catIds[best])?.name ?? String(catIds[best]), n: byCat[f * nc + best] });
  }
  return { counts, medians, top };
}

/** Calls visit(lon, lat) for every selected record with coordinates (buffers, layers playing no role). */
export function scanSelected(data: StatsData, filter: Filter, visit: (lon: number, lat: number) => void): void {
  const sel = select(data, filter);
  const lon = data.cols.lon; const lat = data.cols.lat;
  if (!lon || !lat) return;
  for (let k = 0; k < sel.n; k++) {
    const i = sel.rows[k];
    const x = lon[i]; const y = lat[i];
    if (!Number.isNaN(x) && !Number.isNaN(y)) visit(x, y);
  }
}

/** Records per feature and category of a level (1–3) under the filter. */
export function byCategoryFromColumns(data: StatsData, geo: Int32Array, filter: Filter, level: 1 | 2 | 3): { fid: number; categoryId: number; name: string; n: number }[] {
  const sel = select(data, filter);
  const { id, cat } = data.cols;
  const up = data.cats.ancestorAt[level - 1];
  const counts = new Map<number, number>();
  const width = up.length;
  for (let k = 0; k < sel.n; k++) {
    const i = sel.rows[k];
    const rid = id[i];
    const fid = rid < geo.length ? geo[rid] : 0;
    const c = cat[i] > 0 && cat[i] < width ? up[cat[i]] : 0;
    if (fid > 0 && c > 0) counts.set(fid * width + c, (counts.get(fid * width + c) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => {
    const categoryId = key % width;
    return { fid: (key - categoryId) / width, categoryId, name: data.cats.nodes.get(categoryId)?.name ?? String(categoryId), n };
  }).sort((a, b) => a.fid - b.fid || b.n - a.n);
}
