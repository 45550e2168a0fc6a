/**
 * Filters with a text query take fast plans (electron/engine/db/repos/records-search.ts): counts from
 * the FTS postings, pages walked down the receipt-time index, other filters intersected in memory or
 * joined. They must answer exactly as the plain SQL of filterToSql. This compares count, pages (every
 * sort, two offsets), facets and the search screen's page on a demo project, for 1-, 2-, 3+-character,
 * English, two-term and ticket-number queries, alone and with district / category / date / status
 * filters — under the default cost knobs and with each plan forced.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { Facets } from '../../shared/api/contract';
import type { Filter } from '../../shared/model/filter';
import { registerSqlFunctions } from '../../electron/engine/db/sql-functions';
import { SqliteRecordsRepository } from '../../electron/engine/db/repos/records-repo';
import { SqliteTextRepository } from '../../electron/engine/db/repos/text-repo';
import { SqliteStatsRepository } from '../../electron/engine/db/repos/stats-repo';
import { SqliteMapRepository } from '../../electron/engine/db/repos/map-repo';
import { filterToSql } from '../../electron/engine/db/repos/filter-sql';
import { DEFAULT_TUNING, type SearchTuning } from '../../electron/engine/db/repos/records-search';
import { countFromColumns, facetsFromColumns } from '../../electron/engine/services/text/search-columns';
import { readyStatsData } from '../../electron/engine/services/stats/cache';
import type { RecordSortField } from '../../electron/engine/db/repos/types';
import { decodeRecords } from '../../renderer/src/features/records/arrow';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob } from './layers-support';

const TUNINGS: Record<string, SearchTuning> = {
  default: DEFAULT_TUNING,
  'join postings to records': { restMin: 0, restPerHit: 0, walkPerHit: 0 },
  'walk the time index': { restMin: 0, restPerHit: 0, walkPerHit: 1e9 },
  'list the other filter': { restMin: 1e9, restPerHit: 0, walkPerHit: 0 },
};

const SORTS: ({ field: RecordSortField; dir: 'asc' | 'desc' } | undefined)[] = [
  undefined, { field: 'receivedAt', dir: 'asc' }, { field: 'status', dir: 'desc' }, { field: 'satisfaction', dir: 'asc' }, { field: 'district', dir: 'asc' },
];

/** SQL leaves the order of equal counts open; compare facets with ties ordered by name. */
function normalise(f: Facets): Facets {
  const byCount = <T extends { count: number }>(xs: T[], name: (x: T) => string) => [...xs].sort((a, b) => b.count - a.count || name(a).localeCompare(name(b)));
  return {
    ...f, sources: byCount(f.sources, (s) => s.code), districts: byCount(f.districts, (d) => d.name),
    departments: byCount(f.departments, (d) => d.name), statuses: byCount(f.statuses, (d) => d.name),
  };
}

describe('text search plans answer exactly as the plain SQL (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let db: Database.Database;
  let filters: [string, Filter][] = [];
  beforeAll(async () => {
    const t = tmpDir(); cleanup = t.cleanup;
    h = await inProcess(path.join(t.dir, 'data'));
    api = createApiClient(h.transport);
    const file = path.join(t.dir, 's.minsheng');
    await api.call('project.create', { path: file });
    await runJob(api, () => api.call('demo.generate', { records: 6000, seed: 11 }));
    db = new Database(file, { readonly: true });
    registerSqlFunctions(db);
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    const district = one<string>('SELECT district FROM records GROUP BY district ORDER BY count(*) DESC LIMIT 1');
    const category = one<number>('SELECT cat1_id FROM records WHERE cat1_id IS NOT NULL GROUP BY cat1_id ORDER BY count(*) DESC LIMIT 1');
    const ticket = one<string>('SELECT external_id FROM records ORDER BY id LIMIT 1 OFFSET 77');
    const [t0, t1] = [one<number>('SELECT min(received_at) FROM records'), one<number>('SELECT max(received_at) FROM records')];
    // Whole seconds (the statistics columns answer them) and, with the status filter, odd milliseconds (they do not).
    const from = t0 + Math.round((t1 - t0) / 3000) * 1000;
    const to = t0 + Math.round((2 * (t1 - t0)) / 3000) * 1000;
    const queries: [string, string][] = [
      ['1 char', '水'], ['2 chars', '噪声'], ['3+ chars', '出租车'], ['very common', '反映：'], ['English', 'APP'], ['Chinese and English', '用户通过app'], ['two terms', '小区 物业'], ['ticket number', ticket], ['no match', '不存在的词语组合'],
    ];
    filters = queries.flatMap(([kind, q]): [string, Filter][] => [
      [`${kind}`, { q }],
      [`${kind} + district`, { q, districts: [district] }],
      [`${kind} + category`, { q, categories: [category] }],
      [`${kind} + dates`, { q, from, to }],
      [`${kind} + status + district + dates`, { q, statuses: ['closed'], districts: [district], from: from + 1, to: to - 1 }],
    ]);
  }, 180_000);
  afterAll(async () => { db.close(); await h.close(); cleanup(); });

  it('the chosen queries match records (the comparisons are not all empty)', () => {
    const plain = new SqliteRecordsRepository(db);
    const counts = Object.fromEntries(filters.filter(([k]) => !k.includes(' + ')).map(([k, f]) => [k, plain.plainCount(f)]));
    expect(counts['1 char']).toBeGreaterThan(300);
    expect(counts['very common']).toBeGreaterThan(3000);
    for (const k of ['2 chars', '3+ chars', 'English', 'Chinese and English', 'two terms']) expect(counts[k]).toBeGreaterThan(20);
    expect(counts['ticket number']).toBe(1);
    expect(counts['no match']).toBe(0);
  });

  for (const [name, tuning] of Object.entries(TUNINGS)) {
    it(`count, pages, facets and search pages: ${name}`, () => {
      const repo = new SqliteRecordsRepository(db, tuning);
      const text = new SqliteTextRepository(db, tuning);
      for (const [label, f] of filters) {
        expect(repo.count(f), label).toBe(repo.plainCount(f));
        for (const sort of SORTS) {
          for (const offset of [0, 37]) expect(repo.page(f, offset, 25, sort), `${label} ${JSON.stringify(sort)} @${offset}`).toEqual(repo.plainPage(f, offset, 25, sort));
        }
        expect(normalise(repo.facets(f)), label).toEqual(normalise(repo.plainFacets(f)));
        expect(text.searchPage(f, 20, 20).map((r) => r.id), label).toEqual(repo.plainPage(f, 20, 20).map((r) => r.id));
      }
    }, 120_000);
  }

  it('counts and facets on the statistics columns equal the plain SQL, and odd-millisecond bounds are left to SQL', () => {
    const plain = new SqliteRecordsRepository(db);
    const data = readyStatsData(db)!;
    expect(data).not.toBeNull();
    for (const [label, f] of filters) {
      const n = countFromColumns(db, data, f);
      const facets = facetsFromColumns(db, data, f);
      if (label.includes('status')) {
        expect(n, label).toBeNull();
        expect(facets, label).toBeNull();
        continue;
      }
      if (label.includes(' + ')) expect(n, label).toBe(plain.plainCount(f));
      expect(facets && normalise(facets), label).toEqual(normalise(plain.plainFacets(f)));
    }
    expect(countFromColumns(db, data, { q: '水', statuses: ['closed'] })).toBe(plain.plainCount({ q: '水', statuses: ['closed'] }));
    // Without a text query too (the filter bar's facets of the whole project).
    const district = filters[1][1].districts!;
    for (const f of [{}, { q: ' ' }, { districts: district, statuses: ['closed'] }, { categories: filters[2][1].categories }]) {
      expect(normalise(facetsFromColumns(db, data, f)!), JSON.stringify(f)).toEqual(normalise(plain.plainFacets(f)));
    }
    expect(facetsFromColumns(db, data, { q: '——' })).toBeNull();
    expect(countFromColumns(db, data, { districts: district })).toBeNull();
  }, 60_000);

  it('the dashboard and map id sets of a text query alone equal the plain SQL (no rows of records read)', () => {
    const stats = new SqliteStatsRepository(db);
    const map = new SqliteMapRepository(db);
    for (const [label, f] of filters.filter(([l]) => !l.includes(' + '))) {
      const want = db.prepare(`SELECT r.id FROM records r ${filterToSql(f).where} ORDER BY r.id`).pluck().all(...filterToSql(f).params) as number[];
      expect([...stats.matchingIds(f)].sort((a, b) => a - b), label).toEqual(want);
      expect([...map.matchingIds(f)], label).toEqual(want);
    }
  });

  it('the API answers records.count, records.facets and records.page through the same plans', async () => {
    const plain = new SqliteRecordsRepository(db);
    for (const [label, f] of filters.slice(0, 10)) {
      expect((await api.call('records.count', { filter: f })).count, label).toBe(plain.plainCount(f));
      expect(normalise(await api.call('records.facets', { filter: f })), label).toEqual(normalise(plain.plainFacets(f)));
      const page = decodeRecords(await api.call('records.page', { filter: f, offset: 5, limit: 30 }));
      expect(page.map((r) => r.id), label).toEqual(plain.plainPage(f, 5, 30).map((r) => r.id));
    }
  }, 60_000);
});
