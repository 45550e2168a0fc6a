import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KeyTally, placeholderKey, placeholderPossible } from '../../../../shared/domain/ingest';

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

function keysOf(pts: [number, number][], k?: number): KeyTally {
  const t = new KeyTally(k);
  for (const [a, b] of pts) t.add(placeholderKey(a, b));
  return t;
}

describe('placeholder bound', () => {
  it('bounds the most frequent key from above with a handful of counters, whatever the order', () => {
    const r = rng(3);
    for (let trial = 0; trial < 20; trial++) {
      const keys: number[] = [];
      const heavy = 1 + Math.floor(r() * 300);
      for (let i = 0; i < heavy; i++) keys.push(7);
      for (let i = 0; i < 2000; i++) keys.push(Math.floor(r() * (trial % 2 ? 50 : 5000)));
      for (let i = keys.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [keys[i], keys[j]] = [keys[j], keys[i]]; }
      const t = new KeyTally(16);
      for (const k of keys) t.add(k);
      const counts = new Map<number, number>();
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      const max = Math.max(...counts.values());
      expect(t.total).toBe(keys.length);
      expect(t.maxBound()).toBeGreaterThanOrEqual(max);
      // …and not uselessly: within n / (k + 1) of it.
      expect(t.maxBound()).toBeLessThanOrEqual(max + Math.floor(keys.length / 17));
    }
    expect(new KeyTally().maxBound()).toBe(0);
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
      expect(placeholderPossible(keysOf(pts, 8), group), `trial ${trial}: SQL group ${group}`).toBe(true);
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
