import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { checkCoords, findPlaceholderPoints, placeholderKey, toWgs84 } from '../../../../shared/domain/ingest';

/** Great-circle distance in metres. */
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const NANJING_GCJ: [number, number] = [118.79686, 32.06036]; // near Nanjing city hall, as a Chinese map app gives it

describe('toWgs84', () => {
  it('moves a GCJ-02 point in Nanjing by roughly 300–600 m', () => {
    const w = toWgs84(NANJING_GCJ[0], NANJING_GCJ[1], 'gcj02');
    const d = metres(NANJING_GCJ, w);
    expect(d).toBeGreaterThan(300);
    expect(d).toBeLessThan(600);
    expect(w[0]).toBeLessThan(NANJING_GCJ[0]); // WGS-84 lies west and north of GCJ-02 there
    expect(w[1]).toBeGreaterThan(NANJING_GCJ[1]);
  });

  it('inverts the WGS-84 → GCJ-02 / BD-09 shift to within a metre', () => {
    const wgs: [number, number] = [118.7917, 32.0624];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09) as [number, number];
    expect(metres(toWgs84(gcj[0], gcj[1], 'gcj02'), wgs)).toBeLessThan(1);
    expect(metres(toWgs84(bd[0], bd[1], 'bd09'), wgs)).toBeLessThan(1);
    expect(metres(bd, wgs)).toBeGreaterThan(metres(gcj, wgs)); // BD-09 adds its own offset on top
  });

  it('leaves WGS-84 and points outside China alone', () => {
    expect(toWgs84(118.8, 32.0, 'wgs84')).toEqual([118.8, 32.0]);
    expect(toWgs84(-118.2668, 34.0732, 'gcj02')).toEqual([-118.2668, 34.0732]);
  });
});

describe('checkCoords', () => {
  it('accepts LA 311 text coordinates', () => {
    expect(checkCoords('-118.266861909', '34.073216645', 'wgs84')).toEqual({ lon: -118.266861909, lat: 34.073216645, status: 'coordinates', flags: [] });
  });

  it('swaps lat/lon when the latitude is impossible', () => {
    const r = checkCoords('32.0', '118.8', 'wgs84');
    expect(r).toEqual({ lon: 118.8, lat: 32.0, status: 'coordinates', flags: ['coords_swapped'] });
  });

  it('swaps a GCJ-02 pair that only falls in China when swapped, and converts it', () => {
    const r = checkCoords(40.0, 80.0, 'gcj02'); // Xinjiang: lon 80, lat 40 given the wrong way round
    expect(r.flags).toEqual(['coords_swapped']);
    expect(r.lon).toBeCloseTo(80.0, 1);
    expect(r.lat).toBeCloseTo(40.0, 1);
    expect(r.lon).not.toBe(80.0);
  });

  it('returns WGS-84 for GCJ-02 input', () => {
    const r = checkCoords(NANJING_GCJ[0], NANJING_GCJ[1], 'gcj02');
    expect(r.status).toBe('coordinates');
    expect(metres([r.lon as number, r.lat as number], NANJING_GCJ)).toBeGreaterThan(300);
  });

  it('converts exactly as gcoord does (hot-path port) over a grid of Chinese points', () => {
    let n = 0;
    for (let lon = 73.5; lon < 135; lon += 1.37) {
      for (let lat = 18.2; lat < 53.5; lat += 0.91) {
        for (const crs of ['gcj02', 'bd09'] as const) {
          const r = checkCoords(lon, lat, crs);
          const ref = toWgs84(lon, lat, crs);
          expect(r.lon as number).toBeCloseTo(ref[0], 10);
          expect(r.lat as number).toBeCloseTo(ref[1], 10);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(3000);
  });

  it.each([
    ['abc', '32.0'], ['0', '0'], [0, 0], ['200', '32'], ['118', '95'], ['NaN', '32'], ['181', '91'],
  ])('marks (%j, %j) invalid', (lon, lat) => {
    expect(checkCoords(lon, lat, 'wgs84')).toEqual({ lon: null, lat: null, status: 'invalid', flags: ['coords_out_of_range'] });
  });

  it.each([['', ''], [null, null], ['  ', '32.0'], ['118.8', null], [Number.NaN, 32]])('marks (%j, %j) missing', (lon, lat) => {
    expect(checkCoords(lon, lat, 'wgs84')).toEqual({ lon: null, lat: null, status: 'none', flags: ['missing_coords'] });
  });
});

describe('findPlaceholderPoints', () => {
  /** Deterministic scatter over Nanjing. */
  function scatter(n: number): [number, number][] {
    const pts: [number, number][] = [];
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const y = (x * 1103515245 + 12345) % 2147483648;
      x = y;
      pts.push([118.6 + (x % 100000) / 250000, 31.9 + (Math.floor(x / 100000) % 1000) / 2500]);
    }
    return pts;
  }

  it('finds a city-hall point carrying an implausible share of records', () => {
    const hall: [number, number] = [118.79686, 32.06036];
    const pts = scatter(1000);
    for (let i = 0; i < 30; i++) pts.push([hall[0] + (i % 2) * 1e-7, hall[1]]); // same point up to float noise
    for (let i = 0; i < 15; i++) pts.push([118.7, 32.0]); // repeated, but too few
    const found = findPlaceholderPoints(pts, { minShare: 0.02, minCount: 20 });
    expect(found).toHaveLength(1);
    expect(found[0].lon).toBeCloseTo(hall[0], 5);
    expect(found[0].lat).toBeCloseTo(hall[1], 5);
    expect(found[0].count).toBe(30);
    expect(found[0].share).toBeCloseTo(30 / 1045, 6);
    expect(found[0].key).toBe(placeholderKey(hall[0], hall[1]));
  });

  it('needs both the share and the count', () => {
    const pts = scatter(5000);
    for (let i = 0; i < 25; i++) pts.push([118.7, 32.0]); // 25 records but 0.5 %
    expect(findPlaceholderPoints(pts, { minShare: 0.02, minCount: 20 })).toEqual([]);
    const few: [number, number][] = [[1, 1], [1, 1], [1, 1], [2, 2]]; // 75 % but only 3 records
    expect(findPlaceholderPoints(few, { minShare: 0.02, minCount: 20 })).toEqual([]);
    expect(findPlaceholderPoints(few, { minShare: 0.5, minCount: 3 }).map((p) => [p.lon, p.lat])).toEqual([[1, 1]]);
  });

  it('decodes points in the western and southern hemispheres', () => {
    const pts: [number, number][] = Array.from({ length: 25 }, () => [-118.26686, -34.07321]);
    const [p] = findPlaceholderPoints(pts, { minShare: 0.02, minCount: 20 });
    expect([p.lon, p.lat]).toEqual([-118.26686, -34.07321]);
  });
});
