/**
 * Command line of reference layers: layer add / layer stats, layers, overlay, geocode, export.
 * Each goes through the same handlers and jobs the UI uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../engine';
import { handlers } from '../api/router';
import type { GeocodeResultOut } from '../../../shared/api/areas/layers';
import type { ParsedArgs } from './args';
import { UsageError, waitJob } from './import-commands';

export const LAYER_HELP = `  layer add <file> --project <p> --kind community|road|street|district|poi|custom [--name-field F] [--code-field F]
         [--population-field F] [--households-field F] [--crs EPSG:4490|gcj02|bd09|…] [--name N] [--table T] [--encoding gbk|utf8]
                                     导入参考图层 / import a reference layer (GeoJSON, Shapefile .shp/.zip, KML, GeoPackage, CSV WKT/lon-lat)
  layers <p>                         图层与叠加情况 / layers, roles, assignment counts
  overlay <p> [--threshold M] [--district ID] [--street ID] [--community ID] [--road ID]
                                     空间叠加 / assign records to district/street/community polygons and the nearest road
  geocode <p> [--region CODE|auto] [--divisions FILE.csv [--divisions-mode extend|replace]] [--clear-divisions]
                                     地址匹配 / geocode address-only records; match rate and hold-out error (median, p90);
                                     行政区划 / the region (GB/T 2260 province or city code, e.g. 440300; auto: guessed
                                     from the records) and a user's division list (code,name[,parent]) for the gazetteer
  layer stats <p> --layer <id> --format csv|geojson|gpkg --out <file> [--from ISO] [--to ISO] [--buffer M]
                                     图层要素统计 / per-feature statistics with the layer's attributes
  export <p> --places --out <dir>    导出记录及其空间归属 / records with external id and assigned places, one CSV`;

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

function num(args: ParsedArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number`);
  return n;
}

async function runJob(engine: Engine, start: () => { jobId: string } | Promise<{ jobId: string }>, quiet: boolean): Promise<unknown> {
  const { jobId } = await start();
  return waitJob(engine, jobId, quiet);
}

function open(engine: Engine, p: string | undefined, usage: string): void {
  if (!p) throw new UsageError(usage);
  engine.ctx.projects.openFile(p, 'cli', 'cli.layers');
}

function dateFlag(args: ParsedArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`--${name} must be a date (ISO 8601)`);
  return t;
}

/** geocode's gazetteer flags: --region CODE|auto, --divisions FILE [--divisions-mode extend|replace], --clear-divisions. */
async function gazetteerOptions(engine: Engine, args: ParsedArgs): Promise<void> {
  const region = flag(args, 'region');
  const list = flag(args, 'divisions');
  const mode = flag(args, 'divisions-mode') ?? 'extend';
  if (mode !== 'extend' && mode !== 'replace') throw new UsageError('--divisions-mode must be extend or replace');
  if (list) await handlers['gazetteer.importList']({ path: list, mode }, engine.ctx);
  if (region !== undefined || args.flags['clear-divisions']) {
    await handlers['gazetteer.set']({ region: region === undefined ? undefined : region === 'auto' ? null : region, clearUserList: Boolean(args.flags['clear-divisions']) || undefined }, engine.ctx);
  }
}

/** Runs one layer command; returns [human text, JSON]. */
export async function layerCmd(engine: Engine, args: ParsedArgs): Promise<[string, unknown]> {
  const [cmd, sub, file] = args.positional;
  const ctx = engine.ctx;
  const quiet = Boolean(args.flags.json);
  if (cmd === 'layer' && sub === 'add') {
    const kind = flag(args, 'kind');
    open(engine, flag(args, 'project'), 'usage: layer add <file> --project <p> --kind community|road|street|district|poi|custom');
    if (!file || !kind) throw new UsageError('usage: layer add <file> --project <p> --kind community|road|street|district|poi|custom');
    const input = {
      path: file, kind, name: flag(args, 'name'), nameField: flag(args, 'name-field'), codeField: flag(args, 'code-field'),
      populationField: flag(args, 'population-field'), householdsField: flag(args, 'households-field'), crs: flag(args, 'crs'),
      options: { table: flag(args, 'table'), encoding: flag(args, 'encoding'), wktColumn: flag(args, 'wkt-column'), lonColumn: flag(args, 'lon-column'), latColumn: flag(args, 'lat-column') },
    };
    const r = await runJob(engine, () => handlers['layers.add'](input as never, ctx), quiet) as { layerId: number; name: string; loaded: number; skipped: number; crs: { code: string }; problemCounts: Record<string, number> };
    return [`layer ${r.layerId} “${r.name}”: ${r.loaded} features loaded, ${r.skipped} skipped · ${r.crs.code} · problems ${JSON.stringify(r.problemCounts)}`, r];
  }
  if (cmd === 'layers') {
    open(engine, sub, 'usage: layers <project> [--json]');
    const s = await handlers['layers.list']({}, ctx);
    const lines = s.layers.map((l) => `${l.id}\t${l.kind}\t${l.role ?? '-'}\t${l.features} features\t${l.name}\t${l.crsOriginal}`);
    lines.push(`located ${s.assigned.located} · district ${s.assigned.byRole.district} · street ${s.assigned.byRole.street} · community ${s.assigned.byRole.community} · road ${s.assigned.byRole.road} · unmatched ${s.assigned.unmatched}`);
    return [lines.join('\n'), s];
  }
  if (cmd === 'overlay') {
    open(engine, sub, 'usage: overlay <project> [--threshold M]');
    const roles: Record<string, number> = {};
    for (const r of ['district', 'street', 'community', 'road']) { const v = num(args, r); if (v !== undefined) roles[r] = v; }
    const r = await runJob(engine, () => handlers['layers.overlay']({ roles: Object.keys(roles).length ? roles : undefined, roadThresholdM: num(args, 'threshold') }, ctx), quiet) as
      { records: number; assigned: Record<string, number>; unmatched: number; seconds: number };
    return [`${r.records} located records · ${Object.entries(r.assigned).map(([k, v]) => `${k} ${v}`).join(' · ')} · unmatched ${r.unmatched} · ${r.seconds.toFixed(1)} s`, r];
  }
  if (cmd === 'geocode') {
    open(engine, sub, 'usage: geocode <project> [--region CODE|auto] [--divisions FILE] [--json]');
    await gazetteerOptions(engine, args);
    const r = await runJob(engine, () => handlers['layers.geocode']({}, ctx), quiet) as GeocodeResultOut;
    const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)} %`);
    const g = r.gazetteer;
    const gaz = g ? ` · region ${g.regionName ?? '-'} (${g.regionSource ?? 'none'}): ${g.recognised} records with a division code, ${g.filled} texts filled, ${r.byMethod.gazetteer ?? 0} placed by the gazetteer` : '';
    return [`matched ${r.matched}/${r.candidates} (${pct(r.matchRate)}) · hold-out ${r.holdout.sampled}: median ${r.holdout.medianM ?? '-'} m, p90 ${r.holdout.p90M ?? '-'} m${gaz}`, r];
  }
  if (cmd === 'layer' && sub === 'stats') {
    open(engine, file, 'usage: layer stats <project> --layer <id> --format csv|geojson|gpkg --out <file>');
    const layerId = num(args, 'layer'); const format = flag(args, 'format'); const out = flag(args, 'out');
    if (!layerId || !format || !out || !['csv', 'geojson', 'gpkg'].includes(format)) throw new UsageError('usage: layer stats <project> --layer <id> --format csv|geojson|gpkg --out <file>');
    const filter = { from: dateFlag(args, 'from'), to: dateFlag(args, 'to') };
    const r = await handlers['layers.exportStats']({ layerId, filter, format: format as 'csv', path: out, bufferM: num(args, 'buffer') }, ctx);
    return [`${r.features} features → ${r.path}`, r];
  }
  if (cmd === 'export') {
    open(engine, sub, 'usage: export <project> --places --out <dir>');
    const dir = flag(args, 'out');
    if (!dir) throw new UsageError('usage: export <project> --places --out <dir>');
    fs.mkdirSync(dir, { recursive: true });
    const r = await handlers['layers.exportRecords']({ filter: {}, path: path.join(dir, 'records.csv') }, ctx);
    return [`${r.rows} records → ${r.path}`, r];
  }
  throw new UsageError(`unknown command: ${args.positional.join(' ')} (see --help)`);
}

export const LAYER_COMMANDS = ['layer', 'layers', 'overlay', 'geocode', 'export'];
