/**
 * The invented city laid over Nanjing's extent: districts → streets (街道) → communities (社区),
 * each level a Voronoi partition of its (convex) parent, so cells are convex, nest exactly and do
 * not overlap. Planar work happens in a local plane (x = lon·cos φ0, y = lat); output is WGS-84.
 */
import { Rng } from './rng';
import { bboxOf, centroidOf, convexHull, distToLine, pointInRing, randomPointIn, signedArea, voronoiCell, type Pt, type Ring } from './geom';
import { CITY_NAME, DISTRICT_NAMES, NameAllocator } from './names';
import { buildRoads, type Road } from './roads';

export type { Road, RoadClass } from './roads';

/** City extent (WGS-84 degrees). */
export const CITY_EXTENT = { minLon: 118.55, maxLon: 119.1, minLat: 31.85, maxLat: 32.25 } as const;
const LAT0 = (CITY_EXTENT.minLat + CITY_EXTENT.maxLat) / 2;
export const KX = Math.cos((LAT0 * Math.PI) / 180);

export type AreaLevel = 'district' | 'street' | 'community';

export interface Area {
  level: AreaLevel;
  code: string;
  name: string;
  parentCode: string | null;
  /** GeoJSON Polygon coordinates: one closed, counter-clockwise outer ring of [lon, lat]. */
  polygon: number[][][];
  centroid: [number, number];
  bbox: [number, number, number, number];
}

export interface District extends Area { level: 'district'; urbanity: number }
export interface Street extends Area { level: 'street'; districtCode: string }
export interface Community extends Area {
  level: 'community';
  districtCode: string;
  streetCode: string;
  /** Relative share of requests coming from this community. */
  weight: number;
  /** Residential estates (小区) inside the community, used in addresses and texts. */
  estates: string[];
  /** Names of the nearest roads, closest first. */
  roads: string[];
  /** Triangle fan of the ring for uniform point sampling: [x0,y0,x1,y1,x2,y2]* and cumulative areas. */
  tri: Float64Array;
  triCum: Float64Array;
}

export interface DemoCity {
  name: string;
  districts: District[];
  streets: Street[];
  communities: Community[];
  roads: Road[];
  bbox: [number, number, number, number];
}

const toPlane = (lon: number, lat: number): Pt => [lon * KX, lat];

/** Rounds plane points to 1e-7° lon/lat, snapping near-identical vertices so neighbours share them exactly. */
class VertexSnap {
  private readonly map = new Map<string, [number, number]>();
  lonLat(p: Pt): [number, number] {
    const lon = p[0] / KX;
    const lat = p[1];
    const gx = Math.round(lon * 1e6);
    const gy = Math.round(lat * 1e6);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const hit = this.map.get(`${gx + dx},${gy + dy}`);
        if (hit && Math.abs(hit[0] - lon) < 2e-7 && Math.abs(hit[1] - lat) < 2e-7) return hit;
      }
    }
    const v: [number, number] = [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
    this.map.set(`${gx},${gy}`, v);
    return v;
  }
}

function cityOutline(rng: Rng): Ring {
  const cx = (CITY_EXTENT.minLon + CITY_EXTENT.maxLon) / 2;
  const cy = (CITY_EXTENT.minLat + CITY_EXTENT.maxLat) / 2;
  const rx = (CITY_EXTENT.maxLon - CITY_EXTENT.minLon) / 2;
  const ry = (CITY_EXTENT.maxLat - CITY_EXTENT.minLat) / 2;
  const pts: Pt[] = [];
  const n = 18;
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n + rng.range(-0.08, 0.08);
    const r = rng.range(0.86, 0.995);
    pts.push(toPlane(cx + rx * r * Math.cos(a), cy + ry * r * Math.sin(a)));
  }
  return convexHull(pts);
}

/** Best-candidate seeds inside a convex ring; `spacing` < 1 packs seeds closer (denser cells). */
function placeSeeds(ring: Ring, k: number, rng: Rng, spacing: (p: Pt) => number): Pt[] {
  const seeds: Pt[] = [];
  const closed = ring.concat([ring[0]]);
  for (let i = 0; i < k; i++) {
    let best: Pt | null = null;
    let bestScore = -Infinity;
    for (let c = 0; c < 14; c++) {
      const p = randomPointIn(ring, rng);
      let d = 1.4 * distToLine(p[0], p[1], closed);
      for (const s of seeds) d = Math.min(d, Math.hypot(s[0] - p[0], s[1] - p[1]));
      const score = d / spacing(p);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    seeds.push(best as Pt);
  }
  return seeds;
}

function partition(ring: Ring, k: number, rng: Rng, spacing: (p: Pt) => number): Ring[] {
  const seeds = placeSeeds(ring, k, rng, spacing);
  const cells: Ring[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const cell = voronoiCell(ring, seeds, i);
    if (cell.length >= 3 && Math.abs(signedArea(cell)) > 1e-10) cells.push(cell);
  }
  return cells;
}

function toArea(ring: Ring, snap: VertexSnap): { polygon: number[][][]; centroid: [number, number]; bbox: [number, number, number, number]; ll: [number, number][] } {
  const ccw = signedArea(ring) >= 0 ? ring : ring.slice().reverse();
  const ll: [number, number][] = [];
  for (const p of ccw) {
    const v = snap.lonLat(p);
    const last = ll[ll.length - 1];
    if (!last || last[0] !== v[0] || last[1] !== v[1]) ll.push(v);
  }
  if (ll.length > 1 && ll[0] === ll[ll.length - 1]) ll.pop();
  const c = centroidOf(ll);
  const centroid: [number, number] = [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6];
  return { polygon: [[...ll, ll[0]]], centroid, bbox: bboxOf(ll), ll };
}

function triangleFan(ll: [number, number][]): { tri: Float64Array; triCum: Float64Array } {
  const n = ll.length - 2;
  const tri = new Float64Array(n * 6);
  const triCum = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ll[0];
    const b = ll[i + 1];
    const c = ll[i + 2];
    tri.set([a[0], a[1], b[0], b[1], c[0], c[1]], i * 6);
    s += Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    triCum[i] = s;
  }
  return { tri, triCum };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Builds the invented city for a seed (independent of the record count). */
export function buildCity(seed: number): DemoCity {
  const root = new Rng(seed);
  const rng = root.fork('geography');
  const names = new NameAllocator(root.fork('names'));
  const estates = new NameAllocator(root.fork('estates'));
  const snap = new VertexSnap();
  const outline = cityOutline(rng);
  const [cx, cy] = centroidOf(outline);
  const bb = bboxOf(outline);
  const rMax = Math.hypot(bb[2] - bb[0], bb[3] - bb[1]) / 2;
  const radial = (p: Pt): number => Math.min(1, Math.hypot(p[0] - cx, p[1] - cy) / rMax);
  const spacing = (p: Pt): number => 0.35 + 1.1 * radial(p);

  const districts: District[] = [];
  const streets: Street[] = [];
  const communities: Community[] = [];
  const districtRings = partition(outline, rng.int(9, 11), rng, spacing);
  districtRings.sort((a, b) => radial(centroidOf(a)) - radial(centroidOf(b)));
  const districtNames = DISTRICT_NAMES.slice(0, 4).concat(rng.shuffled(DISTRICT_NAMES.slice(4)));
  const streetRingsAll: Ring[] = [];

  districtRings.forEach((dRing, di) => {
    const dCode = `9901${pad(di + 1, 2)}`;
    const urbanity = Math.round((1 - radial(centroidOf(dRing))) ** 1.5 * 100) / 100;
    districts.push({ level: 'district', code: dCode, name: districtNames[di], parentCode: null, urbanity, ...strip(toArea(dRing, snap)) });
    const streetRings = partition(dRing, rng.int(6, 10), rng, spacing);
    streetRings.forEach((sRing, si) => {
      const sCode = `${dCode}${pad(si + 1, 3)}`;
      streets.push({ level: 'street', code: sCode, name: names.stem('街道'), parentCode: dCode, districtCode: dCode, ...strip(toArea(sRing, snap)) });
      streetRingsAll.push(sRing);
      const commRings = partition(sRing, rng.int(4, 8), rng, spacing);
      commRings.forEach((cRing, ci) => {
        const area = toArea(cRing, snap);
        const weight = Math.round(rng.lognormal(1, 0.35) * (0.45 + 1.4 * urbanity) * 1000) / 1000;
        communities.push({
          level: 'community', code: `${sCode}${pad(ci + 1, 3)}`, name: names.stem('社区'), parentCode: sCode,
          districtCode: dCode, streetCode: sCode, weight, estates: [estates.estate(), estates.estate(), estates.estate()].slice(0, rng.int(1, 3)),
          roads: [], ...strip(area), ...triangleFan(area.ll),
        });
      });
    });
  });

  const roads = buildRoads(outline, districtRings, streetRingsAll, root.fork('roads'), names, KX, [cx, cy], rMax);
  assignNearestRoads(communities, roads);
  const cityBox = bboxOf(districts.flatMap((d) => d.polygon[0]));
  return { name: CITY_NAME, districts, streets, communities, roads, bbox: cityBox };
}

function strip(a: ReturnType<typeof toArea>): Pick<Area, 'polygon' | 'centroid' | 'bbox'> {
  return { polygon: a.polygon, centroid: a.centroid, bbox: a.bbox };
}

function assignNearestRoads(communities: Community[], roads: Road[]): void {
  const planeRoads = roads.map((r) => r.coordinates.map(([lon, lat]) => toPlane(lon, lat)));
  for (const c of communities) {
    const p = toPlane(c.centroid[0], c.centroid[1]);
    const ranked = roads.map((r, i) => ({ name: r.name, d: distToLine(p[0], p[1], planeRoads[i]) }))
      .sort((a, b) => a.d - b.d);
    c.roads = ranked.slice(0, 4).map((r) => r.name);
  }
}

/** Uniform random point inside a community, pulled 5% towards the centroid, rounded to 1e-6°. */
export function samplePoint(c: Community, r: Rng): [number, number] {
  const t = r.pickCumulative(c.triCum) * 6;
  let u = r.next();
  let v = r.next();
  if (u + v > 1) {
    u = 1 - u;
    v = 1 - v;
  }
  const tri = c.tri;
  const x = tri[t] + u * (tri[t + 2] - tri[t]) + v * (tri[t + 4] - tri[t]);
  const y = tri[t + 1] + u * (tri[t + 3] - tri[t + 1]) + v * (tri[t + 5] - tri[t + 1]);
  const lon = c.centroid[0] + 0.95 * (x - c.centroid[0]);
  const lat = c.centroid[1] + 0.95 * (y - c.centroid[1]);
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** The community whose polygon contains the point (linear scan with bbox pre-check), or null. */
export function findCommunity(city: DemoCity, lon: number, lat: number): Community | null {
  for (const c of city.communities) {
    const [a, b, x, y] = c.bbox;
    if (lon < a || lon > x || lat < b || lat > y) continue;
    if (pointInRing(lon, lat, c.polygon[0])) return c;
  }
  return null;
}
