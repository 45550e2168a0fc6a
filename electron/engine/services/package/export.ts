/**
 * Writes a data package: the selected records (anonymised as set) as an Arrow IPC file and/or CSV,
 * the taxonomy and crosswalk, the layers as GeoJSON, optional small-cell-suppressed aggregates, a
 * README, and manifest.json with every file's SHA-256. Runs as a job: a failure or cancel removes
 * what was written; the audit entry commits with the job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { ApiError } from '../../../../shared/api/errors';
import {
  KAnonymityCounter, createAnonymiser, keptColumns, presetOf, quasiValues, type AnonymiseStats, type PackageRecord,
} from '../../../../shared/domain/anonymise';
import { Rng } from '../../../../shared/domain/demo/rng';
import {
  MANIFEST_FILE, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type Manifest, type PackageExportInput, type PackageExportResult, type PackageFile,
} from '../../../../shared/api/areas/package';
import type { JobContext } from '../../jobs/types';
import { SqlitePackageRepository, type SourceRow } from '../../db/repos/package-repo';
import { exportTaxonomy } from '../../db/repos/package-taxonomy';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { ArrowRecordsWriter } from './arrow-io';
import { CsvRecordsWriter } from './csv-io';
import { GeoJsonRecordsWriter, GpkgRecordsWriter } from './geo-io';
import { writeLayers } from './layers-io';
import { describeFile } from './manifest';
import { AggregateCounter, writeAggregates, writeReadme } from './extras';
import { communityLocator } from './community';

export interface PackageExportParams extends PackageExportInput {
  appVersion: string;
  projectName: string;
  /** Fixed salt and seed (tests); otherwise fresh random ones that never leave the job. */
  salt?: string;
  seed?: number;
}

const nodeHmac = (key: string) => (m: string) => createHmac('sha256', key).update(m).digest('hex');

/** The package folder: created when missing; an existing one must be empty (nothing is overwritten). */
function prepareDir(outDir: string): { dir: string; created: boolean } {
  const dir = path.resolve(outDir);
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0) throw new ApiError('PACKAGE_OUT_NOT_EMPTY', { path: dir });
    return { dir, created: false };
  }
  fs.mkdirSync(dir, { recursive: true });
  return { dir, created: true };
}

export function toPackageRecord(r: SourceRow): PackageRecord {
  const { community_fid: _c, ...rest } = r;
  return { ...rest, synthetic: r.synthetic === true || r.synthetic === 1 };
}

export async function runPackageExport(ctx: JobContext, p: PackageExportParams): Promise<PackageExportResult> {
  const t0 = ctx.now();
  const { dir, created } = prepareDir(p.outDir);
  try {
    return await writePackage(ctx, p, dir, t0);
  } catch (e) {
    if (created) fs.rmSync(dir, { recursive: true, force: true });
    else for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    throw e;
  }
}

async function writePackage(ctx: JobContext, p: PackageExportParams, dir: string, t0: number): Promise<PackageExportResult> {
  const db = ctx.db;
  const repo = new SqlitePackageRepository(db);
  const s = p.settings;
  const total = repo.count(p.filter);
  ctx.progress(0, total, 'records');
  const columns = keptColumns(s);
  const seed = p.seed ?? randomInt(2 ** 31);
  const rng = new Rng(seed);
  const anon = createAnonymiser(s, { salt: p.salt ?? randomBytes(32).toString('hex'), rng: () => rng.next(), hmac: nodeHmac });
  const locate = s.location.mode === 'community' ? communityLocator(db) : null;
  const arrowOut = p.formats.includes('arrow') ? new ArrowRecordsWriter(path.join(dir, 'records.arrow'), columns) : null;
  const csvOut = p.formats.includes('csv') ? new CsvRecordsWriter(path.join(dir, 'records.csv'), columns) : null;
  const geoOut = [
    p.formats.includes('geojson') ? new GeoJsonRecordsWriter(path.join(dir, 'records.geojson'), columns) : null,
    p.formats.includes('gpkg') ? new GpkgRecordsWriter(path.join(dir, 'records.gpkg'), columns, new Date(ctx.now())) : null,
  ].filter((w) => w !== null);
  const kCheck = new KAnonymityCounter(s.quasiIdentifiers);
  const aggregates = s.aggregates ? new AggregateCounter() : null;
  const perBatch = new Map<number, number>();
  const perSource = new Map<string, number>();
  let n = 0;
  try {
    for (const row of repo.rows(p.filter, { communities: locate !== null })) {
      const out = anon.apply(toPackageRecord(row), locate ? { communityCentroid: locate(row) } : undefined);
      if (arrowOut) await arrowOut.push(out);
      csvOut?.push(out);
      for (const w of geoOut) w.push(out);
      kCheck.add(quasiValues(out, s.quasiIdentifiers, s));
      aggregates?.add(out);
      if (row.origin_batch !== null) perBatch.set(row.origin_batch, (perBatch.get(row.origin_batch) ?? 0) + 1);
      perSource.set(row.source_code, (perSource.get(row.source_code) ?? 0) + 1);
      if (++n % 5000 === 0) { ctx.checkCancelled(); ctx.progress(n, total, 'records'); }
    }
  } catch (e) {
    arrowOut?.abort();
    csvOut?.abort();
    for (const w of geoOut) w.abort();
    throw e;
  }
  if (arrowOut) await arrowOut.close();
  csvOut?.close();
  for (const w of geoOut) w.close();
  ctx.progress(n, total, 'files');
  const files: PackageFile[] = [];
  if (arrowOut) files.push(await describeFile(dir, 'records.arrow', 'records', 'arrow-ipc-file', n));
  if (csvOut) files.push(await describeFile(dir, 'records.csv', 'records-csv', 'csv-utf8-bom', n));
  if (p.formats.includes('geojson')) files.push(await describeFile(dir, 'records.geojson', 'records-geojson', 'geojson', n));
  if (p.formats.includes('gpkg')) files.push(await describeFile(dir, 'records.gpkg', 'records-gpkg', 'geopackage', n));

  let taxonomy: Manifest['taxonomy'] = null;
  if (p.taxonomy) {
    const t = exportTaxonomy(db);
    fs.writeFileSync(path.join(dir, 'taxonomy.json'), `${JSON.stringify(t, null, 1)}\n`, { flag: 'wx' });
    files.push(await describeFile(dir, 'taxonomy.json', 'taxonomy', 'json'));
    taxonomy = { file: 'taxonomy.json', categories: t.categories.length, crosswalk: t.crosswalk.length };
  }
  const layers = p.layers ? writeLayers(db, dir, () => ctx.checkCancelled()) : [];
  for (const l of layers) files.push(await describeFile(dir, l.file, 'layer', 'geojson', l.features));
  const agg = aggregates ? writeAggregates(path.join(dir, 'aggregates.csv'), aggregates, s.k) : null;
  if (agg) files.push(await describeFile(dir, 'aggregates.csv', 'aggregates', 'csv-utf8-bom', agg.cells));

  const kAnonymity = s.quasiIdentifiers.length ? kCheck.report(s.k) : null;
  const stats: AnonymiseStats = anon.stats;
  const batches = repo.batches([...perBatch.keys()]);
  const manifest: Manifest = {
    format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, createdAt: ctx.now(),
    minsheng: { version: p.appVersion, schemaVersion: db.pragma('user_version', { simple: true }) as number },
    project: { name: p.projectName, synthetic: batches.length > 0 && batches.every((b) => b.synthetic) },
    filter: p.filter as Record<string, unknown>,
    anonymisation: { preset: presetOf(s), settings: s, stats, kAnonymity, quasiIdentifiers: s.quasiIdentifiers, aggregates: agg },
    records: { rows: n, columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })), times: 'Arrow: timestamp[ms, UTC]; CSV: ISO 8601, Asia/Shanghai (+08:00)' },
    sources: repo.sources([...perSource.keys()]).map((x) => ({ ...x, rows: perSource.get(x.code) ?? 0 })),
    sourceBatches: batches.map(({ mapping, ...b }) => {
      const pkg = (mapping as { package?: unknown } | null)?.package;
      return { ...b, rows: perBatch.get(b.id) ?? 0, ...(pkg === undefined ? {} : { package: pkg }) };
    }),
    layers, taxonomy, files: [],
  };
  writeReadme(path.join(dir, 'README.txt'), manifest);
  files.push(await describeFile(dir, 'README.txt', 'readme', 'text'));
  manifest.files = files;
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), text, { flag: 'wx' });
  const manifestSha256 = (await describeFile(dir, MANIFEST_FILE, 'readme', 'json')).sha256;
  new SqliteAuditRepository(db).append({
    at: ctx.now(), actor: 'user', action: 'package.export',
    detail: { dir, rows: n, formats: p.formats, manifestSha256, preset: manifest.anonymisation.preset, filter: p.filter, files: files.map((f) => ({ path: f.path, sha256: f.sha256 })), kSmallest: kAnonymity?.smallest?.size ?? null },
  });
  return { dir, rows: n, seconds: (ctx.now() - t0) / 1000, manifestSha256, files, kAnonymity, stats };
}
