import { describe, expect, it } from 'vitest';
import { Float64, Int32, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { decodeRecords } from '../../../renderer/src/features/records/arrow';

describe('records Arrow decoding', () => {
  it('decodes a table built with tableFromArrays', () => {
    const bytes = tableToIPC(tableFromArrays({
      id: Int32Array.from([1, 2]),
      externalId: ['NJ-1', 'NJ-2'],
      sourceCode: ['12345', '12315'],
      receivedAt: Float64Array.from([Date.UTC(2024, 0, 1, 1, 30), Date.UTC(2024, 0, 2)]),
      cat1: ['城市管理', '市场监管'],
      district: ['玄武区', '秦淮区'],
      status: ['已办结', '办理中'],
      satisfaction: Float64Array.from([5, 3.5]),
      title: ['路灯不亮', '预付卡退费'],
    }), 'stream');
    const rows = decodeRecords(bytes);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: 1, externalId: 'NJ-1', sourceCode: '12345', receivedAt: Date.UTC(2024, 0, 1, 1, 30),
      cat1: '城市管理', district: '玄武区', status: '已办结', satisfaction: 5, title: '路灯不亮',
    });
    // columns absent from the stream come back as null
    expect(rows[1].closedAt).toBeNull();
    expect(rows[1].street).toBeNull();
    expect(rows[1].lon).toBeNull();
  });

  it('keeps nulls of nullable columns and accepts Float64 ids (engine encoding)', () => {
    const table = new Table({
      id: vectorFromArray([7, 8], new Float64()),
      closedAt: vectorFromArray([null, 1_700_000_000_000], new Float64()),
      satisfaction: vectorFromArray([null, 4], new Float64()),
      cat3: vectorFromArray(['噪声扰民', null], new Utf8()),
      lat: vectorFromArray([32.05, null], new Float64()),
      extra: vectorFromArray([1, 2], new Int32()),
    });
    const rows = decodeRecords(tableToIPC(table, 'stream'));
    expect(rows.map((r) => r.id)).toEqual([7, 8]);
    expect(rows[0].closedAt).toBeNull();
    expect(rows[1].closedAt).toBe(1_700_000_000_000);
    expect(rows[0].satisfaction).toBeNull();
    expect(rows[1].cat3).toBeNull();
    expect(rows[0].lat).toBeCloseTo(32.05);
    expect(rows[0]).not.toHaveProperty('extra');
  });

  it('returns no rows for an empty result', () => {
    expect(decodeRecords(new Uint8Array(0))).toEqual([]);
    const empty = new Table({ id: vectorFromArray([], new Int32()) });
    expect(decodeRecords(tableToIPC(empty, 'stream'))).toEqual([]);
  });
});
