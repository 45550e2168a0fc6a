/**
 * bench:import-stages — CPU cost per row of each stage of the import's producing side, on one core:
 * sha256 of the file, reading (decode + CSV/XLSX parse), reading + row mapping, the whole produce()
 * (mapping, category unification, phone hashing, insert values), and produce() + the inserts into a
 * fresh project's `records` with its secondary indexes dropped, as a large import does (one
 * transaction; the index rebuild and the derived data are timed by bench:import).
 * Last, SQLite's floor: the produced rows held in memory, then only what SQLite must do with them as an
 * import does (inserts, index rebuild, commit), timed by wall clock. No import can beat this rate.
 *   node --import tsx tests/bench/import-stages.bench.ts [--rows 200000] [--file f.csv|f.xlsx] [--repeat 3] [--floor-only]
 * (At 1M rows the floor stage holds every row in memory: NODE_OPTIONS=--max-old-space-size=6000.)
 * Prints the best of `repeat` runs per stage (CPU time of this process; the machine may be shared).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRowMapper, suggestMapping } from '../../shared/domain/ingest';
import type { MappingSpec } from '../../shared/domain/ingest/types';
import { openRowSource, sniffFile } from '../../electron/engine/services/import/readers';
import { sha256File } from '../../electron/engine/services/import/hash';
import { produce, type ProduceParams } from '../../electron/engine/services/import/produce';
import { createProjectFile, openProjectFile } from '../../electron/engine/db/project-file';
import { SqliteImportRepository } from '../../electron/engine/db/repos/import-repo';
import { dropSecondaryIndexes, rebuildIndexes } from '../../electron/engine/db/repos/indexes';
import { generateExtract } from './gen-extract';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const ROWS = Number(arg('rows', '200000'));
const REPEAT = Number(arg('repeat', '3'));
const FLOOR_ONLY = process.argv.includes('--floor-only');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

async function best(label: string, rows: number, fn: () => Promise<number>, before?: () => void): Promise<void> {
  let bestCpu = Infinity, bestWall = Infinity, n = 0;
  for (let i = 0; i < REPEAT; i++) {
    before?.();
    const c0 = cpu(), t0 = performance.now();
    n = await fn();
    bestCpu = Math.min(bestCpu, cpu() - c0);
    bestWall = Math.min(bestWall, (performance.now() - t0) / 1000);
  }
  if (n !== rows) console.log(`  (${label}: ${n} rows)`);
  console.log(`${label.padEnd(26)} CPU ${(bestCpu * 1e6 / rows).toFixed(2).padStart(6)} µs/row  (${Math.round(rows / bestCpu).toLocaleString()} rows per CPU-s; wall ${bestWall.toFixed(2)} s)`);
}

async function main(): Promise<void> {
  let file = arg('file', '');
  let tmp: string | null = null;
  if (!file) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-stages-'));
    file = path.join(tmp, 'extract.csv');
    generateExtract(file, ROWS, 'utf8');
  }
  try {
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${path.basename(file)} ${(fs.statSync(file).size / 1048576).toFixed(0)} MB`);
    const s = await sniffFile(file);
    const opts = { format: s.format, encoding: s.encoding ?? undefined, delimiter: (s.delimiter ?? undefined) as ProduceParams['options']['delimiter'], sheet: s.sheet ?? undefined };
    const mapping: MappingSpec = { columns: suggestMapping(s.headers).map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' };
    let rows = 0;
    const read = async (map: boolean): Promise<number> => {
      const src = await openRowSource(file, opts);
      const mapper = createRowMapper(mapping, { headerCount: src.headers.length, now: Date.now() });
      let n = 0;
      for await (const batch of src.batches(256)) {
        n += batch.length;
        if (map) for (const r of batch) mapper(r.cells, r.rowNumber);
      }
      return n;
    };
    rows = await read(false);
    const params: ProduceParams = { path: file, options: opts, mapping, sourceCode: 'bench', batchId: 1, now: Date.now(), tree: [], crosswalk: [], salt: '0123456789abcdef0123456789abcdef' };
    if (FLOOR_ONLY) { await floor(params); return; }
    await best('sha256', rows, async () => { await sha256File(file); return rows; });
    await best('read', rows, () => read(false));
    await best('read + map', rows, () => read(true));
    await best('produce (all)', rows, async () => {
      let n = 0;
      const gen = produce(params);
      for (;;) { const r = await gen.next(); if (r.done) break; n += r.value.rows.length + r.value.rejects.length; }
      return n;
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-stages-db-'));
    let k = 0;
    try {
      await best('produce + insert', rows, async () => {
        const project = openProjectFile(path.join(dir, `p${k}.minsheng`));
        let n = 0;
        try {
          const db = project.db;
          db.prepare("INSERT INTO sources(code, name) VALUES ('bench', 'bench')").run();
          db.prepare("INSERT INTO batches(id, source_code, file_name, sha256, file_size, started_at, status) VALUES (1, 'bench', 'f', 'x', 0, 0, 'running')").run();
          db.exec('BEGIN');
          dropSecondaryIndexes(db, 'records', ['records_source_ext']);
          const write = new SqliteImportRepository(db).valuesWriter('skip');
          const gen = produce(params);
          for (;;) { const r = await gen.next(); if (r.done) break; for (const v of r.value.rows) { write(v); n++; } }
          db.exec('COMMIT');
        } finally {
          project.close();
        }
        return n;
      }, () => createProjectFile(path.join(dir, `p${++k}.minsheng`), 'bench'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await floor(params);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** SQLite alone: rows produced beforehand (untimed), then inserts + index rebuild + commit into a fresh project, as the import does them. */
async function floor(params: ProduceParams): Promise<void> {
  const all: unknown[][] = [];
  const gen = produce(params);
  for (;;) { const r = await gen.next(); if (r.done) break; for (const v of r.value.rows) all.push(v); }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-stages-floor-'));
  try {
    let best: { insert: number; indexes: number; commit: number; total: number } | null = null;
    for (let i = 0; i < REPEAT; i++) {
      const f = path.join(dir, `f${i}.minsheng`);
      createProjectFile(f, 'bench');
      const project = openProjectFile(f);
      try {
        const db = project.db;
        db.prepare("INSERT INTO sources(code, name) VALUES ('bench', 'bench')").run();
        db.prepare("INSERT INTO batches(id, source_code, file_name, sha256, file_size, started_at, status) VALUES (1, 'bench', 'f', 'x', 0, 0, 'running')").run();
        const t0 = performance.now();
        db.exec('BEGIN');
        const dropped = dropSecondaryIndexes(db, 'records', ['records_source_ext']);
        const write = new SqliteImportRepository(db).valuesWriter('skip');
        for (const v of all) write(v);
        const t1 = performance.now();
        rebuildIndexes(db, dropped);
        const t2 = performance.now();
        db.exec('COMMIT');
        const t3 = performance.now();
        const run = { insert: (t1 - t0) / 1000, indexes: (t2 - t1) / 1000, commit: (t3 - t2) / 1000, total: (t3 - t0) / 1000 };
        if (!best || run.total < best.total) best = run;
      } finally {
        project.close();
        for (const x of [f, `${f}-wal`, `${f}-shm`]) fs.rmSync(x, { force: true });
      }
    }
    const b = best!;
    console.log(`${'SQLite floor'.padEnd(26)} ${all.length} rows: inserts ${b.insert.toFixed(2)} s (${(b.insert * 1e6 / all.length).toFixed(2)} µs/row), index rebuild ${b.indexes.toFixed(2)} s, commit ${b.commit.toFixed(2)} s = ${b.total.toFixed(2)} s wall → ceiling ${Math.round(all.length / b.total).toLocaleString()} rows/s for importing them into this records table with its indexes`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
