/**
 * cli stats <project> --by D [--by2 D] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--where k=v[;k=v…]]
 *           [--compare previous|yoy] [--limit N] --json|--csv
 * The same contract methods the dashboard calls (stats.breakdown, stats.pivot), so the numbers agree.
 */
import { ApiError } from '../../../shared/api/errors';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import type { Breakdown, Pivot } from '../../../shared/api/areas/stats';
import { DIMENSIONS, type Dimension } from '../../../shared/domain/stats/dims';
import { OTHER_KEY } from '../../../shared/domain/stats/pivot';
import { dayStartMs, parseDay } from '../../../shared/domain/stats/time';
import type { Filter } from '../../../shared/model/filter';
import type { Engine } from '../engine';
import { toCsvLine } from '../services/import/csv-out';
import type { ParsedArgs } from './args';
import { UsageError } from './import-commands';

const str = (args: ParsedArgs, k: string): string | undefined => (typeof args.flags[k] === 'string' ? args.flags[k] as string : undefined);

function dimension(v: string | undefined, flag: string): Dimension {
  if (v && (DIMENSIONS as readonly string[]).includes(v)) return v as Dimension;
  throw new UsageError(`--${flag} must be one of: ${DIMENSIONS.join(', ')}`);
}

function day(v: string, flag: string): number {
  const d = parseDay(v);
  if (!Number.isFinite(d)) throw new UsageError(`--${flag} must be a date YYYY-MM-DD (got "${v}")`);
  return d;
}

const LIST_KEYS: Record<string, keyof Filter> = {
  source: 'sources', district: 'districts', department: 'departments', status: 'statuses',
  street: 'streets' as keyof Filter, community: 'communities' as keyof Filter, channel: 'channels' as keyof Filter, requestType: 'requestTypes' as keyof Filter,
};

/** Builds the global filter from --from/--to (inclusive Shanghai days) and --where k=v;k=v (values split by |). */
export async function statsFilter(api: ApiClient, args: ParsedArgs): Promise<Filter> {
  const f: Record<string, unknown> = {};
  const from = str(args, 'from');
  const to = str(args, 'to');
  if (from) f.from = dayStartMs(day(from, 'from'));
  if (to) f.to = dayStartMs(day(to, 'to') + 1);
  const where = str(args, 'where');
  if (!where) return f as Filter;
  const tree = await api.call('taxonomy.tree', {});
  for (const part of where.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where expects key=value (got "${part}")`);
    const key = part.slice(0, eq).trim();
    const values = part.slice(eq + 1).split('|').map((v) => v.trim()).filter(Boolean);
    const cat = /^category([123])?$/.exec(key);
    if (cat) {
      const level = cat[1] ? Number(cat[1]) : null;
      const ids = values.map((v) => {
        const hit = tree.find((n) => (level === null || n.level === level) && (n.name === v || String(n.id) === v));
        if (!hit) throw new UsageError(`no ${key} named "${v}" in the project's taxonomy`);
        return hit.id;
      });
      f.categories = [...((f.categories as number[] | undefined) ?? []), ...ids];
    } else if (key === 'q') f.q = values.join(' ');
    else if (LIST_KEYS[key]) f[LIST_KEYS[key]] = values;
    else throw new UsageError(`--where key must be one of: ${[...Object.keys(LIST_KEYS), 'category1', 'category2', 'category3', 'q'].join(', ')}`);
  }
  return f as Filter;
}

/** Calls a stats method; an older project first has its columns built (the job is awaited). */
async function callStats<T>(engine: Engine, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try { return await call(); } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'STATS_PREPARING' || attempt > 2) throw e;
      await engine.ctx.jobs.wait(String(e.params.jobId));
    }
  }
}

const fmtChange = (c: number | null) => (c === null ? '' : `${c >= 0 ? '+' : ''}${(c * 100).toFixed(1)}%`);

function breakdownOut(b: Breakdown, args: ParsedArgs): string {
  if (args.flags.json) return JSON.stringify(b);
  const head = ['key', 'label', 'count', 'share', 'previous', 'change'];
  const rows = b.rows.map((r) => [r.key, r.label, r.count, Number(r.share.toFixed(6)), r.previous, r.change === null ? null : Number(r.change.toFixed(6))]);
  if (args.flags.csv) return [head, ...rows].map((r) => toCsvLine(r.map((v) => (v === null ? '' : String(v))))).join('\n');
  const lines = b.rows.map((r) => `${(r.label || '(空 empty)').padEnd(16)}\t${String(r.count).padStart(9)}\t${(r.share * 100).toFixed(1).padStart(5)}%\t${fmtChange(r.change)}`);
  if (b.otherGroups) lines.push(`(其他 ${b.otherGroups} others)\t${b.otherCount}`);
  return [`${b.by} · total ${b.total}${b.comparePeriod ? ' · change vs comparison period' : ''}`, ...lines].join('\n');
}

function pivotOut(p: Pivot, args: ParsedArgs): string {
  if (args.flags.json) return JSON.stringify(p);
  const name = (x: { key: string; label: string }) => (x.key === OTHER_KEY ? '其他 Other' : x.label || '(空 empty)');
  const head = [`${p.rowsBy} \\ ${p.colsBy}`, ...p.cols.map(name), 'total'];
  const rows = p.rows.map((r, i) => [name(r), ...p.counts[i].map(String), String(r.total)]);
  const sep = args.flags.csv ? null : '\t';
  return [head, ...rows].map((r) => (sep ? r.join(sep) : toCsvLine(r))).join('\n');
}

export async function statsCmd(engine: Engine, args: ParsedArgs): Promise<string> {
  const file = args.positional[1];
  if (!file) throw new UsageError('usage: stats <project> --by month|category1|district|department|… [--by2 …] [--from D --to D] [--where k=v] --json|--csv');
  const by = dimension(str(args, 'by'), 'by');
  const by2 = str(args, 'by2') === undefined ? null : dimension(str(args, 'by2'), 'by2');
  const compare = str(args, 'compare') ?? 'previous';
  if (compare !== 'previous' && compare !== 'yoy') throw new UsageError('--compare must be previous or yoy');
  const limit = str(args, 'limit') === undefined ? 5000 : Number(str(args, 'limit'));
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError('--limit must be an integer 1–5000');
  engine.ctx.projects.openFile(file, 'cli', 'cli.stats');
  const api = createApiClient({ call: (m, i) => engine.dispatcher.call(m, i), subscribe: (l) => engine.ctx.events.subscribe(l) });
  const filter = await statsFilter(api, args);
  if (by2) {
    const p = await callStats(engine, () => api.call('stats.pivot', { filter, rows: by, cols: by2, maxRows: 500, maxCols: 200, compare }));
    return pivotOut(p, args);
  }
  const b = await callStats(engine, () => api.call('stats.breakdown', { filter, by, limit, compare }));
  return breakdownOut(b, args);
}
