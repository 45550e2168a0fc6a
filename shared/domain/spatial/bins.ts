/**
 * Grid binning in world units (see mercator.ts): square cells of side `size`, or pointy-top hexagons
 * of circumradius `size`, so cells look regular on a Web-Mercator map. A cell is named by a numeric
 * key (two offset integers packed below 2^53) and owns a centre and a polygon.
 */
export type BinKind = 'hex' | 'square';

const OFF = 2 ** 24;
const SHIFT = 2 ** 25;
const SQRT3 = Math.sqrt(3);

export interface Binner {
  readonly kind: BinKind;
  readonly size: number;
  /** Key of the cell containing (x, y). */
  key(x: number, y: number): number;
  /** Centre of a cell, world units. */
  center(key: number): [number, number];
  /** Closed outer ring of a cell, world units. */
  ring(key: number): [number, number][];
}

const pack = (a: number, b: number): number => (a + OFF) * SHIFT + (b + OFF);
const unpack = (k: number): [number, number] => {
  const a = Math.floor(k / SHIFT);
  return [a - OFF, k - a * SHIFT - OFF];
};

function squareBinner(size: number): Binner {
  return {
    kind: 'square', size,
    key: (x, y) => pack(Math.floor(x / size), Math.floor(y / size)),
    center: (k) => { const [i, j] = unpack(k); return [(i + 0.5) * size, (j + 0.5) * size]; },
    ring: (k) => {
      const [i, j] = unpack(k);
      const x0 = i * size; const y0 = j * size; const x1 = x0 + size; const y1 = y0 + size;
      return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    },
  };
}

/** Axial (q, r) of the pointy-top hexagon containing (x, y), by cube rounding. */
export function hexAxial(x: number, y: number, size: number): [number, number] {
  const qf = ((SQRT3 / 3) * x - y / 3) / size;
  const rf = ((2 / 3) * y) / size;
  const sf = -qf - rf;
  let q = Math.round(qf); let r = Math.round(rf); const s = Math.round(sf);
  const dq = Math.abs(q - qf); const dr = Math.abs(r - rf); const ds = Math.abs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

function hexBinner(size: number): Binner {
  const center = (k: number): [number, number] => {
    const [q, r] = unpack(k);
    return [size * SQRT3 * (q + r / 2), size * 1.5 * r];
  };
  return {
    kind: 'hex', size,
    key: (x, y) => { const [q, r] = hexAxial(x, y, size); return pack(q, r); },
    center,
    ring: (k) => {
      const [cx, cy] = center(k);
      const pts: [number, number][] = [];
      for (let i = 0; i < 6; i++) {
        const a = (Math.PI / 180) * (60 * i - 30);
        pts.push([cx + size * Math.cos(a), cy + size * Math.sin(a)]);
      }
      pts.push(pts[0]);
      return pts;
    },
  };
}

/**
 * Bin size in world units for a cell of `px` CSS pixels at zoom `zoom`, snapped to whole zoom levels
 * so cells stay put while the user zooms within a level (engine and renderer agree on it).
 */
export function binSizeWorld(zoom: number, px: number): number {
  return px / (512 * 2 ** Math.floor(Math.max(0, zoom)));
}

export function createBinner(kind: BinKind, size: number): Binner {
  if (!(size > 0)) throw new RangeError('bin size must be positive');
  return kind === 'hex' ? hexBinner(size) : squareBinner(size);
}

/** Area of one cell in world units² (hexagon: 3√3/2 · s²). */
export function cellArea(kind: BinKind, size: number): number {
  return kind === 'hex' ? 1.5 * SQRT3 * size * size : size * size;
}

/** Counts (or sums weights of) points per cell; `each` visits the points to bin. */
export function binCounts(binner: Binner, each: (emit: (x: number, y: number, w?: number) => void) => void): Map<number, number> {
  const out = new Map<number, number>();
  each((x, y, w = 1) => {
    const k = binner.key(x, y);
    out.set(k, (out.get(k) ?? 0) + w);
  });
  return out;
}
