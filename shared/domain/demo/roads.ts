/** Road network of the synthetic city: arterials across the city, a ring road, district and street roads. */
import type { Rng } from './rng';
import { bboxOf, chordThrough, randomPointIn, type Pt, type Ring } from './geom';
import type { NameAllocator } from './names';

export type RoadClass = 'arterial' | 'secondary' | 'local';

export interface Road {
  code: string;
  name: string;
  roadClass: RoadClass;
  /** GeoJSON LineString coordinates, [lon, lat] WGS-84. */
  coordinates: [number, number][];
  bbox: [number, number, number, number];
}

/** A gently curved polyline along a chord; the ends stay on the chord's end points. */
function bend(a: Pt, b: Pt, n: number, amplitude: number, rng: Rng): Pt[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  const phase = rng.range(0, Math.PI);
  const amp = amplitude * len * rng.range(-1, 1);
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const off = amp * Math.sin(Math.PI * t) * Math.cos(phase + 2 * t);
    out.push([a[0] + t * dx + off * nx, a[1] + t * dy + off * ny]);
  }
  return out;
}

export function buildRoads(
  outline: Ring, districtRings: Ring[], streetRings: Ring[], rng: Rng, names: NameAllocator,
  kx: number, center: Pt, rMax: number,
): Road[] {
  const roads: Road[] = [];
  const add = (roadClass: RoadClass, name: string, pts: Pt[]): void => {
    const coordinates = pts.map(([x, y]): [number, number] => [Math.round((x / kx) * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]);
    const prefix = roadClass === 'arterial' ? 'RA' : roadClass === 'secondary' ? 'RS' : 'RL';
    roads.push({ code: `${prefix}${String(roads.length + 1).padStart(4, '0')}`, name, roadClass, coordinates, bbox: bboxOf(coordinates) });
  };
  const [minX, minY, maxX, maxY] = bboxOf(outline);

  // Arterials: four roughly east–west and four roughly north–south roads crossing the whole city.
  for (let i = 0; i < 4; i++) {
    const y = minY + ((i + 0.5) / 4) * (maxY - minY) + rng.range(-0.02, 0.02);
    const chord = chordThrough(outline, (minX + maxX) / 2, y, rng.range(-0.2, 0.2));
    if (chord) add('arterial', names.road(rng.chance(0.5) ? '大道' : '路'), bend(chord[0], chord[1], 12, 0.03, rng));
  }
  for (let i = 0; i < 4; i++) {
    const x = minX + ((i + 0.5) / 4) * (maxX - minX) + rng.range(-0.02, 0.02);
    const chord = chordThrough(outline, x, (minY + maxY) / 2, Math.PI / 2 + rng.range(-0.2, 0.2));
    if (chord) add('arterial', names.road(rng.chance(0.5) ? '大道' : '路'), bend(chord[0], chord[1], 12, 0.03, rng));
  }
  // Inner ring road (closed line) around the old town.
  const ring: Pt[] = [];
  const rr = rMax * 0.22;
  for (let i = 0; i <= 36; i++) {
    const a = (2 * Math.PI * (i % 36)) / 36;
    const wobble = 1 + 0.06 * Math.sin(3 * a + 1);
    ring.push([center[0] + rr * wobble * Math.cos(a), center[1] + rr * 0.85 * wobble * Math.sin(a)]);
  }
  add('arterial', '内环路', ring);

  // Secondary roads: three per district, local roads: two per street, each crossing its area.
  for (const d of districtRings) {
    for (let i = 0; i < 3; i++) {
      const p = randomPointIn(d, rng);
      const chord = chordThrough(d, p[0], p[1], (i * Math.PI) / 3 + rng.range(-0.4, 0.4));
      if (chord) add('secondary', names.road('路'), bend(chord[0], chord[1], 6, 0.04, rng));
    }
  }
  for (const s of streetRings) {
    for (let i = 0; i < 2; i++) {
      const p = randomPointIn(s, rng);
      const chord = chordThrough(s, p[0], p[1], i * (Math.PI / 2) + rng.range(-0.5, 0.5));
      if (chord) add('local', names.road(rng.weighted(['路', '街', '巷'], [6, 3, 1])), bend(chord[0], chord[1], 3, 0.05, rng));
    }
  }
  return roads;
}
