/**
 * The FTS id sets behind the search plans: which filters take them, the bitset test, caching per
 * text-index version (a job that changes records must not leave stale hits) and the bounded scan.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigramDocument, ftsMatchExpression } from '../../../shared/domain/text/fts-query';
import { cachedIdSet, hasHit, splitTextQuery, textHits, withBudget, TEXT_HIT_FUNCTION } from '../../../electron/engine/db/repos/records-fts';

let db: Database.Database;
const put = (id: number, text: string) => db.prepare('INSERT INTO text_fts(rowid, body) VALUES (?, ?)').run(id, bigramDocument(text));
const bump = (v: string) => db.prepare("INSERT INTO meta(key, value) VALUES ('text_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(v);

beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE sources (code TEXT PRIMARY KEY);
    CREATE TABLE records (id INTEGER PRIMARY KEY, source_code TEXT, external_id TEXT, received_at INTEGER);
    CREATE VIRTUAL TABLE text_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    INSERT INTO sources VALUES ('a');`);
  const ins = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?)');
  for (let id = 1; id <= 40; id++) ins.run(id, 'a', `T${id}`, id * 1000);
  put(3, '小区积水严重'); put(7, '路面积水'); put(35, '噪声扰民'); put(36, 'APP 反映积水');
  bump('1');
});
afterEach(() => db.close());

describe('splitTextQuery', () => {
  it('takes filters whose query has letters or digits, and keeps the other fields', () => {
    expect(splitTextQuery({ q: ' 积水 ', districts: ['甲区'] })).toEqual({ q: '积水', match: ftsMatchExpression('积水'), rest: { districts: ['甲区'] } });
    expect(splitTextQuery({ q: '  ' })).toBeNull();
    expect(splitTextQuery({ q: '——' })).toBeNull();
    expect(splitTextQuery({ districts: ['甲区'] })).toBeNull();
  });
});

describe('textHits', () => {
  it('lists the posting ids and the exact ticket number, ascending, with a matching bitset', () => {
    const hits = textHits(db, '积水', ftsMatchExpression('积水')!);
    expect(Array.from(hits.ids)).toEqual([3, 7, 36]);
    expect([3, 7, 36, 4, 35, 1000, -1].map((id) => hasHit(hits.bits, id))).toEqual([true, true, true, false, false, false, false]);
    expect(JSON.parse(hits.json())).toEqual([3, 7, 36]);
    expect(Array.from(textHits(db, 'T20', ftsMatchExpression('T20')!).ids)).toEqual([20]);
    expect(Array.from(textHits(db, 'app', ftsMatchExpression('app')!).ids)).toEqual([36]);
  });

  it('is cached until the text index version changes', () => {
    const before = textHits(db, '积水', ftsMatchExpression('积水')!);
    put(9, '积水');
    expect(textHits(db, '积水', ftsMatchExpression('积水')!)).toBe(before);
    bump('2');
    expect(Array.from(textHits(db, '积水', ftsMatchExpression('积水')!).ids)).toEqual([3, 7, 9, 36]);
  });

  it('answers ms_text_hit in SQL, and a cached "too many to list" stays null', () => {
    const hits = textHits(db, '积水', ftsMatchExpression('积水')!);
    expect(db.prepare(`SELECT id FROM records WHERE ${TEXT_HIT_FUNCTION}(?, id) = 1 ORDER BY id`).pluck().all(hits.handle)).toEqual([3, 7, 36]);
    let calls = 0;
    expect(cachedIdSet(db, 'big', () => { calls++; return null; })).toBeNull();
    expect(cachedIdSet(db, 'big', () => { calls++; return null; })).toBeNull();
    expect(calls).toBe(1);
  });
});

describe('withBudget', () => {
  it('aborts a scan that tests more rows than allowed and returns null; enough budget returns the rows', () => {
    const hits = textHits(db, '噪声', ftsMatchExpression('噪声')!);
    const scan = () => db.prepare(`SELECT id FROM records WHERE ${TEXT_HIT_FUNCTION}(?, id) = 1`).pluck().all(hits.handle);
    expect(withBudget(db, 10, scan)).toBeNull();
    expect(withBudget(db, 100, scan)).toEqual([35]);
    expect(scan()).toEqual([35]); // no budget outside withBudget
  });
});
