/**
 * cli hotspots | alerts | scan | backtest — the early-warning features without the UI.
 */
import { ApiError } from '../../../shared/api/errors';
import type { BacktestResult, HotspotResult, ScanResultOut } from '../../../shared/api/areas/alerts';
import { FilterSchema, type Filter } from '../../../shared/model/filter';
import { dateToDay, dayStartMs, dayToDate } from '../../../shared/domain/surveillance/holidays';
import type { Engine } from '../engine';
import { startProjectJob } from '../api/handlers/jobs';
import { handlers } from '../api/router';
import type { ParsedArgs } from './args';
import { UsageError } from './import-commands';

export const ALERT_COMMANDS = ['hotspots', 'alerts', 'scan', 'backtest'];

export const ALERT_HELP = `  hotspots <p> --layer <id|district|street|community> --method gistar|lisa [--weights queen|rook|distance]
         [--band-km N] [--permutations 999] [--fdr 0.05] [--value count|rate] [--filters JSON] [--from D --to D]
                                     热点分析 / Getis-Ord Gi* or Local Moran's I per area, global Moran's I
  alerts <p> [--since YYYY-MM-DD] [--status new,confirmed,…] [--all] [--detect [--from D --to D]]
                                     预警列表 / the alert inbox (--detect runs the detectors first)
  scan <p> --level community|street|district --days 14 [--study-days 365] [--replications 999] [--filters JSON]
         [--max-neighbours 15] [--max-radius-km 3] [--end D] [--alert-p 0.05] [--no-alerts]
                                     时空扫描 / prospective space-time permutation scan (Kulldorff 2005);
                                     clusters with p ≤ --alert-p are stored as alerts unless --no-alerts
  backtest <p>                       回测 / detectors over the history vs known events: delay and false alarms`;

const str = (a: ParsedArgs, k: string): string | undefined => (typeof a.flags[k] === 'string' ? (a.flags[k] as string) : undefined);
const num = (a: ParsedArgs, k: string): number | undefined => {
  const v = str(a, k);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${k} must be a number`);
  return n;
};

function filterOf(a: ParsedArgs): Filter {
  let f: Filter = {};
  const raw = str(a, 'filters');
  if (raw) {
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { throw new UsageError('--filters must be JSON, e.g. {"districts":["长干区"]}'); }
    const r = FilterSchema.safeParse(parsed);
    if (!r.success) throw new UsageError(`--filters: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
    f = r.data;
  }
  const from = str(a, 'from');
  const to = str(a, 'to');
  if (from) f = { ...f, from: dayStartMs(dateToDay(from)) };
  if (to) f = { ...f, to: dayStartMs(dateToDay(to) + 1) };
  return f;
}

async function runJob(engine: Engine, kind: string, params: unknown): Promise<unknown> {
  const jobId = startProjectJob(engine.ctx, kind, params);
  const done = await engine.ctx.jobs.wait(jobId);
  if (done.status === 'cancelled') throw new ApiError('CANCELLED');
  if (done.status !== 'succeeded') throw new ApiError('INTERNAL', { detail: done.message ?? done.status });
  return engine.ctx.jobs.resultOf(jobId);
}

function layerLevel(engine: Engine, layer: string | undefined): 'district' | 'street' | 'community' {
  if (layer === 'district' || layer === 'street' || layer === 'community') return layer;
  if (layer && /^\d+$/.test(layer)) {
    const row = engine.ctx.projects.require().handle.db.prepare('SELECT kind FROM layers WHERE id = ?').get(Number(layer)) as { kind: string } | undefined;
    if (row && (row.kind === 'district' || row.kind === 'street' || row.kind === 'community')) return row.kind;
    throw new UsageError(`layer ${layer} is not a district, street or community polygon layer`);
  }
  throw new UsageError('--layer must be a layer id or district|street|community');
}

const pct = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

export async function alertCmd(engine: Engine, args: ParsedArgs): Promise<[string, unknown]> {
  const [cmd, project] = args.positional;
  if (!project) throw new UsageError(`usage: ${cmd} <project> … (see --help)`);
  engine.ctx.projects.openFile(project, 'cli', `cli.${cmd}`);
  const ctx = engine.ctx;
  if (cmd === 'hotspots') {
    const method = str(args, 'method') ?? 'gistar';
    if (method !== 'gistar' && method !== 'lisa') throw new UsageError('--method must be gistar or lisa');
    const r = await handlers['hotspots.compute']({
      filter: filterOf(args), level: layerLevel(engine, str(args, 'layer')), method, weights: (str(args, 'weights') ?? 'queen') as 'queen',
      bandKm: num(args, 'band-km'), permutations: num(args, 'permutations') ?? 999, fdr: num(args, 'fdr') ?? 0.05,
      value: (str(args, 'value') ?? 'count') as 'count', seed: num(args, 'seed') ?? 1,
    }, ctx) as HotspotResult;
    const sig = r.areas.filter((x) => x.cls !== 'ns').sort((a, b) => (b.z ?? 0) - (a.z ?? 0));
    const text = [`${method} · ${r.params.level} · ${r.areas.length} areas · global Moran's I ${r.global.I.toFixed(4)} (z ${r.global.z.toFixed(2)}, p ${pct(r.global.p)})`,
      ...sig.map((x) => `${x.cls}\t${x.path.join('/')}\t${x.count}\tz/I ${x.z?.toFixed(3)}\tq ${pct(x.q)}`)].join('\n');
    return [text, r];
  }
  if (cmd === 'alerts') {
    if (args.flags.detect) {
      await runJob(engine, 'alerts.detect', { fromDay: str(args, 'from') ? dateToDay(str(args, 'from')!) : undefined, toDay: str(args, 'to') ? dateToDay(str(args, 'to')!) + 1 : undefined });
    }
    const since = str(args, 'since');
    const r = await handlers['alerts.list']({
      since: since ? dayStartMs(dateToDay(since)) : undefined, statuses: str(args, 'status')?.split(',') as never,
      includeLow: Boolean(args.flags.all), includeSnoozed: Boolean(args.flags.all), limit: num(args, 'limit') ?? 500,
    }, ctx);
    const text = r.alerts.map((a) => `#${a.id}\t${a.severity}\t${a.score.toFixed(1)}\t${a.status}\t${a.firstDay}\t${a.categoryName ?? '全部'} · ${a.area.join('') || '全市'}\t${a.observed}/${a.expected.toFixed(1)}\tp ${a.pValue === null ? '-' : pct(a.pValue)}\t${a.detectors.join(',')}`).join('\n');
    return [`${text}\n${r.alerts.length} of ${r.total} alerts`, r];
  }
  if (cmd === 'scan') {
    const level = str(args, 'level') ?? 'community';
    if (level !== 'community' && level !== 'street' && level !== 'district') throw new UsageError('--level must be community, street or district');
    const r = await runJob(engine, 'alerts.scan', {
      filter: filterOf(args), level, days: num(args, 'days') ?? 14, studyDays: num(args, 'study-days') ?? 365,
      replications: num(args, 'replications') ?? 999, maxNeighbours: num(args, 'max-neighbours') ?? 15, maxRadiusKm: num(args, 'max-radius-km') ?? 3,
      alertP: num(args, 'alert-p') ?? 0.05, storeAlerts: !args.flags['no-alerts'],
      ...(str(args, 'end') ? { endDay: str(args, 'end') } : {}),
    }) as ScanResultOut;
    const text = [`${r.totalCases} cases · ${r.areas} areas · ${r.seconds.toFixed(1)} s`,
      ...r.clusters.map((c) => `${c.centre} (+${c.areas.length - 1})\t${c.startDay}..${c.endDay}\t${c.observed}/${c.expected.toFixed(1)}\tLLR ${c.llr.toFixed(2)}\tp ${pct(c.pValue)}\tRI ${Math.round(c.recurrenceDays)} d${c.alertId != null ? `\talert #${c.alertId}` : ''}`)].join('\n');
    return [text, r];
  }
  const r = await runJob(engine, 'alerts.backtest', {}) as BacktestResult;
  const text = [...r.events.map((e) => `event ${e.eventId} ${dayToDate(e.startDay)}: ${e.detected ? `flagged after ${e.delayDays} d` : 'NOT flagged'} · ${e.label.slice(0, 40)}`),
    `signals ${r.signals} · true ${r.truePositives} · false alarms ${r.falseAlarms} over ${Math.round(r.seriesWeeks)} series-weeks = ${r.falseAlarmsPer100SeriesWeeks.toFixed(4)} per 100 series-weeks · ${r.series} series · ${r.seconds.toFixed(1)} s`].join('\n');
  return [text, r];
}
