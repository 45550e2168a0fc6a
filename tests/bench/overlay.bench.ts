/**
 * bench:overlay — point in polygon + nearest road for 2,000,000 records against 5,000 community
 * polygons and 20,000 road segments (generated), then per-feature statistics for new filters.
 * Targets: overlay < 60 s with peak RSS < 1 GB; statistics < 1 s.
 *
 *   npm run bench:overlay [-- --records 2000000 --dir /tmp/x --keep --stats-only --join]
 *
 * The project is built once into --dir (default: a temp folder) with plain inserts, then the overlay
 * runs exactly as the overlay job does (same service, one transaction). Statistics read the summary
 * columns (the statistics columns + geo_columns); --join also times the fallback join over record_geo.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProjectFile } from '../../electron/engine/db/project-file';
import { openConnection } from '../../electron/engine/db/connection';
import { runOverlay } from '../../electron/engine/services/layers/overlay';
import { featureStats } from '../../electron/engine/services/layers/stats';
import { readyStatsData } from '../../electron/engine/services/stats/cache';
import { statsRebuildJob } from '../../electron/engine/services/stats/builder';
import { SqliteLayersRepository } from '../../electron/engine/db/repos/layers-repo';

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const RECORDS = Number(arg('records', '2000000'));
const DIR = arg('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-overlay-')));
const FILE = path.join(DIR, `overlay-${RECORDS}.minsheng`);
const GRID_X = 100; const GRID_Y = 50; // 5,000 communities
const X0 = 118.5; const Y0 = 31.8; const CELL = 0.008; // ~750 m × 890 m cells
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** mulberry32: deterministic, good enough for uniform points. */
let seed = 12345;
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };

function build(): void {
  fs.mkdirSync(DIR, { recursive: true });
  for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`]) fs.rmSync(f, { force: true });
  createProjectFile(FILE, 'bench');
  const db = openConnection(FILE);
  const t0 = performance.now();
  db.exec('BEGIN');
  db.prepare("INSERT INTO sources (code, name) VALUES ('bench', 'bench')").run();
  db.prepare("INSERT INTO batches (id, source_code, file_name, started_at) VALUES (1, 'bench', 'bench', 0)").run();
  for (let c = 1; c <= 10; c++) db.prepare('INSERT INTO categories (id, level, code, name) VALUES (?, 1, ?, ?)').run(c, `c${c}`, `类别${c}`);
  const layer = (name: string, kind: string, g: string) => Number(db.prepare("INSERT INTO layers (name, kind, geometry_type, source, created_at) VALUES (?, ?, ?, 'bench', 0)").run(name, kind, g).lastInsertRowid);
  const feat = db.prepare('INSERT INTO features (layer_id, code, name, props_json, geometry_json, min_x, min_y, max_x, max_y, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const comm = layer('communities', 'community', 'Polygon');
  for (let j = 0; j < GRID_Y; j++) for (let i = 0; i < GRID_X; i++) {
    // an irregular 12-gon filling most of the cell
    const cx = X0 + (i + 0.5) * CELL; const cy = Y0 + (j + 0.5) * CELL;
    const ring = Array.from({ length: 12 }, (_, k) => { const a = (k / 12) * 2 * Math.PI; const r = CELL * (0.42 + 0.08 * rnd()); return [cx + r * Math.cos(a), cy + r * Math.sin(a)]; });
    ring.push(ring[0]);
    feat.run(comm, `C${i}-${j}`, `社区${i}-${j}`, '{}', JSON.stringify({ type: 'Polygon', coordinates: [ring] }), cx - CELL / 2, cy - CELL / 2, cx + CELL / 2, cy + CELL / 2, 3000 + Math.round(rnd() * 5000));
  }
  const roads = layer('roads', 'road', 'LineString');
  for (let s = 0; s < 20_000; s++) {
    const x = X0 + rnd() * GRID_X * CELL; const y = Y0 + rnd() * GRID_Y * CELL;
    const horizontal = s % 2 === 0; const len = 0.002 + rnd() * 0.004;
    const coords = horizontal ? [[x, y], [x + len / 2, y + 0.0002], [x + len, y]] : [[x, y], [x + 0.0002, y + len / 2], [x, y + len]];
    feat.run(roads, `R${s}`, `路${s}`, '{}', JSON.stringify({ type: 'LineString', coordinates: coords }), x, y, x + len, y + len, null);
  }
  const rec = db.prepare(`INSERT INTO records (batch_id, source_code, external_id, received_at, closed_at, cat1_id, lon, lat, location_status, district)
    VALUES (1, 'bench', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const T0 = Date.UTC(2023, 0, 1); const SPAN = 2 * 365 * 86_400_000;
  for (let n = 0; n < RECORDS; n++) {
    const at = T0 + Math.floor(rnd() * SPAN);
    const located = rnd() < 0.9;
    rec.run(`B${n}`, at, rnd() < 0.8 ? at + Math.floor(rnd() * 10 * 86_400_000) : null, 1 + Math.floor(rnd() * 10),
      located ? X0 + rnd() * GRID_X * CELL : null, located ? Y0 + rnd() * GRID_Y * CELL : null, located ? 'coordinates' : 'none', `区${n % 10}`);
  }
  db.exec('COMMIT');
  db.close();
  console.log(`built ${RECORDS} records, 5000 communities, 20000 road segments in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${FILE}`);
}

if (!fs.existsSync(FILE)) build();
const db = openConnection(FILE);
db.pragma('temp_store = FILE');
if (!(db.prepare('SELECT count(*) AS n FROM stats_chunks').get() as { n: number }).n) {
  // The statistics columns the app keeps at import (built here because the records went in by plain inserts).
  const s0 = performance.now();
  db.exec('BEGIN IMMEDIATE');
  statsRebuildJob({ db, progress: () => {}, checkCancelled: () => {}, now: Date.now });
  db.exec('COMMIT');
  console.log(`statistics columns built in ${((performance.now() - s0) / 1000).toFixed(1)} s (once, not part of the overlay)`);
}
if (!process.argv.includes('--stats-only')) {
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const r = runOverlay(db, { all: true });
  db.exec('COMMIT');
  const seconds = (performance.now() - t0) / 1000;
  const rssAfter = process.resourceUsage().maxRSS;
  console.log(`overlay: ${r.records} located records · community ${r.assigned.community} · road ${r.assigned.road} (≤ ${r.thresholdM} m) · unmatched ${r.unmatched}`);
  console.log(`overlay time ${seconds.toFixed(1)} s (${Math.round(r.records / seconds)} records/s) · peak RSS ${mb(rssAfter)} (before overlay ${mb(rssBefore)})`);
}

const layerId = new SqliteLayersRepository(db).effectiveRoles().community!;
const T0 = Date.UTC(2023, 0, 1);
const filters: [string, object][] = [
  ['no filter', {}],
  ['one quarter', { from: T0 + 90 * 86_400_000, to: T0 + 180 * 86_400_000 }],
  ['one year + one district', { from: T0, to: T0 + 365 * 86_400_000, districts: ['区3'] }],
  ['categories 1–3', { categories: [1, 2, 3] }],
];
const c0 = performance.now();
const stats = readyStatsData(db);
console.log(`statistics columns loaded in ${(performance.now() - c0).toFixed(0)} ms (once per project change)`);
for (const [name, f] of filters) {
  const s0 = performance.now();
  const st = featureStats(db, layerId, f, { stats });
  console.log(`stats (${name}, ${st!.source}): ${st!.rows.length} features, ${st!.total} records, ${(performance.now() - s0).toFixed(0)} ms`);
}
if (process.argv.includes('--join')) {
  // The fallback (no summary: statistics columns not ready or a layer just removed).
  for (const [name, f] of filters.slice(0, 2)) {
    const s0 = performance.now();
    const st = featureStats(db, layerId, f, { stats: null });
    console.log(`stats (${name}, ${st!.source}): ${st!.total} records, ${(performance.now() - s0).toFixed(0)} ms`);
  }
}
const b0 = performance.now();
const roadLayer = new SqliteLayersRepository(db).effectiveRoles().road!;
const buf = featureStats(db, roadLayer, { from: T0 + 90 * 86_400_000, to: T0 + 180 * 86_400_000 }, { bufferM: 100, stats });
console.log(`buffer counts (100 m, one quarter, 20,000 segments, ${buf!.source}): ${buf!.total} hits in ${(performance.now() - b0).toFixed(0)} ms`);
db.close();
if (!process.argv.includes('--keep') && !process.argv.includes('--dir')) fs.rmSync(DIR, { recursive: true, force: true });
