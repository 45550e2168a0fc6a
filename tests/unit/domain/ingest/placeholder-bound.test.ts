import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { maxKeyRun, placeholderKey, placeholderPossible } from '../../../../shared/domain/ingest';

/** Largest group of points equal after SQLite's round(x, 5) on both axes: what the import's SQL check counts. */
function sqlMaxGroup(points: [number, number][]): number {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE p(lon REAL, lat REAL)');
    const ins = db.prepare('INSERT INTO p VALUES (?, ?)');
    db.transaction(() => { for (const [a, b] of points) ins.run(a, b); })();
    return (db.prepare('SELECT max(n) AS n FROM (SELECT count(*) AS n FROM p GROUP BY round(lon, 5), round(lat, 5))').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const keysOf = (pts: [number, number][]) => Float64Array.from(pts, ([a, b]) => placeholderKey(a, b));

describe('placeholder bound', () => {
  it('counts the longest run of equal keys', () => {
    expect(maxKeyRun(Float64Array.from([3, 1, 3, 2, 3, 1]))).toBe(3);
    expect(maxKeyRun(new Float64Array(0))).toBe(0);
  });

  it('never rules out a group SQLite would find, even for points on rounding ties and near them', () => {
    const r = rng(11);
    for (let trial = 0; trial < 30; trial++) {
      const pts: [number, number][] = [];
      // A cluster straddling rounding boundaries: half-steps of 1e-5 plus or minus a hair.
      const cx = 118 + Math.floor(r() * 1e5) * 1e-5; const cy = 32 + Math.floor(r() * 1e5) * 1e-5;
      const n = 5 + Math.floor(r() * 60);
      for (let i = 0; i < n; i++) {
        const jitter = () => (r() < 0.5 ? 0.5e-5 : -0.5e-5) + (r() - 0.5) * 2e-12;
        pts.push([cx + jitter(), cy + jitter()]);
      }
      for (let i = 0; i < 200; i++) pts.push([118 + r(), 32 + r()]);
      const group = sqlMaxGroup(pts);
      expect(placeholderPossible(keysOf(pts), group), `trial ${trial}: SQL group ${group}`).toBe(true);
    }
  });

  it('rules out spread data and keeps a planted placeholder', () => {
    const r = rng(5);
    const pts: [number, number][] = Array.from({ length: 100_000 }, () => [118.6 + r() * 0.4, 31.9 + r() * 0.3]);
    const threshold = Math.ceil(pts.length * 0.02);
    expect(sqlMaxGroup(pts)).toBeLessThan(threshold);
    expect(placeholderPossible(keysOf(pts), threshold)).toBe(false);
    for (let i = 0; i < 2500; i++) pts[i * 40] = [118.79, 32.06];
    expect(sqlMaxGroup(pts)).toBeGreaterThanOrEqual(threshold);
    expect(placeholderPossible(keysOf(pts), threshold)).toBe(true);
  });
});
