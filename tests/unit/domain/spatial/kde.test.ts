import { describe, expect, it } from 'vitest';
import { densityIntegral, kernelDensity, quarticKernel } from '../../../../shared/domain/spatial/kde';

describe('quartic kernel density', () => {
  it('has the QGIS quartic kernel shape: 3/(πh²) at the centre, 0 at the bandwidth', () => {
    expect(quarticKernel(0, 2)).toBeCloseTo(3 / (Math.PI * 4), 12);
    expect(quarticKernel(1, 2)).toBeCloseTo((3 / (Math.PI * 4)) * (0.75 ** 2), 12);
    expect(quarticKernel(2, 2)).toBe(0);
    expect(quarticKernel(5, 2)).toBe(0);
  });

  it('puts a single point\'s kernel values on the cells around it (known cell values)', () => {
    // One point at the centre of cell (5, 5) of a 11×11 grid of unit cells, bandwidth 3.
    const g = kernelDensity({ width: 11, height: 11, x0: 0, y0: 0, cell: 1, bandwidth: 3, each: (emit) => emit(5.5, 5.5) });
    const at = (i: number, j: number) => g.values[j * 11 + i];
    expect(at(5, 5)).toBeCloseTo(quarticKernel(0, 3), 12);
    expect(at(6, 5)).toBeCloseTo(quarticKernel(1, 3), 12);
    expect(at(6, 6)).toBeCloseTo(quarticKernel(Math.SQRT2, 3), 12);
    expect(at(8, 5)).toBe(0); // distance 3 = bandwidth
    expect(at(0, 0)).toBe(0);
    expect(g.max).toBeCloseTo(quarticKernel(0, 3), 12);
  });

  it('adds points and weights linearly', () => {
    const one = kernelDensity({ width: 9, height: 9, x0: 0, y0: 0, cell: 1, bandwidth: 2, each: (emit) => emit(4.5, 4.5) });
    const three = kernelDensity({ width: 9, height: 9, x0: 0, y0: 0, cell: 1, bandwidth: 2, each: (emit) => { emit(4.5, 4.5, 2); emit(4.5, 4.5); } });
    for (let k = 0; k < one.values.length; k++) expect(three.values[k]).toBeCloseTo(3 * one.values[k], 12);
  });

  it('integrates to the number of points inside the grid, within 2 %', () => {
    let seed = 42;
    const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const pts: [number, number][] = [];
    for (let i = 0; i < 5000; i++) pts.push([300 + rnd() * 400, 200 + rnd() * 300]);
    const g = kernelDensity({ width: 100, height: 80, x0: 0, y0: 0, cell: 10, bandwidth: 60, each: (emit) => pts.forEach(([x, y]) => emit(x, y)) });
    expect(densityIntegral(g) / pts.length).toBeGreaterThan(0.98);
    expect(densityIntegral(g) / pts.length).toBeLessThan(1.02);
  });

  it('counts points just outside the grid towards its edge cells', () => {
    const g = kernelDensity({ width: 10, height: 10, x0: 0, y0: 0, cell: 1, bandwidth: 3, each: (emit) => emit(-0.5, 5.5) });
    expect(g.values[5 * 10 + 0]).toBeCloseTo(quarticKernel(1, 3), 12);
  });

  it('rejects a zero bandwidth', () => {
    expect(() => kernelDensity({ width: 2, height: 2, x0: 0, y0: 0, cell: 1, bandwidth: 0, each: () => {} })).toThrow(RangeError);
  });
});
