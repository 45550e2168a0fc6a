import { describe, expect, it } from 'vitest';
import { permutationLlr, spaceTimeScan, type ScanArea } from '../../../../shared/domain/surveillance/scan';
import { Rng } from '../../../../shared/domain/demo/rng';

// A 6×6 grid of areas 1 km apart; 60 days of Poisson-like background; a planted cluster in the
// 2×2 block at the grid's corner during the last 5 days.
function planted(extra: number) {
  const areas: ScanArea[] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) areas.push({ id: `a${i}${j}`, lon: 118 + j * 0.0105, lat: 32 + i * 0.009 });
  const days = 60;
  const counts = new Int32Array(areas.length * days);
  const rng = new Rng(7);
  for (let z = 0; z < areas.length; z++) for (let d = 0; d < days; d++) counts[z * days + d] = Math.floor(rng.next() * 4);
  const cluster = ['a00', 'a01', 'a10', 'a11'].map((id) => areas.findIndex((a) => a.id === id));
  for (const z of cluster) for (let d = days - 5; d < days; d++) counts[z * days + d] += extra;
  return { areas, days, counts, cluster };
}

describe('space-time permutation scan', () => {
  it('the LLR of a cylinder matches the closed form c ln(c/μ) + (C−c) ln((C−c)/(C−μ))', () => {
    const { areas, days, counts, cluster } = planted(6);
    const C = counts.reduce((a, b) => a + b, 0);
    let cA = 0; let cz = 0; let cd = 0;
    for (const z of cluster) for (let d = 0; d < days; d++) { cz += counts[z * days + d]; if (d >= days - 5) cA += counts[z * days + d]; }
    for (let z = 0; z < areas.length; z++) for (let d = days - 5; d < days; d++) cd += counts[z * days + d];
    const mu = (cz * cd) / C;
    const closed = cA * Math.log(cA / mu) + (C - cA) * Math.log((C - cA) / (C - mu));
    expect(permutationLlr(cA, mu, C)).toBeCloseTo(closed, 9);
    expect(permutationLlr(3, 5, 100)).toBe(0);

    const res = spaceTimeScan({ areas, days, counts }, { maxDays: 7, maxNeighbours: 8, maxRadiusKm: 1.6, replications: 199, seed: 3, maxClusters: 3 });
    const top = res.clusters[0];
    // the most likely cluster is the planted block over the planted days, with exactly this LLR
    expect(new Set(top.areas)).toEqual(new Set(['a00', 'a01', 'a10', 'a11']));
    expect(top.days).toBe(5);
    expect(top.llr).toBeCloseTo(closed, 9);
    expect(top.observed).toBe(cA);
    expect(top.pValue).toBe(1 / 200);
    expect(top.recurrenceDays).toBe(200);
  });

  it('without a cluster the most likely one is not significant, and the run is reproducible', () => {
    const { areas, days, counts } = planted(0);
    const o = { maxDays: 7, maxNeighbours: 8, maxRadiusKm: 1.6, replications: 99, seed: 5, maxClusters: 1 };
    const a = spaceTimeScan({ areas, days, counts }, o);
    expect(a.clusters[0].pValue).toBeGreaterThan(0.05);
    expect(spaceTimeScan({ areas, days, counts }, o)).toEqual(a);
  });

  it('reports each Monte Carlo replicate and stops when the callback throws (job progress and cancel)', () => {
    const { areas, days, counts } = planted(6);
    const opts = { maxDays: 7, maxNeighbours: 8, maxRadiusKm: 1.6, replications: 49, seed: 3, maxClusters: 3 };
    const seen: number[] = [];
    const res = spaceTimeScan({ areas, days, counts }, opts, (done, total) => { expect(total).toBe(49); seen.push(done); });
    expect(seen).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    // the callback does not change the result
    expect(spaceTimeScan({ areas, days, counts }, opts).clusters).toEqual(res.clusters);
    let calls = 0;
    expect(() => spaceTimeScan({ areas, days, counts }, opts, () => { if (++calls === 5) throw new Error('cancelled'); })).toThrow('cancelled');
    expect(calls).toBe(5);
  });
});
