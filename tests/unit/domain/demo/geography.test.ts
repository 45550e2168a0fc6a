import { describe, expect, it } from 'vitest';
import { buildCity, CITY_EXTENT, findCommunity, pointInRing, Rng, samplePoint, signedArea, type Area } from '../../../../shared/domain/demo';

const city = buildCity(12345);

function ringOf(a: Area): number[][] {
  return a.polygon[0];
}

describe('synthetic city geography', () => {
  it('has 8–11 districts, 6–10 streets per district and 4–8 communities per street', () => {
    expect(city.districts.length).toBeGreaterThanOrEqual(8);
    expect(city.districts.length).toBeLessThanOrEqual(11);
    for (const d of city.districts) {
      const n = city.streets.filter((s) => s.parentCode === d.code).length;
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(10);
    }
    for (const s of city.streets) {
      const n = city.communities.filter((c) => c.parentCode === s.code).length;
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(8);
    }
  });

  it('uses hierarchical codes and unique Chinese names with the right suffixes', () => {
    const codes = new Set<string>();
    for (const s of city.streets) expect(s.code.startsWith(s.parentCode as string)).toBe(true);
    for (const c of city.communities) expect(c.code.startsWith(c.streetCode)).toBe(true);
    for (const a of [...city.districts, ...city.streets, ...city.communities]) codes.add(a.code);
    expect(codes.size).toBe(city.districts.length + city.streets.length + city.communities.length);
    expect(city.districts.every((d) => /^[\u4e00-\u9fa5]{1,3}区$/.test(d.name))).toBe(true);
    expect(city.streets.every((s) => s.name.endsWith('街道'))).toBe(true);
    expect(city.communities.every((c) => c.name.endsWith('社区'))).toBe(true);
    expect(new Set(city.streets.map((s) => s.name)).size).toBe(city.streets.length);
    expect(new Set(city.communities.map((c) => c.name)).size).toBe(city.communities.length);
  });

  it('emits closed, counter-clockwise, simple rings inside Nanjing extent', () => {
    for (const a of [...city.districts, ...city.streets, ...city.communities]) {
      const ring = ringOf(a);
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const open = ring.slice(0, -1) as [number, number][];
      expect(signedArea(open)).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThanOrEqual(CITY_EXTENT.minLon);
        expect(lon).toBeLessThanOrEqual(CITY_EXTENT.maxLon);
        expect(lat).toBeGreaterThanOrEqual(CITY_EXTENT.minLat);
        expect(lat).toBeLessThanOrEqual(CITY_EXTENT.maxLat);
      }
      // Convex cells: every turn is a left turn (or straight), hence no self-intersection.
      for (let i = 0; i < open.length; i++) {
        const [a0, a1] = open[i];
        const [b0, b1] = open[(i + 1) % open.length];
        const [c0, c1] = open[(i + 2) % open.length];
        expect((b0 - a0) * (c1 - a1) - (b1 - a1) * (c0 - a0)).toBeGreaterThan(-1e-9);
      }
      expect(pointInRing(a.centroid[0], a.centroid[1], ring)).toBe(true);
    }
  });

  it('tiles: sampled points fall in exactly one community, and nest in its street and district', () => {
    const rng = new Rng(99);
    const [minX, minY, maxX, maxY] = city.bbox;
    const streets = new Map(city.streets.map((s) => [s.code, s]));
    const districts = new Map(city.districts.map((d) => [d.code, d]));
    let insideCity = 0;
    for (let i = 0; i < 4000; i++) {
      const x = rng.range(minX, maxX);
      const y = rng.range(minY, maxY);
      const inDistricts = city.districts.filter((d) => pointInRing(x, y, ringOf(d)));
      const inCommunities = city.communities.filter((c) => pointInRing(x, y, ringOf(c)));
      expect(inDistricts.length).toBeLessThanOrEqual(1);
      expect(inCommunities.length).toBe(inDistricts.length);
      if (inCommunities.length === 1) {
        insideCity++;
        const c = inCommunities[0];
        expect(pointInRing(x, y, ringOf(streets.get(c.streetCode) as Area))).toBe(true);
        expect(c.districtCode).toBe(inDistricts[0].code);
        expect(pointInRing(x, y, ringOf(districts.get(c.districtCode) as Area))).toBe(true);
      }
    }
    expect(insideCity).toBeGreaterThan(2000);
  });

  it('samples record points inside the requested community', () => {
    const rng = new Rng(5);
    for (const c of city.communities) {
      for (let k = 0; k < 20; k++) {
        const [lon, lat] = samplePoint(c, rng);
        expect(findCommunity(city, lon, lat)?.code).toBe(c.code);
      }
    }
  });

  it('has a road network of named arterial, secondary and local roads', () => {
    const classes = new Set(city.roads.map((r) => r.roadClass));
    expect([...classes].sort()).toEqual(['arterial', 'local', 'secondary']);
    expect(new Set(city.roads.map((r) => r.name)).size).toBe(city.roads.length);
    for (const r of city.roads) {
      expect(r.name).toMatch(/(路|大道|街|巷)$/);
      expect(r.coordinates.length).toBeGreaterThanOrEqual(2);
    }
    // Arterials cross the city (each spans at least 45% of its width or height); one is a closed ring road.
    const w = city.bbox[2] - city.bbox[0];
    const h = city.bbox[3] - city.bbox[1];
    const arterials = city.roads.filter((x) => x.roadClass === 'arterial');
    const closed = (r: (typeof arterials)[number]): boolean => JSON.stringify(r.coordinates[0]) === JSON.stringify(r.coordinates[r.coordinates.length - 1]);
    expect(arterials.filter(closed).length).toBe(1);
    expect(arterials.filter((r) => !closed(r)).length).toBeGreaterThanOrEqual(6);
    for (const r of arterials.filter((x) => !closed(x))) {
      expect(Math.max((r.bbox[2] - r.bbox[0]) / w, (r.bbox[3] - r.bbox[1]) / h)).toBeGreaterThan(0.45);
    }
    for (const c of city.communities) expect(c.roads.length).toBeGreaterThan(0);
  });

  it('is the same city for the same seed and a different one for another seed', () => {
    expect(JSON.stringify(buildCity(12345))).toBe(JSON.stringify(city));
    const other = buildCity(777);
    expect(JSON.stringify(other.communities.map((c) => c.polygon))).not.toBe(JSON.stringify(city.communities.map((c) => c.polygon)));
  });
});
