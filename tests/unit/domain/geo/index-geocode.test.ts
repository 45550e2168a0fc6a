import { describe, expect, it } from 'vitest';
import { PolygonIndex, SegmentIndex } from '../../../../shared/domain/geo/spatial-index';
import { Gazetteer } from '../../../../shared/domain/geo/geocode';
import { normaliseAddress } from '../../../../shared/domain/geo/address';
import { crsFromWkt } from '../../../../shared/domain/geo/prj';
import { resolveCrs } from '../../../../shared/domain/geo/crs';
import { mPerDegLon, pointInGeometry, pointSegmentM } from '../../../../shared/domain/geo/measure';
import { linesOf, type Geometry } from '../../../../shared/domain/geo/geometry';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function blob(r: () => number, cx: number, cy: number, rad: number): Geometry {
  const ring = Array.from({ length: 9 }, (_, i) => { const a = (i / 9) * 2 * Math.PI; const k = rad * (0.6 + 0.4 * r()); return [cx + k * Math.cos(a), cy + k * Math.sin(a)]; });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

describe('spatial indexes agree with brute force', () => {
  const r = rng(42);
  const polys = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, geometry: blob(r, 118 + (i % 20) * 0.01, 32 + Math.floor(i / 20) * 0.01, 0.006) }));
  const roads = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, geometry: { type: 'LineString', coordinates: [[118 + r() * 0.2, 32 + r() * 0.15], [118 + r() * 0.2, 32 + r() * 0.15], [118 + r() * 0.2, 32 + r() * 0.15]] } as Geometry }));
  const pts = Array.from({ length: 3000 }, () => [118 + r() * 0.2, 32 + r() * 0.15]);

  it('point in polygon (smallest containing polygon wins)', () => {
    const ix = new PolygonIndex(polys);
    for (const [x, y] of pts) {
      const hits = polys.filter((p) => pointInGeometry(x, y, p.geometry));
      const got = ix.find(x, y);
      if (!hits.length) expect(got).toBe(-1);
      else expect(hits.map((h) => h.id)).toContain(got);
    }
  });

  it('nearest road within a threshold, with its distance in metres', () => {
    const ix = new SegmentIndex(roads);
    for (const [x, y] of pts.slice(0, 1000)) {
      const kx = mPerDegLon(y);
      let best = Infinity;
      for (const rd of roads) for (const l of linesOf(rd.geometry)) for (let i = 1; i < l.length; i++) best = Math.min(best, pointSegmentM(x, y, l[i - 1][0], l[i - 1][1], l[i][0], l[i][1], kx));
      const got = ix.nearest(x, y, 150);
      if (best <= 150) expect(got?.distanceM).toBeCloseTo(best, 6); else expect(got).toBeNull();
    }
  });
});

describe('address matching', () => {
  const sqr = (x: number, y: number, d: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
  const gaz = new Gazetteer([
    { id: 1, name: '玄湖区', level: 'district', geometry: sqr(0, 0, 1) },
    { id: 2, name: '钟山区', level: 'district', geometry: sqr(1, 0, 1) },
    { id: 11, name: '福泉街道', level: 'street', geometry: sqr(0, 0, 0.5) },
    { id: 12, name: '云桥街道', level: 'street', geometry: sqr(1, 0, 0.5) },
    { id: 21, name: '新村社区', level: 'community', geometry: sqr(0.1, 0.1, 0.1), aliases: ['荷庄花园'] },
    { id: 22, name: '新村社区', level: 'community', geometry: sqr(1.1, 0.1, 0.1) },
    { id: 31, name: '中山路', level: 'road', geometry: { type: 'LineString', coordinates: [[0.2, 0.3], [1.8, 0.3]] } },
  ]);

  it('normalises width, prefixes and house numbers', () => {
    expect(normaliseAddress('江苏省南京市玄湖区　福泉街道ｘ中山路１２号３栋２单元501室')).toBe('玄湖区福泉街道x中山路');
  });

  it('uses coarser names to pick among places of the same name', () => {
    expect(gaz.locate('钟山区云桥街道新村社区')).toMatchObject({ placeId: 22, level: 'community', method: 'community' });
    expect(gaz.locate('玄湖区新村社区')).toMatchObject({ placeId: 21 });
    const amb = gaz.locate('新村社区')!;
    expect(amb.confidence).toBeLessThan(gaz.locate('玄湖区新村社区')!.confidence);
  });

  it('places a road on its part inside the named street, finds aliases and falls back to free text', () => {
    const hit = gaz.locate('钟山区云桥街道中山路88号')!;
    expect(hit).toMatchObject({ placeId: 31, method: 'road+street' });
    expect(hit.lon).toBeGreaterThan(1);
    expect(gaz.locate('', '荷庄花园三栋楼下噪音')).toMatchObject({ placeId: 21 });
    expect(gaz.locate('', '荷庄花园')!.confidence).toBeLessThan(gaz.locate('荷庄花园')!.confidence);
    expect(gaz.locate('no place here')).toBeNull();
  });
});

describe('coordinate systems', () => {
  it('recognises Chinese .prj names and EPSG authorities, and refuses gibberish', () => {
    expect(crsFromWkt('PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]')?.code).toBe('EPSG:4548');
    expect(crsFromWkt('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000"]]')?.code).toBe('EPSG:4490');
    expect(crsFromWkt('PROJCS["WGS 84 / UTM zone 50N",GEOGCS["WGS 84"],AUTHORITY["EPSG","32650"]]')?.code).toBe('EPSG:32650');
    expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')?.code).toBe('wgs84');
    expect(crsFromWkt('nonsense')).toBeNull();
    expect(resolveCrs('GCJ-02')?.code).toBe('gcj02');
    expect(resolveCrs('EPSG:9999')).toBeNull();
  });
});
