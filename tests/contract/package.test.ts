/**
 * Data packages through the contract: a full round trip into a fresh project, tamper detection with
 * nothing written, the Arrow file read by a second independent process, planted personal information
 * gone from every field, and the manifest's k-anonymity figure recomputed from the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { PRESETS, timeLabel } from '../../shared/domain/anonymise';
import type { Manifest, PackageExportResult, PackageImportResult } from '../../shared/api/areas/package';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob, runJobRaw } from './layers-support';
import { projectSnapshot, tableCounts } from './package-support';

const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('data packages (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  const db = () => h.engine.ctx.projects.require().handle.db;
  let source: ReturnType<typeof projectSnapshot>;
  let sourceBatches: { id: number; file_name: string; sha256: string | null }[];
  const full = () => path.join(dir, 'pkg-full');

  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir('minsheng-package-'));
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'source.minsheng') });
    await runJob(api, () => api.call('demo.generate', { records: 3000, seed: 11 }));
    await runJob<PackageExportResult>(api, () => api.call('package.export', { filter: {}, settings: PRESETS.none, formats: ['arrow', 'csv'], outDir: full() }));
    source = projectSnapshot(db());
    sourceBatches = db().prepare('SELECT id, file_name, sha256 FROM batches ORDER BY id').all() as never;
  }, 180_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('round trip: export → import into a fresh project → the same records, taxonomy, layers and provenance', async () => {
    const m = readManifest(full());
    expect(m.records.rows).toBe(3000);
    expect(m.files.map((f) => f.path)).toEqual(expect.arrayContaining(['records.arrow', 'records.csv', 'taxonomy.json', 'README.txt']));
    expect(m.layers.length).toBe(source.layers.length);
    expect(m.sourceBatches.map((b) => [b.id, b.fileName, b.sha256])).toEqual(sourceBatches.map((b) => [b.id, b.file_name, b.sha256]));
    expect((db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'package.export'").get() as { n: number }).n).toBe(1);

    await api.call('project.create', { path: path.join(dir, 'receiver.minsheng') });
    const r = await runJob<PackageImportResult>(api, () => api.call('package.import', { dir: full() }));
    expect(r).toMatchObject({ rows: 3000, imported: 3000, duplicates: 0, layersAdded: source.layers.length });
    const got = projectSnapshot(db());
    expect(got.records.length).toBe(source.records.length);
    expect(got.records).toEqual(source.records);
    expect(got.taxonomy).toEqual(source.taxonomy);
    expect(got.layers).toEqual(source.layers);
    // provenance: the new batch names the package, its records file hash and the source batches with their hashes
    const batch = db().prepare('SELECT file_name, sha256, mapping_json, synthetic FROM batches').get() as { file_name: string; sha256: string; mapping_json: string; synthetic: number };
    const prov = JSON.parse(batch.mapping_json).package;
    expect(batch.sha256).toBe(m.files.find((f) => f.role === 'records')!.sha256);
    expect(batch.synthetic).toBe(1);
    expect(prov.manifestSha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(full(), 'manifest.json'))).digest('hex'));
    expect(prov.sourceBatches.map((b: { id: number; sha256: string }) => [b.id, b.sha256])).toEqual(sourceBatches.map((b) => [b.id, b.sha256]));
    const audit = db().prepare("SELECT detail_json FROM audit_log WHERE action = 'package.import'").all() as { detail_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail_json).manifestSha256).toBe(prov.manifestSha256);
    // a second import of the same package finds every record already there
    const again = await runJob<PackageImportResult>(api, () => api.call('package.import', { dir: full() }));
    expect(again).toMatchObject({ imported: 0, duplicates: 3000, layersAdded: 0, layersSkipped: source.layers.length, categoriesAdded: 0 });
  });

  it('tamper detection: one changed byte, a missing file or a broken manifest → refused, project unchanged', async () => {
    await api.call('project.create', { path: path.join(dir, 'tamper.minsheng') });
    const copy = (name: string) => { const d = path.join(dir, name); fs.cpSync(full(), d, { recursive: true }); return d; };
    const flipped = copy('pkg-flip');
    const file = path.join(flipped, 'records.arrow');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    fs.writeFileSync(file, bytes);
    const missing = copy('pkg-missing');
    fs.rmSync(path.join(missing, 'taxonomy.json'));
    const badManifest = copy('pkg-manifest');
    fs.writeFileSync(path.join(badManifest, 'manifest.json'), fs.readFileSync(path.join(badManifest, 'manifest.json'), 'utf8').replace('"formatVersion": 1', '"formatVersion": "one"'));

    const insp = await api.call('package.inspect', { dir: flipped });
    expect(insp.ok).toBe(false);
    expect(insp.problems).toEqual([expect.objectContaining({ code: 'hash_mismatch', file: 'records.arrow' })]);
    expect((await api.call('package.inspect', { dir: full() })).ok).toBe(true);

    const before = tableCounts(db());
    for (const [pkg, code] of [[flipped, 'PACKAGE_TAMPERED'], [missing, 'PACKAGE_FILE_MISSING'], [badManifest, 'PACKAGE_INVALID']] as const) {
      const out = await runJobRaw(api, () => api.call('package.import', { dir: pkg }));
      expect(out.job.status).toBe('failed');
      expect(out.error?.code).toBe(code);
      expect(tableCounts(db())).toEqual(before);
    }
  });

  it('the Arrow file opens in a second, independent reader (a separate Node process) with the same rows and schema', () => {
    const m = readManifest(full());
    const script = `const fs = require('fs'); const { tableFromIPC } = require('apache-arrow');
      const t = tableFromIPC(fs.readFileSync(process.argv[1]));
      process.stdout.write(JSON.stringify({ rows: t.numRows, fields: t.schema.fields.map((f) => [f.name, String(f.type), f.nullable]) }));`;
    const r = spawnSync(process.execPath, ['-e', script, path.join(full(), 'records.arrow')], { encoding: 'utf8', cwd: process.cwd() });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; fields: [string, string, boolean][] };
    expect(out.rows).toBe(m.records.rows);
    const arrowType = { utf8: 'Utf8', float64: 'Float64', int32: 'Int32', bool: 'Bool', timestamp: 'Timestamp<MILLISECOND, UTC>' };
    expect(out.fields).toEqual(m.records.columns.map((c) => [c.name, arrowType[c.type], c.nullable]));
  });

  it('the manifest\'s k-anonymity check equals a recount from the exported file, and the preview agrees', async () => {
    await api.call('project.open', { path: path.join(dir, 'source.minsheng') });
    const settings = { ...PRESETS.standard, quasiIdentifiers: ['district', 'category1', 'receivedAt'] as ('district' | 'category1' | 'receivedAt')[], time: 'week' as const, k: 5 };
    const out = path.join(dir, 'pkg-k');
    const res = await runJob<PackageExportResult>(api, () => api.call('package.export', { filter: {}, settings, formats: ['arrow'], outDir: out, layers: false }));
    const t = tableFromIPC(fs.readFileSync(path.join(out, 'records.arrow')));
    const groups = new Map<string, number>();
    for (const row of t) {
      const key = [row.district, `${row.cat1_code} ${row.cat1_name}`, timeLabel(Number(row.received_at), 'week')].join('|');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const sizes = [...groups.values()];
    const m = readManifest(out);
    expect(m.anonymisation.kAnonymity).toMatchObject({ k: 5, records: 3000, groups: groups.size, recordsBelowK: sizes.filter((n) => n < 5).reduce((a, b) => a + b, 0) });
    expect(m.anonymisation.kAnonymity!.smallest!.size).toBe(Math.min(...sizes));
    expect(res.kAnonymity).toEqual(m.anonymisation.kAnonymity);
    const pv = await api.call('package.preview', { filter: {}, settings });
    expect(pv.kAnonymity).toEqual(m.anonymisation.kAnonymity);
    expect(pv.total).toBe(3000);
    // suppressed aggregate cells print as "<5" and never a count below 5
    const agg = fs.readFileSync(path.join(out, 'aggregates.csv'), 'utf8').trim().split(/\r\n/).slice(1).map((l) => l.split(',').at(-1)!);
    expect(agg.length).toBe(m.anonymisation.aggregates!.cells);
    for (const c of agg) expect(c === '<5' || Number(c) >= 5).toBe(true);
    expect(agg.filter((c) => c === '<5').length).toBe(m.anonymisation.aggregates!.suppressedCells);
  });

  it('the preview (grouped in SQL) and the export (counted record by record) agree for every location mode', async () => {
    for (const mode of ['grid', 'community', 'keep'] as const) {
      const settings = { ...PRESETS.standard, location: { ...PRESETS.standard.location, mode, gridM: 1000 }, time: 'month' as const, quasiIdentifiers: ['district', 'location', 'receivedAt'] as ('district' | 'location' | 'receivedAt')[] };
      const res = await runJob<PackageExportResult>(api, () => api.call('package.export', { filter: {}, settings, formats: ['csv'], outDir: path.join(dir, `pkg-loc-${mode}`), layers: false, taxonomy: false }));
      const pv = await api.call('package.preview', { filter: {}, settings });
      expect(pv.kAnonymity, mode).toEqual(res.kAnonymity);
    }
  });

  it('refuses a non-empty output folder, and a failed export leaves no files behind', async () => {
    const busy = path.join(dir, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'x');
    await expect(api.call('package.export', { filter: {}, settings: PRESETS.none, formats: ['csv'], outDir: busy })).rejects.toMatchObject({ code: 'PACKAGE_OUT_NOT_EMPTY' });
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);
  });
});
