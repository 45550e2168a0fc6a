/** The dashboard's queries, as engine calls and as equivalent DuckDB SQL (same names). */
import type { ApiClient } from '../../shared/api/client';
import type { Filter } from '../../shared/model/filter';

/** Every query the trends screen runs on a filter change. */
export function dashboardCalls(api: ApiClient, filter: Filter): [string, () => Promise<unknown>][] {
  return [
    ['series day', () => api.call('stats.series', { filter, granularity: 'day' })],
    ['series month', () => api.call('stats.series', { filter, granularity: 'month' })],
    ['hour × weekday', () => api.call('stats.cycle', { filter })],
    ['category tree', () => api.call('stats.categoryTree', { filter })],
    ['top districts + change', () => api.call('stats.breakdown', { filter, by: 'district', limit: 20, compare: 'previous' })],
    ['top departments + change', () => api.call('stats.breakdown', { filter, by: 'department', limit: 20, compare: 'previous' })],
    ['pivot category1 × district', () => api.call('stats.pivot', { filter, rows: 'category1', cols: 'district', maxRows: 50, maxCols: 40, compare: 'previous' })],
    ['performance overall', () => api.call('stats.performance', { filter, by: null, limit: 30, repeats: false })],
    ['performance by department', () => api.call('stats.performance', { filter, by: 'department', limit: 30, repeats: false })],
    ['backlog month', () => api.call('stats.backlog', { filter, granularity: 'month' })],
    ['sources side by side', () => api.call('stats.sources', { filter })],
  ];
}

const TZ = 8 * 3600_000;
const lit = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

function where(f: Filter, from = f.from, to = f.to): string {
  const p: string[] = [];
  if (from !== undefined) p.push(`received_at >= ${from}`);
  if (to !== undefined) p.push(`received_at < ${to}`);
  if (f.districts?.length) p.push(`district IN (${f.districts.map(lit).join(',')})`);
  if (f.sources?.length) p.push(`source_code IN (${f.sources.map(lit).join(',')})`);
  if (f.categories?.length) {
    const ids = f.categories.join(',');
    p.push(`(cat1_id IN (${ids}) OR cat2_id IN (${ids}) OR cat3_id IN (${ids}))`);
  }
  return p.length ? `WHERE ${p.join(' AND ')}` : '';
}

/** The same answers in DuckDB SQL over a `records` table with the raw columns. */
export function duckQueries(f: Filter): [string, string][] {
  const w = where(f);
  const prev = f.from !== undefined && f.to !== undefined ? where(f, f.from - (f.to - f.from), f.from) : null;
  const close = '(closed_at - received_at) / 1000.0';
  const valid = `closed_at IS NOT NULL AND ${close} > 300 AND ${close} <= 365 * 86400`;
  const perf = `count(*) AS n, median(${close}) FILTER (WHERE ${valid}) / 3600 AS med, avg(${close}) FILTER (WHERE ${valid}) / 3600 AS mean,
    quantile_cont(${close}, 0.9) FILTER (WHERE ${valid}) / 3600 AS p90,
    median((first_response_at - received_at) / 1000.0) FILTER (WHERE first_response_at >= received_at) / 3600 AS resp,
    count(*) FILTER (WHERE ${valid} AND ${close} <= 120 * 3600) AS on_time, avg(transfers) AS tr,
    avg(CASE WHEN satisfaction >= 0.5 THEN 1.0 ELSE 0.0 END) FILTER (WHERE satisfaction IS NOT NULL) AS sat`;
  const day = `floor((received_at + ${TZ}) / 86400000)`;
  const month = `date_trunc('month', make_timestamp(CAST((received_at + ${TZ}) * 1000 AS BIGINT)))`;
  const withPrev = (col: string) => (prev
    ? `SELECT a.k, a.n, b.n FROM (SELECT ${col} AS k, count(*) AS n FROM records ${w} GROUP BY 1) a LEFT JOIN (SELECT ${col} AS k, count(*) AS n FROM records ${prev} GROUP BY 1) b ON a.k IS NOT DISTINCT FROM b.k ORDER BY a.n DESC LIMIT 20`
    : `SELECT ${col}, count(*) AS n FROM records ${w} GROUP BY 1 ORDER BY n DESC LIMIT 20`);
  return [
    ['series day', `SELECT ${day} AS d, count(*) FROM records ${w} GROUP BY d ORDER BY d`],
    ['series month', `SELECT ${month} AS m, count(*) FROM records ${w} GROUP BY m ORDER BY m`],
    ['hour × weekday', `SELECT isodow(make_timestamp(CAST((received_at + ${TZ}) * 1000 AS BIGINT))) AS wd, floor(((received_at + ${TZ}) % 86400000) / 3600000) AS h, count(*) FROM records ${w} GROUP BY 1, 2`],
    ['category tree', `SELECT cat1_id, cat2_id, cat3_id, count(*) FROM records ${w} GROUP BY ALL`],
    ['top districts + change', withPrev('district')],
    ['top departments + change', withPrev('department')],
    ['pivot category1 × district', `SELECT cat1_id, district, count(*) FROM records ${w} GROUP BY ALL`],
    ['performance overall', `SELECT ${perf} FROM records ${w}`],
    ['performance by department', `SELECT department, ${perf} FROM records ${w} GROUP BY department ORDER BY n DESC LIMIT 30`],
    ['backlog month', `SELECT ${month} AS m, count(*) AS received, median(${close}) FILTER (WHERE ${valid}) AS med, avg(CASE WHEN satisfaction >= 0.5 THEN 1.0 ELSE 0.0 END) FILTER (WHERE satisfaction IS NOT NULL) AS sat FROM records ${w} GROUP BY m ORDER BY m`],
    ['sources side by side', `SELECT source_code, ${perf} FROM records ${w} GROUP BY source_code`],
  ];
}
