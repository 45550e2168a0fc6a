/**
 * Coordinates: conversion to WGS-84 (gcoord), per-row checks (missing, unparsable, out of range, swapped
 * lat/lon) and detection of placeholder points (the city-hall coordinate a system puts on every record
 * it cannot locate).
 */
import gcoord from 'gcoord';
import { bd09ToWgs84, converted, gcj02ToWgs84 } from './gcj';
import { isBlank } from './text';
import type { Cell, Crs, LocationStatus, QualityFlag } from './types';
import { parseNumber } from './values';

/** Convert a point from `crs` to WGS-84 ([lon, lat]). GCJ-02/BD-09 points outside China are returned unchanged (as gcoord does). */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const p = gcoord.transform([lon, lat] as [number, number], crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
  return [p[0], p[1]];
}

/** Rough bounding box of China (the area where GCJ-02/BD-09 offsets apply). */
function inChina(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

export interface CoordCheck {
  lon: number | null;
  lat: number | null;
  status: LocationStatus;
  flags: QualityFlag[];
}

/**
 * Read a lon/lat pair. Both empty → 'none' + missing_coords (one empty too). Unparsable, (0, 0) or out of
 * range → 'invalid' + coords_out_of_range. |lat| > 90 with |lon| ≤ 90, or (for GCJ-02/BD-09) a pair that
 * only falls in China when swapped → swapped back + coords_swapped. Valid points are returned in WGS-84
 * (converted with the allocation-free port in gcj.ts, which equals toWgs84/gcoord).
 */
export function checkCoords(lonCell: Cell, latCell: Cell, crs: Crs): CoordCheck {
  const noLon = isBlank(lonCell);
  const noLat = isBlank(latCell);
  if (noLon || noLat) return { lon: null, lat: null, status: 'none', flags: ['missing_coords'] };
  let lon = parseNumber(lonCell);
  let lat = parseNumber(latCell);
  if (lon === null || lat === null || (lon === 0 && lat === 0)) return { lon: null, lat: null, status: 'invalid', flags: ['coords_out_of_range'] };
  let swapped = false;
  if ((Math.abs(lat) > 90 && Math.abs(lon) <= 90) || (crs !== 'wgs84' && !inChina(lon, lat) && inChina(lat, lon))) {
    const t = lon; lon = lat; lat = t;
    swapped = true;
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { lon: null, lat: null, status: 'invalid', flags: ['coords_out_of_range'] };
  if (crs === 'wgs84') return { lon, lat, status: 'coordinates', flags: swapped ? ['coords_swapped'] : [] };
  if (crs === 'gcj02') gcj02ToWgs84(lon, lat); else bd09ToWgs84(lon, lat);
  return { lon: converted.lon, lat: converted.lat, status: 'coordinates', flags: swapped ? ['coords_swapped'] : [] };
}

/** Grid key of a point rounded to 1e-5° (about 1 m). */
export function placeholderKey(lon: number, lat: number): number {
  return Math.round(lon * 1e5) * 2e7 + Math.round(lat * 1e5) + 1e7;
}

export interface PlaceholderPoint { lon: number; lat: number; key: number; count: number; share: number }

/**
 * Points (rounded to 1e-5°) that carry at least `minShare` of all points and at least `minCount` records —
 * placeholders rather than real locations. Sorted by count, largest first.
 */
export function findPlaceholderPoints(points: Iterable<readonly [number, number]>, opts: { minShare: number; minCount: number }): PlaceholderPoint[] {
  const counts = new Map<number, number>();
  let total = 0;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    total++;
    const k = placeholderKey(lon, lat);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: PlaceholderPoint[] = [];
  for (const [key, count] of counts) {
    if (count < opts.minCount || count < opts.minShare * total) continue;
    const ilat = ((key % 2e7) + 2e7) % 2e7 - 1e7;
    const ilon = Math.round((key - ilat - 1e7) / 2e7);
    out.push({ lon: ilon / 1e5, lat: ilat / 1e5, key, count, share: count / total });
  }
  return out.sort((a, b) => b.count - a.count || a.key - b.key);
}
