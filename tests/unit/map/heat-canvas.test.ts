import { describe, expect, it } from 'vitest';
import { HEAT_INTENSITY, HEAT_UPSAMPLE, heatCover, heatDensity, heatImage, heatPixels, type HeatGrid } from '../../../renderer/src/features/map/heat-canvas';

const GAUSS_COEF = 1 / Math.sqrt(2 * Math.PI);
// A 40 × 20 grid over the world box [0, 0] – [4, 2]: one cell is 0.1 × 0.1 world units.
const grid: HeatGrid = { width: 40, height: 20, box: [0, 0, 4, 2] };
const cell = (cx: number, cy: number) => [(cx + 0.5) * 0.1, (cy + 0.5) * 0.1] as const;

describe('heatmap drawn from the engine bins', () => {
  it('puts a bin\'s kernel peak on its own cell and falls off symmetrically to zero at the radius', () => {
    const [x, y] = cell(10, 8);
    const d = heatDensity(grid, [x], [y], [4], 4, 3);
    const at = (cx: number, cy: number) => d[cy * grid.width + cx];
    expect(at(10, 8)).toBeCloseTo(HEAT_INTENSITY * GAUSS_COEF, 5); // weight √4/√4 = 1, distance 0
    expect(at(11, 8)).toBeCloseTo(at(9, 8), 6);
    expect(at(10, 9)).toBeCloseTo(at(10, 7), 6);
    expect(at(11, 8)).toBeLessThan(at(10, 8));
    expect(at(12, 8)).toBeLessThan(at(11, 8));
    // Gaussian with σ = radius / 3: one cell away is exp(-½·(3/3)²) of the peak.
    expect(at(11, 8) / at(10, 8)).toBeCloseTo(Math.exp(-0.5), 5);
    expect(at(14, 8)).toBe(0);
    expect(at(30, 3)).toBe(0);
  });

  it('weighs bins by √count / √max and adds overlapping kernels', () => {
    const [x, y] = cell(5, 5);
    const alone = heatDensity(grid, [x], [y], [1], 16, 2)[5 * 40 + 5];
    const both = heatDensity(grid, [x, x], [y, y], [1, 9], 16, 2)[5 * 40 + 5];
    expect(alone).toBeCloseTo(HEAT_INTENSITY * GAUSS_COEF * (1 / 4), 6);
    expect(both).toBeCloseTo(HEAT_INTENSITY * GAUSS_COEF * (1 / 4 + 3 / 4), 6);
  });

  it('ignores bins far outside the grid and draws nothing where the density is zero', () => {
    const d = heatDensity(grid, [100], [100], [50], 50, 3);
    expect(d.every((v) => v === 0)).toBe(true);
    const px = heatPixels(d, 'YlOrRd');
    expect(px.every((v) => v === 0)).toBe(true);
  });

  it('colours denser cells more opaque along the ramp', () => {
    const px = heatPixels(Float32Array.from([0.05, 0.5, 1]), 'YlOrRd');
    expect(px[3]).toBeGreaterThan(0);
    expect(px[7]).toBeGreaterThan(px[3]);
    expect(px[11]).toBeGreaterThan(px[7]);
    expect(px[11]).toBeLessThanOrEqual(255);
  });
});

describe('heat image for the heat layer', () => {
  it('is the grid upsampled (2 texels a cell each way), transparent far from the bins and coloured at them', () => {
    const [x, y] = cell(10, 8);
    const d = heatDensity(grid, [x], [y], [4], 4, 3);
    const img = heatImage(grid, d, 'YlOrRd');
    expect(HEAT_UPSAMPLE).toBe(2);
    expect([img.width, img.height]).toEqual([grid.width * 2, grid.height * 2]);
    expect(img.pixels.length).toBe(img.width * img.height * 4);
    const alpha = (tx: number, ty: number) => img.pixels[(ty * img.width + tx) * 4 + 3];
    // The bin's cell (10, 8) is texels 20–21 × 16–17; its neighbourhood is coloured, the far corner not.
    expect(alpha(20, 16)).toBeGreaterThan(0);
    expect(alpha(21, 17)).toBe(alpha(20, 16)); // symmetric about the cell centre
    expect(alpha(20, 16)).toBeGreaterThan(alpha(26, 16));
    expect(alpha(79, 39)).toBe(0);
  });
});

describe('area the heatmap is drawn over', () => {
  const view = [118.7, 31.9, 119.0, 32.1] as const;
  it('covers the view with a margin on every side and a grid of a quarter of its pixels', () => {
    const c = heatCover(null, view, 10.3, 1000, 700);
    expect(c.bbox[0]).toBeLessThan(view[0]); expect(c.bbox[1]).toBeLessThan(view[1]);
    expect(c.bbox[2]).toBeGreaterThan(view[2]); expect(c.bbox[3]).toBeGreaterThan(view[3]);
    expect(c.grid.width).toBe(Math.ceil((1000 * 1.5) / c.scale));
    expect(c.grid.height).toBeGreaterThan(Math.ceil(700 / c.scale));
  });

  it('keeps the area while the view moves inside it in the same zoom level, and replaces it otherwise', () => {
    const c = heatCover(null, view, 10.3, 1000, 700);
    expect(heatCover(c, [118.72, 31.92, 119.02, 32.12], 10.8, 1000, 700)).toBe(c);
    expect(heatCover(c, view, 10.3, 0, 0)).toBe(c);
    expect(heatCover(c, [118.9, 31.9, 119.2, 32.1], 10.3, 1000, 700)).not.toBe(c);
    const deeper = heatCover(c, [118.8, 31.95, 118.9, 32.0], 11.1, 1000, 700);
    expect(deeper).not.toBe(c);
    expect(deeper.key).not.toBe(c.key);
  });
});
