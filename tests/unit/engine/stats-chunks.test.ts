import { describe, expect, it } from 'vitest';
import { ChunkBuilder, callerKey, decodeColumn, GrowableColumn } from '../../../electron/engine/services/stats/chunks';
import { NULL_I32, NULL_SAT, T_EPOCH_MS } from '../../../shared/domain/stats/columns';

describe('statistics column chunks', () => {
  it('grow past their capacity and round-trip through blob bytes, even misaligned', () => {
    const c = new GrowableColumn('i32', 2);
    for (let i = 0; i < 5; i++) c.push(i * -1000);
    const bytes = c.bytes();
    expect(Array.from(decodeColumn('i32', bytes))).toEqual([0, -1000, -2000, -3000, -4000]);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(decodeColumn('i32', shifted.subarray(1)))).toEqual([0, -1000, -2000, -3000, -4000]);
    const f = new GrowableColumn('f64', 1);
    f.push(118.78125);
    f.push(Number.NaN);
    const back = decodeColumn('f64', f.bytes());
    expect(back[0]).toBe(118.78125);
    expect(Number.isNaN(back[1])).toBe(true);
  });

  it('turns a raw record row into column values', () => {
    const b = new ChunkBuilder();
    const received = Date.UTC(2024, 0, 1, 1, 0, 0);
    const codes = new Map<string, number>();
    const codeOf = (dim: string, v: string) => { const k = `${dim}:${v}`; if (!codes.has(k)) codes.set(k, codes.size + 1); return codes.get(k)!; };
    // id, batch, received, first response, closed, cat1, cat2, cat3, transfers, satisfaction, lon, lat, caller, source, district, street, community, department, status, channel, request type, category text
    b.add([7, 1, received, null, received + 90_500, 3, 31, null, 2, 0.5, 118.8, 32.06, 'ab12cd34ef', '12345', '玄湖区', null, '', '城管局', 'closed', 'phone', null, '市容/乱堆'], codeOf);
    const one = (col: keyof typeof b.cols) => decodeColumn(b.cols[col].type, b.cols[col].bytes())[0];
    expect(one('id')).toBe(7);
    expect(one('t')).toBe((received - T_EPOCH_MS) / 1000);
    expect(one('resp')).toBe(NULL_I32);
    expect(one('close')).toBe(91); // 90.5 s rounds to 91
    expect(one('cat')).toBe(31); // deepest category present
    expect(one('sat')).toBe(50);
    expect(one('transfers')).toBe(2);
    expect(one('caller')).toBe(callerKey('ab12cd34ef'));
    expect(one('district')).toBe(codes.get('district:玄湖区'));
    expect(one('street')).toBe(0);
    expect(one('community')).toBe(0);
    b.add([8, 1, received, null, null, null, null, null, null, null, null, null, null, '12345', null, null, null, null, null, null, null, null], codeOf);
    expect(decodeColumn('u8', b.cols.sat.bytes())[1]).toBe(NULL_SAT);
    expect(decodeColumn('i32', b.cols.cat.bytes())[1]).toBe(0);
    expect(b.rows).toBe(2);
  });

  it('keys callers by the first 32 bits of their hash', () => {
    expect(callerKey('ffffffff00')).toBe(-1);
    expect(callerKey('0000000a')).toBe(10);
    expect(callerKey(null)).toBe(0);
    expect(callerKey('abc')).toBe(0);
  });
});
