import { describe, expect, it } from 'vitest';
import { KAnonymityCounter, PRESETS, kAnonymity, quasiValues, suppressSmallCells, suppressedLabel, createAnonymiser } from '../../../../shared/domain/anonymise';
import { recordWithPii } from './pii-fixtures';

/** 20 people by district and age band: one group of 1, one of 2, one of 3 … */
const FIXTURE: [string, string][] = [
  ...Array.from({ length: 8 }, () => ['玄武区', '30-39'] as [string, string]),
  ...Array.from({ length: 6 }, () => ['秦淮区', '30-39'] as [string, string]),
  ...Array.from({ length: 3 }, () => ['鼓楼区', '40-49'] as [string, string]),
  ['鼓楼区', '20-29'], ['鼓楼区', '20-29'],
  ['建邺区', '60-69'],
];

describe('k-anonymity check', () => {
  it('reports the smallest group, its values, and what falls below k', () => {
    const r = kAnonymity(['district', 'age'], FIXTURE, 3);
    expect(r).toEqual({
      k: 3, records: 20, groups: 5,
      smallest: { size: 1, values: { district: '建邺区', age: '60-69' } },
      recordsBelowK: 3, groupsBelowK: 2,
    });
    const k5 = kAnonymity(['district', 'age'], FIXTURE, 5);
    expect(k5.recordsBelowK).toBe(6);
    expect(k5.groupsBelowK).toBe(3);
  });

  it('coarser quasi-identifiers make bigger groups; nulls are a value of their own', () => {
    const byDistrict = kAnonymity(['district'], FIXTURE.map(([d]) => [d]), 3);
    expect(byDistrict.smallest).toEqual({ size: 1, values: { district: '建邺区' } });
    const withNull = kAnonymity(['district'], [['玄武区'], [null], [null]], 2);
    expect(withNull.smallest).toEqual({ size: 1, values: { district: '玄武区' } });
    expect(kAnonymity(['district'], [], 2)).toMatchObject({ records: 0, groups: 0, smallest: null });
  });

  it('counting groups from a GROUP BY equals counting records one by one', () => {
    const c = new KAnonymityCounter(['district', 'age']);
    c.add(['玄武区', '30-39'], 8);
    c.add(['建邺区', '60-69'], 1);
    c.add(['鼓楼区', '20-29'], 2);
    expect(c.report(2)).toMatchObject({ records: 11, groups: 3, smallest: { size: 1 }, recordsBelowK: 1 });
  });

  it('quasi-identifier values follow the anonymised record (coarsened time, category with code)', () => {
    const s = { ...PRESETS.standard, time: 'month' as const };
    const rec = createAnonymiser(s, { salt: 'x', rng: () => 0 }).apply(recordWithPii());
    expect(quasiValues(rec, ['district', 'receivedAt', 'category1', 'location'], s))
      .toEqual(['玄武区', '2024-03', '01 城乡建设', `${rec.lon},${rec.lat}`]);
  });
});

describe('small-cell suppression', () => {
  it('withholds counts between 1 and k−1, keeps zeros and larger counts', () => {
    const r = suppressSmallCells([{ key: 'a', count: 0 }, { key: 'b', count: 1 }, { key: 'c', count: 4 }, { key: 'd', count: 5 }, { key: 'e', count: 90 }], 5);
    expect(r.cells.map((c) => c.count)).toEqual([0, null, null, 5, 90]);
    expect(r.suppressedCells).toBe(2);
    expect(r.suppressedRecords).toBe(5);
    expect(suppressedLabel(5)).toBe('<5');
  });
});
