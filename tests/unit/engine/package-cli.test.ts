/** cli package export | verify | import: the same jobs as the UI, exit codes, messages in both languages. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../helpers/tmp';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli package', () => {
  let dir: string; let cleanup: () => void;
  const p = (f: string) => path.join(dir, f);
  beforeAll(() => {
    ({ dir, cleanup } = tmpDir('minsheng-pkg-cli-'));
    const demo = cli(['demo', p('demo.minsheng'), '--records', '600', '--json']);
    expect(demo.code, demo.err).toBe(0);
  }, 240_000);
  afterAll(() => cleanup());

  it('exports with a preset, overrides from settings.json and a --where filter; verify passes', () => {
    fs.writeFileSync(p('settings.json'), JSON.stringify({ time: 'month', location: { mode: 'drop' } }));
    const r = cli(['package', 'export', p('demo.minsheng'), '--out', p('pkg'), '--format', 'arrow', '--preset', 'strict', '--anonymize', p('settings.json'), '--where', 'source=demo-12345|12345', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { rows: number; files: { path: string }[] };
    const m = JSON.parse(fs.readFileSync(p('pkg/manifest.json'), 'utf8')) as { records: { rows: number; columns: { name: string }[] }; anonymisation: { settings: { time: string; text: { content: string } } }; filter: unknown };
    expect(m.records.rows).toBe(out.rows);
    expect(out.rows).toBeGreaterThan(0);
    expect(out.files.map((f) => f.path)).not.toContain('records.csv');
    expect(m.anonymisation.settings.time).toBe('month');
    expect(m.anonymisation.settings.text.content).toBe('drop'); // from the strict preset
    expect(m.records.columns.map((c) => c.name)).not.toContain('lon');
    expect(m.filter).toEqual({ sources: ['demo-12345', '12345'] });
    const v = cli(['package', 'verify', p('pkg')]);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^ok: \d+ files match/);
  }, 240_000);

  it('export <p> --format geojson,gpkg --anonymize: the same package job, map formats only; --places keeps the places CSV', () => {
    fs.writeFileSync(p('coarse.json'), JSON.stringify({ location: { mode: 'grid', gridM: 1000 } }));
    const r = cli(['export', p('demo.minsheng'), '--format', 'geojson,gpkg', '--anonymize', p('coarse.json'), '--out', p('map-out'), '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { rows: number; files: { path: string; role: string }[] };
    expect(out.files.map((f) => f.path)).toEqual(expect.arrayContaining(['records.geojson', 'records.gpkg']));
    expect(out.files.map((f) => f.path)).not.toContain('records.arrow');
    const fc = JSON.parse(fs.readFileSync(p('map-out/records.geojson'), 'utf8')) as { features: unknown[] };
    expect(fc.features).toHaveLength(out.rows);
    const places = cli(['export', p('demo.minsheng'), '--places', '--out', p('places-out')]);
    expect(places.code, places.err).toBe(0);
    expect(fs.readFileSync(p('places-out/records.csv'), 'utf8').split('\n')[0]).toContain('district_code');
    expect(cli(['export', p('demo.minsheng'), '--format', 'shp', '--out', p('bad-out')]).code).toBe(1);
  }, 240_000);

  it('a bad settings file or format is a usage error (exit 1)', () => {
    fs.writeFileSync(p('bad.json'), JSON.stringify({ k: 1 }));
    const r = cli(['package', 'export', p('demo.minsheng'), '--out', p('pkg-bad'), '--anonymize', p('bad.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/k/);
    expect(fs.existsSync(p('pkg-bad'))).toBe(false);
    expect(cli(['package', 'export', p('demo.minsheng'), '--out', p('pkg-bad'), '--format', 'parquet']).code).toBe(1);
  }, 240_000);

  it('import checks hashes first: a tampered package is refused (zh / en message), the original imports', () => {
    fs.cpSync(p('pkg'), p('pkg-t'), { recursive: true });
    const f = p('pkg-t/taxonomy.json');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"name"', '"Name"'));
    expect(cli(['project', 'create', p('receiver.minsheng')]).code).toBe(0);
    const zh = cli(['package', 'import', p('pkg-t'), '--project', p('receiver.minsheng')]);
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('数据包文件“taxonomy.json”与清单不符');
    const en = cli(['package', 'import', p('pkg-t'), '--project', p('receiver.minsheng'), '--lang', 'en']);
    expect(en.err).toContain('The package file "taxonomy.json" does not match the manifest');
    const v = cli(['package', 'verify', p('pkg-t')]);
    expect(v.code).toBe(1);
    expect(v.out).toContain('hash_mismatch\ttaxonomy.json');
    const ok = cli(['package', 'import', p('pkg'), '--project', p('receiver.minsheng'), '--json']);
    expect(ok.code, ok.err).toBe(0);
    const r = JSON.parse(ok.out) as { imported: number; rows: number };
    expect(r.imported).toBe(r.rows);
  }, 480_000);
});
