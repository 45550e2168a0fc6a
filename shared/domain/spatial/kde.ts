/**
 * Kernel density on a regular grid with the quartic (biweight) kernel, as QGIS's heatmap:
 * K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, 0 beyond, so each point's kernel integrates to 1 and
 * the surface integrates to the number of points (their weights) that lie well inside the grid.
 *
 * Points are first counted per grid cell and each non-empty cell's count is spread from the cell's
 * centre (cost: non-empty cells × kernel cells, independent of the number of points); a point is
 * thereby moved by at most half a cell, which is why the bandwidth should be several cells.
 * Units are any planar unit shared by x, y, cell size and bandwidth; values are per unit².
 */
export interface DensityGrid {
  /** Row-major, row 0 at y0 (the grid's first row), values per unit². */
  readonly values: Float64Array;
  readonly width: number;
  readonly height: number;
  /** Lower corner of cell (0, 0). */
  readonly x0: number;
  readonly y0: number;
  readonly cell: number;
  /** Largest value. */
  readonly max: number;
}

export interface DensityInput {
  width: number;
  height: number;
  x0: number;
  y0: number;
  cell: number;
  bandwidth: number;
  /** Visits the points: call emit(x, y, weight?) for each. */
  each(emit: (x: number, y: number, w?: number) => void): void;
}

/** The quartic kernel's value at distance d for bandwidth h (per unit²). */
export function quarticKernel(d: number, h: number): number {
  if (d >= h) return 0;
  const u = 1 - (d * d) / (h * h);
  return (3 / (Math.PI * h * h)) * u * u;
}

export function kernelDensity(input: DensityInput): DensityGrid {
  const { width, height, x0, y0, cell, bandwidth: h } = input;
  if (!(cell > 0) || !(h > 0) || width < 1 || height < 1) throw new RangeError('density grid needs positive size, cell and bandwidth');
  const counts = new Float64Array(width * height);
  // Points up to one bandwidth outside the grid still contribute to its edge cells.
  const pad = Math.ceil(h / cell);
  const pw = width + 2 * pad;
  const ph = height + 2 * pad;
  const padded = new Float64Array(pw * ph);
  input.each((x, y, w = 1) => {
    const i = Math.floor((x - x0) / cell) + pad;
    const j = Math.floor((y - y0) / cell) + pad;
    if (i >= 0 && j >= 0 && i < pw && j < ph) padded[j * pw + i] += w;
  });
  // Kernel stamp: weights for integer cell offsets (dx, dy) within the bandwidth.
  const stamp: number[] = [];
  for (let dy = -pad; dy <= pad; dy++) {
    for (let dx = -pad; dx <= pad; dx++) stamp.push(quarticKernel(Math.hypot(dx, dy) * cell, h));
  }
  const side = 2 * pad + 1;
  for (let j = 0; j < ph; j++) {
    for (let i = 0; i < pw; i++) {
      const c = padded[j * pw + i];
      if (c === 0) continue;
      for (let sy = 0; sy < side; sy++) {
        const ty = j - pad + sy - pad;
        if (ty < 0 || ty >= height) continue;
        for (let sx = 0; sx < side; sx++) {
          const tx = i - pad + sx - pad;
          if (tx < 0 || tx >= width) continue;
          const k = stamp[sy * side + sx];
          if (k > 0) counts[ty * width + tx] += c * k;
        }
      }
    }
  }
  let max = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k] > max) max = counts[k];
  return { values: counts, width, height, x0, y0, cell, max };
}

/** Σ value × cell area: the number of points the surface holds. */
export function densityIntegral(g: DensityGrid): number {
  let s = 0;
  for (let k = 0; k < g.values.length; k++) s += g.values[k];
  return s * g.cell * g.cell;
}
