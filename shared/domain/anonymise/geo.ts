/**
 * Location coarsening: snap a point to the centre of a square grid cell of a given size in metres, or
 * move it by donut geomasking (a random direction and a distance between a minimum and a maximum, the
 * radius drawn so that points are uniform over the ring's area). Randomness is injected.
 */
import { M_PER_DEG, mPerDegLon } from '../geo/measure';

export type LonLat = [number, number];

/**
 * The grid cell holding a point, as [row, column]. Rows of cells are `sizeM` tall; within a row the
 * cells are `sizeM` wide at the row's middle latitude, so every cell is close to square on the ground.
 */
export function gridIndex(lon: number, lat: number, sizeM: number): [number, number] {
  const dLat = sizeM / M_PER_DEG;
  const row = Math.floor(lat / dLat);
  return [row, Math.floor(lon / gridLonStep(row, sizeM))];
}

/** Degrees of longitude per cell in a row of the grid. */
export function gridLonStep(row: number, sizeM: number): number {
  return sizeM / mPerDegLon((row + 0.5) * (sizeM / M_PER_DEG));
}

/** The centre of grid cell [row, column]. */
export function gridCentre(row: number, col: number, sizeM: number): LonLat {
  return [round7((col + 0.5) * gridLonStep(row, sizeM)), round7((row + 0.5) * (sizeM / M_PER_DEG))];
}

/** The centre of the grid cell holding the point. */
export function gridCell(lon: number, lat: number, sizeM: number): LonLat {
  const [row, col] = gridIndex(lon, lat, sizeM);
  return gridCentre(row, col, sizeM);
}

/** Donut geomasking: the point displaced by at least `minM` and at most `maxM` metres. */
export function donutMask(lon: number, lat: number, minM: number, maxM: number, rng: () => number): LonLat {
  const r = Math.sqrt(rng() * (maxM * maxM - minM * minM) + minM * minM);
  const theta = rng() * 2 * Math.PI;
  const dy = (r * Math.sin(theta)) / M_PER_DEG;
  const dx = (r * Math.cos(theta)) / mPerDegLon(lat);
  return [round7(lon + dx), round7(lat + dy)];
}

/** 7 decimals ≈ 1 cm: no false precision in the output. */
function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
