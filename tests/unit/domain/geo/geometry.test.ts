import { describe, expect, it } from 'vitest';
import { checkGeometry, ringSelfIntersection } from '../../../../shared/domain/geo/validate';
import { parseWkt } from '../../../../shared/domain/geo/wkt';
import { parseGpkgBlob, parseWkb, toGpkgBlob, toWkb } from '../../../../shared/domain/geo/wkb';
import { areaM2, centroid, distanceM, pointInGeometry } from '../../../../shared/domain/geo/measure';
import type { Geometry } from '../../../../shared/domain/geo/geometry';

const sq = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('geometry checks', () => {
  it('finds a crossing only where two non-adjacent edges cross', () => {
    expect(ringSelfIntersection(sq(0, 0, 1))).toBeNull();
    expect(ringSelfIntersection([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])).toEqual([1, 1]);
    // a ring folding back along itself
    expect(ringSelfIntersection([[0, 0], [2, 0], [1, 0], [1, 1], [0, 0]])).not.toBeNull();
  });

  it('repairs what can be repaired and refuses what cannot', () => {
    const open = checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] }, 'Polygon');
    expect(open).toEqual({ geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, problems: [{ code: 'unclosed_ring', severity: 'warning' }] });
    const line = checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0]], sq(5, 5, 1)] }, 'Polygon');
    expect(line.problems.map((p) => p.code)).toEqual(['unclosed_ring', 'degenerate_ring', 'empty_geometry']);
    expect(line.geometry).toBeNull(); // the outer ring is a line once closed: the hole means nothing alone
    const dup = checkGeometry({ type: 'LineString', coordinates: [[0, 0], [0, 0], [1, 1]] }, 'LineString');
    expect(dup.geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    expect(checkGeometry({ type: 'Point', coordinates: [1, 2] } as Geometry, 'Polygon').problems[0].code).toBe('wrong_kind');
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [Number.NaN, 1], [1, 1], [0, 0]]] }, 'Polygon').problems[0].code).toBe('non_finite');
    expect(checkGeometry({ type: 'Circle' } as unknown as Geometry, 'Polygon').problems[0].code).toBe('unsupported_geometry');
  });
});

describe('WKT and WKB', () => {
  const cases: Geometry[] = [
    { type: 'Point', coordinates: [118.5, 32.25] },
    { type: 'LineString', coordinates: [[0, 0], [1, 1.5]] },
    { type: 'Polygon', coordinates: [sq(0, 0, 1), sq(0.2, 0.2, 0.1)] },
    { type: 'MultiPolygon', coordinates: [[sq(0, 0, 1)], [sq(3, 3, 1)]] },
    { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] },
  ];
  it('WKB and GeoPackage blobs round-trip', () => {
    for (const g of cases) {
      expect(parseWkb(toWkb(g))).toEqual(g);
      expect(parseGpkgBlob(toGpkgBlob(g, 4326, [0, 0, 1, 1]))).toEqual({ srsId: 4326, geometry: g });
    }
  });
  it('reads WKT with Z, MULTIPOINT without inner parentheses, EMPTY and SRID', () => {
    expect(parseWkt('POINT Z (1 2 3)').geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('POLYGON EMPTY').geometry).toEqual({ type: 'Polygon', coordinates: [] });
    expect(parseWkt('SRID=4547;POLYGON((0 0,1 0,1 1,0 0))').srid).toBe(4547);
    expect(() => parseWkt('POLYGON((0 0,1 0')).toThrow();
  });
});

describe('measures', () => {
  it('area, centroid and point-in-polygon honour holes', () => {
    // a 0.01° square at 32°N: 1111.95 m × (1111.95 · cos 32°) m
    const g: Geometry = { type: 'Polygon', coordinates: [sq(118, 32, 0.01), sq(118.004, 32.004, 0.002)] };
    const side = 6_371_008.8 * Math.PI / 180 * 0.01;
    const expected = side * side * Math.cos(32.005 * Math.PI / 180) * (1 - 0.04);
    expect(areaM2(g) / expected).toBeCloseTo(1, 3);
    expect(pointInGeometry(118.005, 32.005, g)).toBe(false);
    expect(pointInGeometry(118.001, 32.001, g)).toBe(true);
    const c = centroid({ type: 'Polygon', coordinates: [sq(0, 0, 2)] })!;
    expect(c[0]).toBeCloseTo(1, 9); expect(c[1]).toBeCloseTo(1, 9);
    // 1° of latitude is 111.195 km on the mean sphere
    expect(distanceM(118, 32, 118, 33) / 111_195).toBeCloseTo(1, 3);
  });
});
