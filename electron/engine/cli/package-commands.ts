/**
 * cli package export <p> --out <dir> [--format arrow|csv|geojson|gpkg[,…]|both] [--preset none|standard|strict]
 *                  [--anonymize settings.json] [--from D] [--to D] [--where k=v;…] [--no-layers] [--no-taxonomy]
 * cli package verify <dir>
 * cli package import <dir> --project <p>
 * The same contract methods and jobs as the Reports screen's data package tab.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApiClient } from '../../../shared/api/client';
import { AnonymiseSettingsSchema, PRESETS, PRESET_NAMES, type PresetName } from '../../../shared/domain/anonymise/settings';
import type { PackageExportResult, PackageImportResult } from '../../../shared/api/areas/package';
import type { Engine } from '../engine';
import { inspectPackage } from '../services/package/manifest';
import { inspectionError } from '../services/package/import';
import type { ParsedArgs } from './args';
import { UsageError, waitJob } from './import-commands';
import { statsFilter } from './stats-commands';

export const PACKAGE_HELP = `  export <p> --format arrow|csv|geojson|gpkg[,…] [--anonymize settings.json] --out <dir>
                                     导出记录 / the same as package export with these formats (GeoJSON/GeoPackage: points at lon/lat)
  package export <p> --out <dir> [--format arrow|csv|geojson|gpkg[,…]|both] [--preset none|standard|strict] [--anonymize settings.json]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--where k=v[;k=v]] [--no-layers] [--no-taxonomy]
                                     导出数据包 / write a data package: records (Arrow IPC file, CSV), taxonomy, layers (GeoJSON),
                                     manifest with SHA-256 of every file; anonymised by the preset (default standard), with
                                     settings.json overriding any of its fields
  package verify <dir>               校验数据包 / check every file of a package against its manifest (exit 1 when one fails)
  package import <dir> --project <p> 导入数据包 / import a package after checking every hash (refused, nothing written, when one fails)`;

const str = (args: ParsedArgs, k: string): string | undefined => (typeof args.flags[k] === 'string' ? args.flags[k] as string : undefined);

function settingsFrom(args: ParsedArgs) {
  const preset = (str(args, 'preset') ?? 'standard') as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new UsageError(`--preset must be one of: ${PRESET_NAMES.join(', ')}`);
  const file = str(args, 'anonymize') ?? str(args, 'anonymise');
  let over: Record<string, unknown> = {};
  if (file) {
    try { over = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>; } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const base = PRESETS[preset];
  const merged = { ...base, ...over, text: { ...base.text, ...(over.text as object | undefined) }, location: { ...base.location, ...(over.location as object | undefined) } };
  const parsed = AnonymiseSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`bad anonymisation settings (${i?.path.join('.')}): ${i?.message}`);
  }
  return parsed.data;
}

const FORMATS = ['arrow', 'csv', 'geojson', 'gpkg'] as const;
type Format = (typeof FORMATS)[number];

/** `both` (Arrow + CSV) or a comma-separated list of arrow, csv, geojson, gpkg. */
function formatsFrom(v: string): Format[] {
  const list = v === 'both' ? ['arrow', 'csv'] : v.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (!list.length || bad.length) throw new UsageError(`--format must be arrow, csv, geojson, gpkg (comma-separated) or both${bad.length ? `, not ${bad.join(', ')}` : ''}`);
  return [...new Set(list)] as Format[];
}

async function waitFor<T>(engine: Engine, jobId: string, quiet: boolean): Promise<T> {
  return (await waitJob(engine, jobId, quiet)) as T;
}

/** Returns [human text, JSON, exit code]. */
export async function packageCmd(engine: Engine, args: ParsedArgs): Promise<[string, unknown, number]> {
  const sub = args.positional[1];
  const target = args.positional[2];
  const quiet = Boolean(args.flags.json);
  if (sub === 'verify' && target) {
    const r = await inspectPackage(target);
    const lines = r.ok ? [`ok: ${r.manifest!.files.length} files match the manifest (manifest SHA-256 ${r.manifestSha256})`]
      : r.problems.map((p) => `${p.code}\t${p.file}${p.detail ? `\t${p.detail}` : ''}`);
    return [lines.join('\n'), r, r.ok ? 0 : 1];
  }
  if (sub === 'export' && target) {
    const out = str(args, 'out');
    if (!out) throw new UsageError('usage: package export <project> --out <dir> [--format arrow|csv|geojson|gpkg[,…]|both] [--preset …] [--anonymize settings.json]');
    const formats = formatsFrom(str(args, 'format') ?? 'both');
    const settings = settingsFrom(args);
    engine.ctx.projects.openFile(target, 'cli', 'cli.package.export');
    const api = createApiClient({ call: (m, i) => engine.dispatcher.call(m, i), subscribe: (l) => engine.ctx.events.subscribe(l) });
    const filter = await statsFilter(api, args);
    const { jobId } = await api.call('package.export', {
      filter, settings, formats: [...formats], outDir: path.resolve(out), layers: !args.flags['no-layers'], taxonomy: !args.flags['no-taxonomy'],
    });
    const r = await waitFor<PackageExportResult>(engine, jobId, quiet);
    const k = r.kAnonymity;
    const text = [`${r.rows} records → ${r.dir} in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(r.seconds, 0.001))} rows/s)`,
      ...r.files.map((f) => `  ${f.path.padEnd(40)} ${String(f.bytes).padStart(12)} B  ${f.sha256}`),
      `personal information found ${Object.values(r.stats.piiByKind).reduce((a, b) => a + b, 0)}, removed ${r.stats.piiRemoved}`,
      k ? `k-anonymity (k=${k.k}): smallest group ${k.smallest?.size ?? 0} ${JSON.stringify(k.smallest?.values ?? {})}; ${k.recordsBelowK} records in ${k.groupsBelowK} groups below k` : '',
      `manifest SHA-256 ${r.manifestSha256}`].filter(Boolean);
    return [text.join('\n'), r, 0];
  }
  if (sub === 'import' && target) {
    const project = str(args, 'project');
    if (!project) throw new UsageError('usage: package import <dir> --project <p>');
    const check = await inspectPackage(target);
    if (!check.ok) throw inspectionError(check);
    engine.ctx.projects.openFile(project, 'cli', 'cli.package.import');
    const { jobId } = await engine.dispatcher.call('package.import', { dir: path.resolve(target) }) as { jobId: string };
    const r = await waitFor<PackageImportResult>(engine, jobId, quiet);
    return [`${r.rows} records: imported ${r.imported}, duplicates ${r.duplicates} · batches ${r.batches.map((b) => `${b.batchId} (${b.sourceCode})`).join(', ')} · categories +${r.categoriesAdded}, crosswalk +${r.crosswalkAdded}, layers +${r.layersAdded} (skipped ${r.layersSkipped}) · ${r.seconds.toFixed(1)} s`, r, 0];
  }
  throw new UsageError('usage: package export <project> --out <dir> … | package verify <dir> | package import <dir> --project <p>');
}
