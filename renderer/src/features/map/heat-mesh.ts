import { latToY, lonToX } from '../../../../shared/domain/spatial/mercator';

/**
 * The geometry the heatmap layer draws (pure, no WebGL): the heat image finer than the splat grid,
 * and the parts of the image's quad that have any colour, as triangles.
 *
 * Under software GL every covered pixel costs: the layer samples its texture once per pixel
 * (nearest, at 2 CSS px per texel, so the smoothing is done here once rather than by a linear
 * filter at every frame) and covers only the blocks of the image that are not transparent.
 */

/** Corners of the image on the map, [lng, lat]: NW, NE, SE, SW (as MapLibre's image sources take them). */
export type Corners = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Bilinear upsampling of a grid of values (row 0 = north) by an integer `factor`: each value is
 * taken at its cell's centre, and the edges are held (no fall-off outside the grid).
 */
export function upsample(values: Float32Array, width: number, height: number, factor: number): Float32Array {
  const f = Math.max(1, Math.round(factor));
  const W = width * f; const H = height * f;
  if (f === 1) return values.slice();
  const out = new Float32Array(W * H);
  // Per output column: the two source columns and the weight of the second.
  const x0 = new Int32Array(W); const x1 = new Int32Array(W); const fx = new Float32Array(W);
  for (let i = 0; i < W; i++) {
    const p = Math.min(width - 1, Math.max(0, (i + 0.5) / f - 0.5));
    x0[i] = Math.floor(p); x1[i] = Math.min(width - 1, x0[i] + 1); fx[i] = p - x0[i];
  }
  for (let j = 0; j < H; j++) {
    const q = Math.min(height - 1, Math.max(0, (j + 0.5) / f - 0.5));
    const y0 = Math.floor(q); const y1 = Math.min(height - 1, y0 + 1); const fy = q - y0;
    const r0 = y0 * width; const r1 = y1 * width; const o = j * W;
    for (let i = 0; i < W; i++) {
      const a = values[r0 + x0[i]] + (values[r0 + x1[i]] - values[r0 + x0[i]]) * fx[i];
      const b = values[r1 + x0[i]] + (values[r1 + x1[i]] - values[r1 + x0[i]]) * fx[i];
      out[o + i] = a + (b - a) * fy;
    }
  }
  return out;
}

/** Triangles over the coloured parts of an image: (dx, dy, u, v) per vertex, positions relative to `origin`. */
export interface HeatMesh {
  /** The NW corner in MapLibre's mercator units (0–1, y southwards), the vertices' origin. */
  origin: [number, number];
  /** 4 floats a vertex, 6 vertices a rectangle (two triangles). */
  vertices: Float32Array;
  count: number;
}

/**
 * The blocks (`block` × `block` texels) of an RGBA image with any non-zero alpha, joined into
 * runs along each block row, as triangles placed by the image's corners. Positions are
 * offsets from the NW corner (small numbers: exact enough in 32-bit floats at any zoom).
 */
export function heatMesh(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, corners: Corners, block = 16): HeatMesh {
  const m = corners.map(([lng, lat]) => [lonToX(lng), latToY(lat)]);
  const origin: [number, number] = [m[0][0], m[0][1]];
  // Bilinear between the corners: exact for the axis-aligned quad, and smooth for a shifted one.
  const at = (u: number, v: number): [number, number] => {
    const nx = m[0][0] + (m[1][0] - m[0][0]) * u; const ny = m[0][1] + (m[1][1] - m[0][1]) * u;
    const sx = m[3][0] + (m[2][0] - m[3][0]) * u; const sy = m[3][1] + (m[2][1] - m[3][1]) * u;
    return [nx + (sx - nx) * v - origin[0], ny + (sy - ny) * v - origin[1]];
  };
  const bw = Math.ceil(width / block); const bh = Math.ceil(height / block);
  const filled = (bx: number, by: number): boolean => {
    for (let y = by * block, y1 = Math.min(height, y + block); y < y1; y++) {
      for (let x = bx * block, x1 = Math.min(width, x + block); x < x1; x++) if (pixels[(y * width + x) * 4 + 3] !== 0) return true;
    }
    return false;
  };
  const out: number[] = [];
  const rect = (u0: number, v0: number, u1: number, v1: number) => {
    const nw = at(u0, v0); const ne = at(u1, v0); const se = at(u1, v1); const sw = at(u0, v1);
    out.push(nw[0], nw[1], u0, v0, ne[0], ne[1], u1, v0, sw[0], sw[1], u0, v1);
    out.push(ne[0], ne[1], u1, v0, se[0], se[1], u1, v1, sw[0], sw[1], u0, v1);
  };
  for (let by = 0; by < bh; by++) {
    const v0 = (by * block) / height; const v1 = Math.min(height, (by + 1) * block) / height;
    let start = -1;
    for (let bx = 0; bx <= bw; bx++) {
      const on = bx < bw && filled(bx, by);
      if (on && start < 0) start = bx;
      if (!on && start >= 0) { rect((start * block) / width, v0, Math.min(width, bx * block) / width, v1); start = -1; }
    }
  }
  return { origin, vertices: Float32Array.from(out), count: out.length / 4 };
}

/**
 * MapLibre's matrix from mercator units to clip space (`defaultProjectionData.mainMatrix`,
 * column-major, 64-bit) moved to `origin`: M · T(origin), rounded to 32 bits only after the move.
 */
export function matrixAt(main: ArrayLike<number>, origin: readonly [number, number]): Float32Array {
  const out = new Float32Array(16);
  for (let i = 0; i < 12; i++) out[i] = main[i];
  for (let r = 0; r < 4; r++) out[12 + r] = main[r] * origin[0] + main[4 + r] * origin[1] + main[12 + r];
  return out;
}
