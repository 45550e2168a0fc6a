import { describe, expect, it } from 'vitest';
import { areaBbox, haversineM, pointInArea, pointInRing, type LonLat } from '../../../../shared/domain/geo/area';

const square: LonLat[] = [[118, 32], [119, 32], [119, 33], [118, 33]];
// An L-shaped (concave) ring: the square minus its upper-right quarter.
const ell: LonLat[] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];

describe('filter areas', () => {
  it('haversine matches a known distance (one degree of latitude ≈ 111.2 km)', () => {
    expect(haversineM(118.78, 32, 118.78, 33)).toBeGreaterThan(111_100);
    expect(haversineM(118.78, 32, 118.78, 33)).toBeLessThan(111_300);
    expect(haversineM(118.78, 32.05, 118.78, 32.05)).toBe(0);
  });

  it('point in ring handles open and closed rings and concavities', () => {
    expect(pointInRing(118.5, 32.5, square)).toBe(true);
    expect(pointInRing(119.5, 32.5, square)).toBe(false);
    expect(pointInRing(0.5, 0.5, ell)).toBe(true);
    expect(pointInRing(1.5, 1.5, ell)).toBe(false);
    expect(pointInRing(0.5, 1.5, ell)).toBe(true);
  });

  it('circle: bbox encloses the circle; membership by great-circle distance', () => {
    const c = { type: 'circle' as const, center: [118.78, 32.05] as LonLat, radiusM: 1000 };
    const [x0, y0, x1, y1] = areaBbox(c);
    expect(haversineM(118.78, 32.05, x1, 32.05)).toBeGreaterThanOrEqual(999);
    expect(haversineM(118.78, 32.05, 118.78, y1)).toBeGreaterThanOrEqual(999);
    expect(x0).toBeLessThan(118.78);
    expect(y0).toBeLessThan(32.05);
    expect(pointInArea(118.785, 32.05, c)).toBe(true); // ~472 m east
    expect(pointInArea(118.795, 32.05, c)).toBe(false); // ~1.4 km east
  });

  it('bbox and polygon membership', () => {
    expect(pointInArea(118.5, 32.5, { type: 'bbox', bbox: [118, 32, 119, 33] })).toBe(true);
    expect(pointInArea(117.9, 32.5, { type: 'bbox', bbox: [118, 32, 119, 33] })).toBe(false);
    expect(pointInArea(1.5, 1.5, { type: 'polygon', ring: ell })).toBe(false);
    expect(areaBbox({ type: 'polygon', ring: ell })).toEqual([0, 0, 2, 2]);
  });
});
