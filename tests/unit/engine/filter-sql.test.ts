import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { filterToSql } from '../../../electron/engine/db/repos/filter-sql';
import { registerSqlFunctions } from '../../../electron/engine/db/sql-functions';
import { FilterSchema, type Filter } from '../../../shared/model/filter';

function db() {
  const d = new Database(':memory:');
  registerSqlFunctions(d);
  d.exec(`CREATE TABLE records (id INTEGER PRIMARY KEY, received_at INTEGER, source_code TEXT, district TEXT, street TEXT,
    community TEXT, department TEXT, status TEXT, request_type TEXT, channel TEXT, cat1_id INT, cat2_id INT, cat3_id INT,
    title TEXT, content TEXT, address TEXT, external_id TEXT, lon REAL, lat REAL)`);
  const ins = d.prepare('INSERT INTO records (id, received_at, district, street, community, request_type, channel, lon, lat) VALUES (?,?,?,?,?,?,?,?,?)');
  ins.run(1, 1000, '鼓楼区', '宁海路街道', '颐和路社区', 'complaint', 'phone', 118.770, 32.060);
  ins.run(2, 2000, '鼓楼区', '湖南路街道', '山西路社区', 'consultation', 'web', 118.785, 32.065);
  ins.run(3, 3000, '玄武区', '新街口街道', '丹凤街社区', 'complaint', 'wechat', 118.800, 32.045);
  ins.run(4, 4000, '玄武区', '新街口街道', '丹凤街社区', 'help', 'phone', null, null);
  return d;
}

function ids(f: Filter): number[] {
  const parsed = FilterSchema.parse(f);
  const { where, params } = filterToSql(parsed);
  return (db().prepare(`SELECT id FROM records r ${where} ORDER BY id`).all(...params) as { id: number }[]).map((r) => r.id);
}

describe('filterToSql', () => {
  it('streets, communities, request types and channels', () => {
    expect(ids({ streets: ['新街口街道'] })).toEqual([3, 4]);
    expect(ids({ communities: ['颐和路社区', '山西路社区'] })).toEqual([1, 2]);
    expect(ids({ requestTypes: ['complaint'] })).toEqual([1, 3]);
    expect(ids({ channels: ['phone'], requestTypes: ['help'] })).toEqual([4]);
  });

  it('areas: bbox, polygon and circle; records without coordinates drop out', () => {
    expect(ids({ area: { type: 'bbox', bbox: [118.76, 32.05, 118.79, 32.07] } })).toEqual([1, 2]);
    // a triangle that holds record 1 but not record 2 although both are in its bbox
    expect(ids({ area: { type: 'polygon', ring: [[118.76, 32.05], [118.79, 32.05], [118.76, 32.07]] } })).toEqual([1]);
    expect(ids({ area: { type: 'circle', center: [118.80, 32.045], radiusM: 500 } })).toEqual([3]);
    expect(ids({ area: { type: 'circle', center: [118.78, 32.06], radiusM: 3000 } })).toEqual([1, 2, 3]);
  });

  it('rejects malformed areas at the contract', () => {
    expect(FilterSchema.safeParse({ area: { type: 'bbox', bbox: [119, 32, 118, 33] } }).success).toBe(false);
    expect(FilterSchema.safeParse({ area: { type: 'polygon', ring: [[1, 1], [2, 2]] } }).success).toBe(false);
    expect(FilterSchema.safeParse({ area: { type: 'circle', center: [200, 0], radiusM: 10 } }).success).toBe(false);
  });
});
