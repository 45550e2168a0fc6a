import { describe, expect, it } from 'vitest';
import { latToY, lonToX } from '../../../shared/domain/spatial/mercator';
import { heatMesh, matrixAt, upsample, type Corners } from '../../../renderer/src/features/map/heat-mesh';

/** An RGBA image of `w` × `h` with alpha 255 on the given texels. */
function image(w: number, h: number, on: [number, number][]): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  for (const [x, y] of on) px[(y * w + x) * 4 + 3] = 255;
  return px;
}

const corners: Corners = [[118.5, 32.2], [119.1, 32.2], [119.1, 31.8], [118.5, 31.8]];
const mx = (lng: number) => lonToX(lng); const my = (lat: number) => latToY(lat);

/** The mesh's triangles back in mercator units with their texture coordinates: [x, y, u, v] per vertex. */
function vertices(m: ReturnType<typeof heatMesh>): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < m.count; i++) out.push([m.origin[0] + m.vertices[i * 4], m.origin[1] + m.vertices[i * 4 + 1], m.vertices[i * 4 + 2], m.vertices[i * 4 + 3]]);
  return out;
}

describe('heat image upsampling', () => {
  it('keeps a constant grid constant and interpolates between cell centres', () => {
    expect(Array.from(upsample(Float32Array.from([0.4, 0.4, 0.4, 0.4]), 2, 2, 2))).toEqual(new Array(16).fill(0.4).map((v) => Math.fround(v)));
    // One row 0 → 1: texel centres at 0.25, 0.75, 1.25, 1.75 cells, i.e. 1/4 cell either side of the cell centres.
    const row = upsample(Float32Array.from([0, 1]), 2, 1, 2);
    expect(row[0]).toBe(0); // held at the edge
    expect(row[1]).toBeCloseTo(0.25, 6);
    expect(row[2]).toBeCloseTo(0.75, 6);
    expect(row[3]).toBe(1);
  });

  it('is the grid itself at factor 1, and `factor` × the size otherwise', () => {
    const g = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(upsample(g, 3, 2, 1))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(upsample(g, 3, 2, 3).length).toBe(9 * 6);
    // A column of the result between rows 0 and 1 of the grid is their mean at the midpoint.
    const up = upsample(Float32Array.from([0, 0, 8, 8]), 2, 2, 2);
    expect(up[1 * 4 + 0]).toBeCloseTo(2, 6); // 1/4 of the way from row 0 (0) to row 1 (8)
    expect(up[2 * 4 + 0]).toBeCloseTo(6, 6);
  });
});

describe('heat mesh: only the coloured blocks of the image', () => {
  it('covers the whole quad with one rectangle when every block has colour, corners where the map puts them', () => {
    const w = 8; const h = 4;
    const all = image(w, h, Array.from({ length: w * h }, (_, i) => [i % w, Math.floor(i / w)] as [number, number]));
    const m = heatMesh(all, w, h, corners, 4);
    expect(m.count).toBe(6);
    expect(m.origin[0]).toBe(mx(118.5)); expect(m.origin[1]).toBe(my(32.2));
    const v = vertices(m);
    const byUv = (u: number, t: number) => v.find((p) => p[2] === u && p[3] === t)!;
    expect(byUv(0, 0)[0]).toBeCloseTo(mx(118.5), 9); expect(byUv(0, 0)[1]).toBeCloseTo(my(32.2), 9);
    expect(byUv(1, 0)[0]).toBeCloseTo(mx(119.1), 9);
    expect(byUv(1, 1)[0]).toBeCloseTo(mx(119.1), 9); expect(byUv(1, 1)[1]).toBeCloseTo(my(31.8), 9);
    expect(byUv(0, 1)[1]).toBeCloseTo(my(31.8), 9);
  });

  it('leaves out transparent blocks and joins neighbouring coloured blocks of a row into one run', () => {
    const w = 16; const h = 8; // 4 × 2 blocks of 4 texels
    // Row 0: blocks 0 and 1 (joined) and block 3; row 1: nothing.
    const m = heatMesh(image(w, h, [[1, 1], [6, 3], [15, 0]]), w, h, corners, 4);
    expect(m.count).toBe(12);
    const us = vertices(m).map((p) => p[2]);
    expect(Math.min(...us.slice(0, 6))).toBe(0); expect(Math.max(...us.slice(0, 6))).toBe(0.5);
    expect(Math.min(...us.slice(6))).toBe(0.75); expect(Math.max(...us.slice(6))).toBe(1);
    expect(Math.max(...vertices(m).map((p) => p[3]))).toBe(0.5);
    expect(heatMesh(new Uint8Array(w * h * 4), w, h, corners, 4).count).toBe(0);
  });

  it('ends the last block at the image edge when the size is not a multiple of the block', () => {
    const m = heatMesh(image(10, 3, [[9, 2]]), 10, 3, corners, 4);
    const v = vertices(m);
    expect(Math.max(...v.map((p) => p[2]))).toBe(1);
    expect(Math.min(...v.map((p) => p[2]))).toBe(Math.fround(8 / 10));
    expect(Math.max(...v.map((p) => p[3]))).toBe(1);
  });

  it('keeps vertex offsets small (32-bit exact) however far the image is from the origin of the world', () => {
    const far: Corners = [[179.0, 60.0], [179.01, 60.0], [179.01, 59.99], [179.0, 59.99]];
    const m = heatMesh(image(2, 2, [[0, 0], [1, 1]]), 2, 2, far, 1);
    for (const v of m.vertices) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    const se = vertices(m).find((p) => p[2] === 1 && p[3] === 1)!;
    expect(Math.abs(se[0] - mx(179.01))).toBeLessThan(1e-12);
  });
});

describe('heat layer matrix', () => {
  it('places offsets from the origin where the map matrix places the absolute position', () => {
    // A made-up column-major matrix with a large translation (as at a deep zoom).
    const M = [2e5, 0, 0, 0, 0, -2e5, 0, 0, 0, 0, 1, 0, -1.6e5 + 0.3, 0.7e5 - 0.2, 0, 1];
    const origin: [number, number] = [0.8, 0.35];
    const out = matrixAt(M, origin);
    const apply = (m: ArrayLike<number>, x: number, y: number) => [0, 1, 3].map((r) => m[r] * x + m[4 + r] * y + m[12 + r]);
    const dx = 1e-6; const dy = -2e-6;
    const abs = apply(M, origin[0] + dx, origin[1] + dy);
    const rel = apply(out, dx, dy);
    for (let i = 0; i < 3; i++) expect(rel[i]).toBeCloseTo(abs[i], 3);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out.slice(0, 12))).toEqual(M.slice(0, 12).map((v) => Math.fround(v)));
  });
});
