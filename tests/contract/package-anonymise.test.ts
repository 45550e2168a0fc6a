/**
 * Anonymised packages end to end: planted phone numbers, resident IDs (valid checksums), bank cards
 * (Luhn), e-mails and plates in title, content, reply and address, and the raw phone column, are gone
 * from every exported file; caller hashes are package-specific; a CSV-only package imports too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { PRESETS, type AnonymiseSettings } from '../../shared/domain/anonymise';
import { countPii } from '../../shared/domain/text/pii';
import type { PackageExportResult, PackageImportResult } from '../../shared/api/areas/package';
import { PLANTED } from '../unit/domain/anonymise/pii-fixtures';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob } from './layers-support';
import { writePlantedCsv } from './package-support';
import { readGpkgTable } from '../../electron/engine/db/repos/geo-gpkg';
import { parseGpkgBlob } from '../../shared/domain/geo/wkb';

const ROWS = 30;

describe('anonymised data packages (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  const db = () => h.engine.ctx.projects.require().handle.db;

  const exportWith = async (name: string, settings: AnonymiseSettings, formats: ('arrow' | 'csv' | 'geojson' | 'gpkg')[] = ['arrow', 'csv']) => {
    const out = path.join(dir, name);
    const res = await runJob<PackageExportResult>(api, () => api.call('package.export', { filter: {}, settings, formats, outDir: out }));
    return { out, res };
  };

  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir('minsheng-package-pii-'));
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'pii.minsheng') });
    const csv = path.join(dir, 'planted.csv');
    writePlantedCsv(csv, ROWS);
    const pv = await api.call('import.preview', { path: csv });
    const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' as const, keepPhone: true };
    expect(mapping.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['title', 'content', 'reply', 'address', 'callerPhone']));
    await runJob(api, () => api.call('import.start', { path: csv, sourceCode: '12345', options: { format: 'csv' }, mapping, onDuplicate: 'skip' }));
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('the project really holds the planted values (raw phone kept on opt-in)', () => {
    const r = db().prepare('SELECT title, content, reply, address, caller_phone FROM records LIMIT 1').get() as Record<string, string>;
    expect(r.caller_phone).toBe(PLANTED.mobile);
    expect(countPii(`${r.title} ${r.content} ${r.reply}`)).toEqual({ plate: 1, idCard: 1, bankCard: 2, landline: 1, email: 1, mobile: 2 });
  });

  for (const [preset, settings] of [['standard (mask)', PRESETS.standard], ['redact', { ...PRESETS.standard, text: { title: 'redact', content: 'redact', reply: 'redact', address: 'redact' } }], ['strict', PRESETS.strict]] as const) {
    it(`${preset}: no planted value in any file, no detectable personal information in any text cell`, async () => {
      const { out, res } = await exportWith(`pkg-${preset.split(' ')[0]}`, settings as AnonymiseSettings);
      const csvText = fs.readFileSync(path.join(out, 'records.csv'), 'utf8');
      const arrowBytes = fs.readFileSync(path.join(out, 'records.arrow'));
      const arrowText = arrowBytes.toString('utf8');
      for (const v of Object.values(PLANTED)) {
        expect(csvText).not.toContain(v);
        expect(arrowText).not.toContain(v);
      }
      const t = tableFromIPC(arrowBytes);
      expect(t.numRows).toBe(ROWS);
      for (const row of t) {
        for (const f of ['title', 'content', 'reply', 'address', 'caller_phone']) {
          const v = (row as unknown as Record<string, unknown>)[f];
          if (typeof v === 'string') expect(countPii(v), `${f}: ${v}`).toEqual({});
        }
        expect(String(row.address ?? '')).not.toMatch(/\d+号/);
      }
      expect(t.schema.fields.map((f) => f.name)).not.toContain('caller_phone');
      expect(res.stats.piiRemoved).toBe(res.stats.piiByField.title + res.stats.piiByField.content + res.stats.piiByField.reply + res.stats.piiByField.address);
      expect(res.stats.piiByKind).toMatchObject({ mobile: ROWS * 2, idCard: ROWS, bankCard: ROWS * 2, email: ROWS, landline: ROWS, plate: ROWS });
    });
  }

  it('caller hashes are replaced by package-specific ones (repeat calls still group), or dropped', async () => {
    const projectHash = (db().prepare('SELECT DISTINCT caller_hash FROM records').all() as { caller_hash: string }[]).map((r) => r.caller_hash);
    expect(projectHash).toHaveLength(1);
    const a = tableFromIPC(fs.readFileSync(path.join((await exportWith('pkg-hash-a', PRESETS.standard, ['arrow'])).out, 'records.arrow')));
    const b = tableFromIPC(fs.readFileSync(path.join((await exportWith('pkg-hash-b', PRESETS.standard, ['arrow'])).out, 'records.arrow')));
    const hashes = (t: typeof a) => new Set([...t].map((r) => r.caller_hash as string));
    expect(hashes(a).size).toBe(1);
    expect([...hashes(a)][0]).not.toBe(projectHash[0]);
    expect([...hashes(a)][0]).not.toBe([...hashes(b)][0]);
    const strict = tableFromIPC(fs.readFileSync(path.join((await exportWith('pkg-hash-strict', PRESETS.strict, ['arrow'])).out, 'records.arrow')));
    expect(strict.schema.fields.map((f) => f.name)).not.toContain('caller_hash');
  });

  it('the preview shows records before and after, personal information first, with what was found', async () => {
    const pv = await api.call('package.preview', { filter: {}, settings: PRESETS.standard, sample: 3 });
    expect(pv.total).toBe(ROWS);
    expect(pv.sample).toHaveLength(3);
    expect(pv.sample[0].before.content).toContain(PLANTED.idCard);
    expect(pv.sample[0].after.content).not.toContain(PLANTED.idCard);
    expect(pv.stats.piiByKind.idCard).toBe(ROWS);
    expect(pv.columns.dropped).toContain('caller_phone');
    expect(pv.kAnonymity?.records).toBe(ROWS);
  });

  it('GeoJSON and GeoPackage: one point per record at the same anonymised place as the Arrow file, no planted value, hashed in the manifest', async () => {
    const { out, res } = await exportWith('pkg-geo', PRESETS.standard, ['arrow', 'geojson', 'gpkg']);
    expect(res.files.map((f) => f.role)).toEqual(expect.arrayContaining(['records', 'records-geojson', 'records-gpkg']));
    expect((await api.call('package.inspect', { dir: out })).ok).toBe(true);
    const arrow = [...tableFromIPC(fs.readFileSync(path.join(out, 'records.arrow')))].map((r) => [r.external_id as string, [r.lon as number, r.lat as number]] as const);
    const want = new Map(arrow);
    const geojsonText = fs.readFileSync(path.join(out, 'records.geojson'), 'utf8');
    const fc = JSON.parse(geojsonText) as { features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[]; bbox: number[] };
    expect(fc.features).toHaveLength(ROWS);
    for (const f of fc.features) {
      expect(f.geometry?.coordinates).toEqual(want.get(f.properties.external_id as string));
      expect(String(f.properties.received_at)).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+08:00$/);
    }
    const gpkg = readGpkgTable(path.join(out, 'records.gpkg'));
    expect(gpkg.table).toBe('minsheng_records');
    expect(gpkg.rows).toHaveLength(ROWS);
    for (const r of gpkg.rows) {
      const g = parseGpkgBlob(r.blob!).geometry;
      expect(g?.type === 'Point' && g.coordinates).toEqual(want.get(r.props.external_id as string));
    }
    const gpkgText = fs.readFileSync(path.join(out, 'records.gpkg')).toString('utf8');
    for (const v of Object.values(PLANTED)) {
      expect(geojsonText).not.toContain(v);
      expect(gpkgText).not.toContain(v);
    }
  });

  it('a CSV-only anonymised package imports into another project, keeping the anonymised values', async () => {
    const { out } = await exportWith('pkg-csv', PRESETS.standard, ['csv']);
    await api.call('project.create', { path: path.join(dir, 'receiver.minsheng') });
    const r = await runJob<PackageImportResult>(api, () => api.call('package.import', { dir: out }));
    expect(r).toMatchObject({ rows: ROWS, imported: ROWS });
    const rows = db().prepare('SELECT content, caller_phone, received_at, lon FROM records').all() as { content: string; caller_phone: string | null; received_at: number; lon: number }[];
    for (const row of rows) {
      expect(countPii(row.content)).toEqual({});
      expect(row.caller_phone).toBeNull();
      expect((row.received_at + 8 * 3_600_000) % 86_400_000).toBe(0); // coarsened to the Shanghai day
    }
    expect(new Set(rows.map((x) => x.lon)).size).toBeLessThan(ROWS); // snapped to 500 m cells
  });
});
