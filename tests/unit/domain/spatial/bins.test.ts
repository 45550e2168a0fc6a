import { describe, expect, it } from 'vitest';
import { binCounts, cellArea, createBinner, hexAxial } from '../../../../shared/domain/spatial/bins';
import { bboxToWorld, latToY, lonToX, worldToBbox, xToLon, yToLat } from '../../../../shared/domain/spatial/mercator';

describe('Web-Mercator world units', () => {
  it('round-trips lon/lat and puts (0, 0) in the middle of the world', () => {
    expect(lonToX(0)).toBeCloseTo(0.5, 12);
    expect(latToY(0)).toBeCloseTo(0.5, 12);
    for (const [lon, lat] of [[118.78, 32.05], [-118.25, 34.05], [0, -60]]) {
      expect(xToLon(lonToX(lon))).toBeCloseTo(lon, 9);
      expect(yToLat(latToY(lat))).toBeCloseTo(lat, 9);
    }
    const w = bboxToWorld([118, 31, 119, 32]);
    expect(w[1]).toBeLessThan(w[3]); // north is smaller y
    const b = worldToBbox(w);
    b.forEach((v, i) => expect(v).toBeCloseTo([118, 31, 119, 32][i], 9));
  });
});

describe('square bins', () => {
  it('counts points per cell and names cells by their centre', () => {
    const b = createBinner('square', 1);
    const pts = [[0.2, 0.2], [0.9, 0.1], [1.5, 0.5], [-0.5, -0.5], [1.01, 0.99]];
    const counts = binCounts(b, (emit) => pts.forEach(([x, y]) => emit(x, y)));
    const byCentre = new Map([...counts].map(([k, n]) => [b.center(k).join(','), n]));
    expect(byCentre).toEqual(new Map([['0.5,0.5', 2], ['1.5,0.5', 2], ['-0.5,-0.5', 1]]));
  });

  it('sums weights and gives each cell a closed square ring', () => {
    const b = createBinner('square', 2);
    const counts = binCounts(b, (emit) => { emit(1, 1, 3); emit(1.5, 0.5, 2); });
    expect([...counts.values()]).toEqual([5]);
    const ring = b.ring([...counts.keys()][0]);
    expect(ring).toEqual([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
    expect(cellArea('square', 2)).toBe(4);
  });
});

describe('hexagonal bins', () => {
  it('assigns every point to the hexagon whose centre is nearest', () => {
    const size = 0.37;
    const b = createBinner('hex', size);
    let seed = 7;
    const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    for (let n = 0; n < 2000; n++) {
      const x = rnd() * 10 - 5; const y = rnd() * 10 - 5;
      const [cx, cy] = b.center(b.key(x, y));
      const d = Math.hypot(x - cx, y - cy);
      // The neighbours' centres are never closer than the own centre.
      const [q, r] = hexAxial(x, y, size);
      for (const [dq, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]]) {
        const nx = size * Math.sqrt(3) * (q + dq + (r + dr) / 2); const ny = size * 1.5 * (r + dr);
        expect(Math.hypot(x - nx, y - ny)).toBeGreaterThanOrEqual(d - 1e-12);
      }
      expect(d).toBeLessThanOrEqual(size + 1e-12);
    }
  });

  it('gives a regular hexagon ring of circumradius size and the right area', () => {
    const b = createBinner('hex', 2);
    const k = b.key(10, 10);
    const [cx, cy] = b.center(k);
    const ring = b.ring(k);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    for (const [x, y] of ring.slice(0, 6)) expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(2, 12);
    // Shoelace area equals 3√3/2 · s².
    let a = 0;
    for (let i = 0; i < 6; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(Math.abs(a) / 2).toBeCloseTo(cellArea('hex', 2), 9);
  });

  it('keeps keys distinct for far-apart cells at street-level sizes', () => {
    const b = createBinner('hex', 1e-7);
    const k1 = b.key(0.1, 0.9); const k2 = b.key(0.9, 0.1);
    expect(k1).not.toBe(k2);
    const [x, y] = b.center(k1);
    expect(x).toBeCloseTo(0.1, 6);
    expect(y).toBeCloseTo(0.9, 6);
  });

  it('rejects a non-positive size', () => {
    expect(() => createBinner('hex', 0)).toThrow(RangeError);
  });
});
