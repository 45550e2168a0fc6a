/**
 * Daily counts per area path for the space-time scan and emerging hot spots. From the in-memory
 * statistics columns when they are built (one pass over typed arrays: a 2-year, 2-million-record
 * city in about a second), otherwise from SQL (a GROUP BY over the records, much slower at that size).
 */
import type Database from 'better-sqlite3';
import { T_EPOCH_MS } from '../../../../shared/domain/stats/columns';
import { dayStartMs } from '../../../../shared/domain/surveillance/holidays';
import type { Filter } from '../../../../shared/model/filter';
import { areaDayCounts } from '../../db/repos/alerts-series';
import { readyStatsData, type StatsData } from '../stats/cache';
import { select } from '../stats/select';

export interface AreaDayCount { path: string[]; day: number; count: number }

/** The statistics columns, when built and holding every record (else null: the caller uses SQL). */
export function statsColumns(db: Database.Database): StatsData | null {
  const data = readyStatsData(db);
  if (!data) return null;
  let alive = 0;
  for (let i = 0; i < data.cols.n; i++) alive += data.cols.alive[i];
  return alive === (db.prepare('SELECT count(*) FROM records').pluck().get() as number) ? data : null;
}

/** Counts per (area path at `depth`, local day) over days [fromDay, toDay) under the filter. */
export function countsByAreaDay(db: Database.Database, filter: Filter, depth: 1 | 2 | 3, fromDay: number, toDay: number): AreaDayCount[] {
  const data = statsColumns(db);
  if (!data) return areaDayCounts(db, filter, depth, fromDay, toDay);
  const sel = select(data, filter, { from: Math.max(filter.from ?? -Infinity, dayStartMs(fromDay)), to: Math.min(filter.to ?? Infinity, dayStartMs(toDay)) });
  const dims = (['district', 'street', 'community'] as const).slice(0, depth);
  const codes = dims.map((d) => data.cols.codes[d]);
  const dicts = dims.map((d) => data.dicts[d]);
  const days = toDay - fromDay;
  // area key from the codes (each < 2^16 distinct values per dimension in practice; a Map keeps it general)
  const areaIndex = new Map<string, number>();
  const areaPaths: string[][] = [];
  const perArea: Int32Array[] = [];
  const t = data.cols.t;
  const dayOffset = T_EPOCH_MS + 28_800_000;
  for (let k = 0; k < sel.n; k++) {
    const i = sel.rows[k];
    let key = '';
    let missing = false;
    for (let d = 0; d < depth; d++) { const c = codes[d][i]; if (c === 0) { missing = true; break; } key += `${c},`; }
    if (missing) continue;
    const day = Math.floor((t[i] * 1000 + dayOffset) / 86_400_000) - fromDay;
    if (day < 0 || day >= days) continue;
    let a = areaIndex.get(key);
    if (a === undefined) {
      a = areaPaths.length;
      areaIndex.set(key, a);
      areaPaths.push(dims.map((_d, j) => dicts[j][codes[j][i]]));
      perArea.push(new Int32Array(days));
    }
    perArea[a][day]++;
  }
  const out: AreaDayCount[] = [];
  perArea.forEach((c, a) => { for (let d = 0; d < days; d++) if (c[d] > 0) out.push({ path: areaPaths[a], day: fromDay + d, count: c[d] }); });
  return out;
}
