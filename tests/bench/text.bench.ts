import type { Filter } from '../../shared/model/filter';
/**
 * bench:text — text analysis at city scale. Builds a synthetic demo project of N records (default
 * 2,000,000; `--records N`), timing the demo write and the text index (segmentation + bigram FTS)
 * separately, then measures: segmentation throughput, index sizes (bigram FTS vs the alternatives
 * measured on a sample: FTS5 trigram and FTS5 over jieba tokens), search latency for 1-, 2- and
 * longer queries (with and without other filters), keywords for filters, and repeat detection.
 * Prints its figures; machine load changes them, so run it alone.
 *
 *   npm run bench:text [-- --records 2000000] [-- --project /tmp/x/demo.minsheng] [-- --no-repeats] [-- --plain] [-- --search-only]
 *
 * --project measures an existing project (e.g. from `cli -- demo … --records 2000000`, whose import
 * already built the text index) instead of building one; it is opened read-write but left as it was
 * (the alternative indexes and the repeat results are rolled back). --plain also times the plain SQL
 * of each search (what records.count / records.page did before the search plans; seconds at 2M).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createProjectFile } from '../../electron/engine/db/project-file';
import { writeDemo } from '../../electron/engine/services/demo';
import { updateTextIndex } from '../../electron/engine/services/text/builder';
import { keywords } from '../../electron/engine/services/text/analyses';
import { findRepeats } from '../../electron/engine/services/text/jobs';
import { segmenterFor } from '../../electron/engine/services/text/segmenter';
import { SqliteRecordsRepository } from '../../electron/engine/db/repos/records-repo';
import { SqliteTextRepository } from '../../electron/engine/db/repos/text-repo';
import { forgetIdSets } from '../../electron/engine/db/repos/records-fts';
import { countFromColumns, facetsFromColumns } from '../../electron/engine/services/text/search-columns';
import { readyStatsData } from '../../electron/engine/services/stats/cache';
import type { JobContext } from '../../electron/engine/jobs/types';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const projectArg = (() => { const i = process.argv.indexOf('--project'); return i > 0 ? process.argv[i + 1] : null; })();
let N = arg('records', 2_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-text-'));
const file = projectArg ?? path.join(dir, 'bench.minsheng');
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const ms = (t0: number) => performance.now() - t0;

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

/** Segmentation throughput and the index alternatives measured on a 100,000-record sample. */
function measureIndexes(db: Database.Database, repo: SqliteTextRepository, N: number): void {
  const sample = db.prepare('SELECT title, content FROM records WHERE id % 10 = 0 LIMIT 50000').all() as { title: string; content: string }[];
  const seg = segmenterFor(repo.placeNames(), []);
  const chars = sample.reduce((a, r) => a + r.title.length + r.content.length + 1, 0);
  let t0 = performance.now();
  for (const r of sample) seg.cut(`${r.title} ${r.content}`);
  const segS = ms(t0) / 1000;
  console.log(`segmentation: ${Math.round(sample.length / segS)} records/s, ${Math.round(chars / segS)} characters/s`);

  // Alternatives on a 100,000-record sample: FTS5 trigram (external content) and FTS5 over jieba tokens.
  const S = Math.min(N, 100_000);
  db.exec(`CREATE VIRTUAL TABLE alt_tri USING fts5(title, content, address, content='records', content_rowid='id', tokenize='trigram')`);
  t0 = performance.now();
  db.exec(`INSERT INTO alt_tri(rowid, title, content, address) SELECT id, title, content, address FROM records WHERE id <= ${S}`);
  const triS = ms(t0) / 1000;
  db.exec(`CREATE VIRTUAL TABLE alt_jb USING fts5(body, content='', contentless_delete=1)`);
  const ins = db.prepare('INSERT INTO alt_jb(rowid, body) VALUES (?, ?)');
  t0 = performance.now();
  db.transaction(() => { for (const r of db.prepare(`SELECT id, title, content, address FROM records WHERE id <= ${S}`).all() as { id: number; title: string; content: string; address: string }[]) ins.run(r.id, seg.cut(`${r.title} ${r.content} ${r.address}`).join(' ')); })();
  const jbS = ms(t0) / 1000;
  const perRow = (b: number, n: number) => `${(b / n).toFixed(0)} B/record`;
  console.log(`alternatives on ${S} records: trigram ${perRow(repo.tableBytes('alt_tri'), S)} (${triS.toFixed(1)} s), jieba tokens ${perRow(repo.tableBytes('alt_jb'), S)} (${jbS.toFixed(1)} s, misses 1-char queries and words jieba splits differently), bigram (chosen) ${perRow(repo.tableBytes('text_fts'), N)}`);
  db.exec('DROP TABLE alt_tri; DROP TABLE alt_jb;');
}

try {
  if (!projectArg) createProjectFile(file, 'bench');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const ctx: JobContext = { db, progress: () => {}, checkCancelled: () => {}, now: () => Date.now() };
  let t0 = performance.now();
  if (!projectArg) {
    db.exec('BEGIN IMMEDIATE');
    writeDemo(ctx, { records: N, seed: 12345 });
    const demoS = ms(t0) / 1000;
    t0 = performance.now();
    updateTextIndex(ctx, { kind: 'rebuilt' });
    const indexS = ms(t0) / 1000;
    db.exec('COMMIT');
    console.log(`records ${N}: demo write ${demoS.toFixed(1)} s, text index ${indexS.toFixed(1)} s (+${((100 * indexS) / demoS).toFixed(0)}% on the demo), ${Math.round(N / indexS)} records/s`);
  } else {
    N = (db.prepare('SELECT count(*) FROM records').pluck().get() as number);
    console.log(`project ${projectArg}: ${N} records (text index built by its import)`);
  }
  if (projectArg) db.exec('BEGIN IMMEDIATE'); // everything below is rolled back for an existing project

  const repo = new SqliteTextRepository(db);
  console.log(`index sizes: bigram FTS ${mb(repo.tableBytes('text_fts'))}, segmented terms ${mb(repo.tableBytes('text_chunks'))}, vocabulary ${mb(repo.tableBytes('text_vocab'))}, records table ${mb(repo.tableBytes('records'))}`);

  const onlySearch = process.argv.includes('--search-only');
  if (!onlySearch) measureIndexes(db, repo, N);
  const records = new SqliteRecordsRepository(db);
  const district = db.prepare('SELECT district FROM records GROUP BY district ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  const category = db.prepare('SELECT cat1_id FROM records WHERE cat1_id IS NOT NULL GROUP BY cat1_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
  const ticket = db.prepare('SELECT external_id FROM records ORDER BY id DESC LIMIT 1').pluck().get() as string;
  const year = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) };
  const searches: [string, Filter][] = [
    ['水 (1 char)', { q: '水' }], ['积水 (2 chars)', { q: '积水' }], ['噪声 (2 chars)', { q: '噪声' }], ['下水道堵塞 (5 chars)', { q: '下水道堵塞' }],
    ['app (English)', { q: 'app' }], ['电梯 故障 (2 terms)', { q: '电梯 故障' }], ['市民来电反映 (very common)', { q: '市民来电反映' }], [`ticket ${ticket}`, { q: ticket }],
    [`积水 + ${district}`, { q: '积水', districts: [district] }], [`水 + ${district}`, { q: '水', districts: [district] }],
    ['水 + category', { q: '水', categories: [category] }], ['水 + 2024', { q: '水', ...year }], ['水 + status closed', { q: '水', statuses: ['closed'] }],
  ];
  const text = new SqliteTextRepository(db);
  const plainToo = process.argv.includes('--plain');
  const time = (fn: () => unknown) => { const t = performance.now(); fn(); return ms(t); };
  t0 = performance.now();
  const stats = readyStatsData(db);
  console.log(`statistics columns (counts of a text search with other filters use them; the app loads them for the dashboard): ${stats ? `loaded in ${ms(t0).toFixed(0)} ms` : 'not built'}`);
  if (stats) {
    t0 = performance.now();
    facetsFromColumns(db, stats, {});
    console.log(`facets of the whole project (the filter bar's options) from the columns: ${ms(t0).toFixed(0)} ms${plainToo ? `; plain SQL ${time(() => records.plainFacets({})).toFixed(0)} ms` : ''}`);
  }
  console.log('search (ms; "first" = first question of a new query, reading the postings; others median of 3; machine load changes them):');
  for (const [label, filter] of searches) {
    forgetIdSets(db);
    const count = () => (stats && countFromColumns(db, stats, filter)) ?? records.count(filter); // as the records.count handler
    const first = time(count);
    const m = (fn: () => unknown) => median([0, 1, 2].map(() => time(fn))).toFixed(0);
    const n = records.count(filter);
    const figures = [
      `count first ${first.toFixed(0)}, again ${m(count)}`, `first page ${m(() => records.page(filter, 0, 50))}`,
      `search page ${m(() => text.searchPage(filter, 0, 20))}`, `page 50 ${m(() => records.page(filter, 2450, 50))}`,
      `facets ${m(() => (stats && facetsFromColumns(db, stats, filter)) ?? records.facets(filter))}`, `sorted by status ${m(() => records.page(filter, 0, 50, { field: 'status', dir: 'asc' }))}`,
    ];
    if (plainToo) figures.push(`plain SQL count ${time(() => records.plainCount(filter)).toFixed(0)}, first page ${time(() => records.plainPage(filter, 0, 50)).toFixed(0)}`);
    console.log(`  ${label}: ${n} matches; ${figures.join('; ')}`);
  }
  const keywordFilters: [string, Filter][] = onlySearch ? [] : [['all records', {}], [district, { districts: [district] }], ['one year', year]];
  for (const [label, filter] of keywordFilters) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) { t0 = performance.now(); keywords(db, filter, 50); times.push(ms(t0)); }
    console.log(`keywords top 50, ${label}: first ${times[0].toFixed(0)} ms (loads the term chunks), then median ${median(times.slice(1)).toFixed(0)} ms`);
  }
  if (!onlySearch && !process.argv.includes('--no-repeats')) {
    if (!projectArg) db.exec('BEGIN IMMEDIATE');
    t0 = performance.now();
    const rep = findRepeats(ctx, { windowDays: 30, maxDistance: 3, byCaller: true });
    if (!projectArg) db.exec('COMMIT');
    console.log(`repeats: ${rep.clusters} clusters covering ${rep.records} records in ${(ms(t0) / 1000).toFixed(1)} s`);
  }
  if (projectArg) db.exec('ROLLBACK');
  db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
