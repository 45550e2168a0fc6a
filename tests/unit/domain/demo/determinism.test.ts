import { describe, expect, it } from 'vitest';
import { generateRecordBatches, generateRecords, planDemo, type DemoRecord } from '../../../../shared/domain/demo';

const all = (seed: number, records: number): DemoRecord[] => [...generateRecords(planDemo({ records, seed }))];

describe('determinism', () => {
  it('produces identical plans and records for the same seed', () => {
    const a = planDemo({ records: 4000, seed: 42 });
    const b = planDemo({ records: 4000, seed: 42 });
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect(Array.from(a.baseCounts)).toEqual(Array.from(b.baseCounts));
    expect(JSON.stringify(all(42, 4000))).toBe(JSON.stringify(all(42, 4000)));
  });

  it('produces different records for a different seed', () => {
    const a = all(42, 2000);
    const b = all(43, 2000);
    expect(a.length).toBe(b.length);
    const same = a.filter((r, i) => r.content === b[i].content && r.receivedAt === b[i].receivedAt).length;
    expect(same).toBeLessThan(20);
    expect(JSON.stringify(planDemo({ records: 2000, seed: 42 }).city.communities.map((c) => c.name)))
      .not.toBe(JSON.stringify(planDemo({ records: 2000, seed: 43 }).city.communities.map((c) => c.name)));
  });

  it('keeps the city of a seed when only the record count changes', () => {
    const small = planDemo({ records: 1000, seed: 7 });
    const big = planDemo({ records: 50_000, seed: 7 });
    expect(JSON.stringify(big.city.communities.map((c) => [c.code, c.name, c.polygon]))).toBe(JSON.stringify(small.city.communities.map((c) => [c.code, c.name, c.polygon])));
    expect(JSON.stringify(big.city.roads)).toBe(JSON.stringify(small.city.roads));
  });

  it('streams the same records in batches as one by one, with exactly N records', () => {
    const plan = planDemo({ records: 3333, seed: 9 });
    const batches: DemoRecord[][] = [];
    const done = generateRecordBatches(plan, 1000, (b) => { batches.push(b); });
    expect(done).toBe(3333);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 1000, 333]);
    expect(JSON.stringify(batches.flat())).toBe(JSON.stringify([...generateRecords(plan)]));
  });

  it('rejects invalid options', () => {
    expect(() => planDemo({ records: 0, seed: 1 })).toThrow(RangeError);
    expect(() => planDemo({ records: 10.5, seed: 1 })).toThrow(RangeError);
    expect(() => planDemo({ records: 10, seed: Number.NaN })).toThrow(RangeError);
  });
});
