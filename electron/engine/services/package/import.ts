/**
 * Imports a data package into the open project. Every file is checked against the manifest first
 * (presence, size, SHA-256): any mismatch refuses the package before a single row is written. Then the
 * taxonomy and crosswalk merge, the layers arrive as they left, and the records of each source become
 * one new batch whose mapping_json carries the package's provenance (source batches and their hashes,
 * the filter, the anonymisation, the manifest's own SHA-256).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import type { Manifest, PackageImportResult } from '../../../../shared/api/areas/package';
import type { PackageColumn } from '../../../../shared/domain/anonymise/columns';
import type { JobContext } from '../../jobs/types';
import { RECORD_COLS } from '../../db/repos/import-repo';
import { SqlitePackageRepository } from '../../db/repos/package-repo';
import { CategoryResolver, type PackageCategory, type PackageCrosswalk } from '../../db/repos/package-taxonomy';
import { hasLayer, insertLayer } from '../../db/repos/package-layers';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { updateDerived } from '../derived';
import { inspectPackage, type Inspection } from './manifest';
import { packageTypeOf, readArrowRecords } from './arrow-io';
import { readCsvRecords } from './csv-io';
import { readLayerFile } from './layers-io';

/** The error for the first problem an inspection found (file named, in both languages). */
export function inspectionError(i: Inspection): ApiError {
  const p = i.problems[0];
  if (!p) return new ApiError('PACKAGE_INVALID', { path: i.dir, detail: '?' });
  switch (p.code) {
    case 'manifest_missing': return new ApiError('PACKAGE_INVALID', { path: i.dir, detail: '缺少 manifest.json / no manifest.json' });
    case 'manifest_invalid': return new ApiError('PACKAGE_INVALID', { path: i.dir, detail: `manifest.json: ${p.detail ?? ''}` });
    case 'file_missing': return new ApiError('PACKAGE_FILE_MISSING', { file: p.file });
    default: return new ApiError('PACKAGE_TAMPERED', { file: p.file, detail: p.detail ?? '' });
  }
}

const invalid = (dir: string, detail: string) => new ApiError('PACKAGE_INVALID', { path: dir, detail });

/** Rows of the package's records file, Arrow preferred; the Arrow schema must be the manifest's. */
async function* recordRows(dir: string, m: Manifest): AsyncGenerator<Record<string, unknown>[]> {
  const arrowFile = m.files.find((f) => f.role === 'records');
  const csvFile = m.files.find((f) => f.role === 'records-csv');
  const columns = m.records.columns as PackageColumn[];
  if (arrowFile) {
    for await (const b of readArrowRecords(path.join(dir, arrowFile.path))) {
      const got = b.schema.fields.map((f) => `${f.name}:${packageTypeOf(f.type)}`).join(',');
      const want = columns.map((c) => `${c.name}:${c.type}`).join(',');
      if (got !== want) throw invalid(dir, `records.arrow schema ≠ manifest (${got.slice(0, 120)}…)`);
      yield b.rows;
    }
  } else if (csvFile) yield* readCsvRecords(path.join(dir, csvFile.path), columns);
  else throw invalid(dir, '清单中没有记录文件 / the manifest lists no records file');
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function runPackageImport(ctx: JobContext, p: { dir: string }): Promise<PackageImportResult> {
  const t0 = ctx.now();
  ctx.progress(0, null, 'verify');
  const insp = await inspectPackage(p.dir);
  if (!insp.ok || !insp.manifest) throw inspectionError(insp);
  const m = insp.manifest;
  const dir = insp.dir;
  const db = ctx.db;
  const repo = new SqlitePackageRepository(db);
  const cats = new CategoryResolver(db);
  let crosswalkAdded = 0;
  if (m.taxonomy) {
    const t = JSON.parse(fs.readFileSync(path.join(dir, m.taxonomy.file), 'utf8')) as { categories: PackageCategory[]; crosswalk: PackageCrosswalk[] };
    cats.mergeTree(t.categories);
    crosswalkAdded = cats.mergeCrosswalk(t.crosswalk, ctx.now());
  }
  let layersAdded = 0;
  let layersSkipped = 0;
  for (const l of m.layers) {
    ctx.checkCancelled();
    const { layer, features } = readLayerFile(path.join(dir, l.file));
    if (hasLayer(db, l.name, l.kind, features.length)) { layersSkipped++; continue; }
    insertLayer(db, layer ?? {
      name: l.name, kind: l.kind, geometryType: l.geometryType, source: l.file, crsOriginal: 'wgs84', crsLabel: null, synthetic: l.synthetic, createdAt: ctx.now(),
      fileName: path.basename(l.file), format: 'geojson', nameField: null, codeField: null, populationField: null, householdsField: null, fields: null, report: null,
    }, features);
    layersAdded++;
  }
  for (const s of m.sources) repo.ensureSource(s);

  const recordsFile = m.files.find((f) => f.role === 'records') ?? m.files.find((f) => f.role === 'records-csv')!;
  const provenanceOf = (sourceCode: string) => ({
    manifestSha256: insp.manifestSha256, folder: path.basename(dir), createdAt: m.createdAt, minsheng: m.minsheng, project: m.project,
    filter: m.filter, anonymisation: { preset: m.anonymisation.preset, settings: m.anonymisation.settings },
    recordsFile: { path: recordsFile.path, sha256: recordsFile.sha256 },
    sourceBatches: m.sourceBatches.filter((b) => b.sourceCode === sourceCode),
  });
  const batches = new Map<string, { batchId: number; rows: number; imported: number; duplicates: number }>();
  const batchFor = (sourceCode: string) => {
    let b = batches.get(sourceCode);
    if (!b) {
      if (!m.sources.some((s) => s.code === sourceCode)) repo.ensureSource({ code: sourceCode, name: sourceCode, kind: 'hotline' });
      const synthetic = m.sourceBatches.some((x) => x.sourceCode === sourceCode) && m.sourceBatches.filter((x) => x.sourceCode === sourceCode).every((x) => x.synthetic);
      b = { batchId: repo.createBatch({ sourceCode, fileName: `${path.basename(dir)}/${recordsFile.path}`, sha256: recordsFile.sha256, fileSize: recordsFile.bytes, provenance: provenanceOf(sourceCode), startedAt: t0, synthetic }), rows: 0, imported: 0, duplicates: 0 };
      batches.set(sourceCode, b);
    }
    return b;
  };

  const write = repo.recordWriter();
  let n = 0;
  for await (const rows of recordRows(dir, m)) {
    ctx.checkCancelled();
    for (const r of rows) {
      n++;
      const source = str(r.source_code);
      const ext = str(r.external_id);
      if (!source || !ext || typeof r.received_at !== 'number') throw invalid(dir, `record ${n}: source_code, external_id and received_at are required`);
      const b = batchFor(source);
      const [c1, c2, c3] = cats.resolve([[str(r.cat1_code), str(r.cat1_name)], [str(r.cat2_code), str(r.cat2_name)], [str(r.cat3_code), str(r.cat3_name)]]);
      const vals = RECORD_COLS.map((c) => {
        switch (c) {
          case 'batch_id': return b.batchId;
          case 'cat1_id': return c1;
          case 'cat2_id': return c2;
          case 'cat3_id': return c3;
          case 'location_status': return str(r.location_status) ?? 'none';
          case 'transfers': return typeof r.transfers === 'number' ? r.transfers : 0;
          default: { const v = r[c]; return v === undefined ? null : v; }
        }
      });
      vals.push(r.synthetic === true ? 1 : 0);
      b.rows++;
      if (write(vals)) b.imported++; else b.duplicates++;
    }
    ctx.progress(n, m.records.rows, 'records');
  }
  if (n !== m.records.rows) throw invalid(dir, `${n} records read, the manifest says ${m.records.rows}`);
  const seconds = (ctx.now() - t0) / 1000;
  for (const b of batches.values()) repo.finishBatch(b.batchId, { rowsRead: b.rows, imported: b.imported, duplicates: b.duplicates, finishedAt: ctx.now(), seconds });
  for (const b of batches.values()) await updateDerived(ctx, { kind: 'batch-added', batchId: b.batchId });
  const result: PackageImportResult = {
    dir, manifestSha256: insp.manifestSha256!, rows: n,
    imported: [...batches.values()].reduce((s, b) => s + b.imported, 0), duplicates: [...batches.values()].reduce((s, b) => s + b.duplicates, 0),
    batches: [...batches].map(([sourceCode, b]) => ({ batchId: b.batchId, sourceCode, imported: b.imported, duplicates: b.duplicates })),
    categoriesAdded: cats.added, crosswalkAdded, layersAdded, layersSkipped, seconds,
  };
  new SqliteAuditRepository(db).append({ at: ctx.now(), actor: 'user', action: 'package.import', detail: { ...result, seconds: undefined, exportedAt: m.createdAt, project: m.project, preset: m.anonymisation.preset } });
  return result;
}
