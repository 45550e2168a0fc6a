import { useEffect, useRef } from 'react';
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import gcoord from 'gcoord';
import type { Filter } from '../../../../shared/model/filter';
import { haversineM } from '../../../../shared/domain/geo/area';
import { ensureLayer, removeLayers, upsertGeoJSON } from './render';

export type DrawMode = 'rect' | 'circle' | 'polygon';
export type Area = NonNullable<Filter['area']>;
type LL = [number, number];

/** Map (basemap system) → WGS-84: drawn shapes become filter areas in WGS-84. */
export const unshiftFor = (crs: 'wgs84' | 'gcj02') => (p: LL): LL => (crs === 'wgs84' ? p : gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as LL);

/** A polygon ring approximating an area (for drawing it), in WGS-84. */
export function areaRing(a: Area): LL[] {
  if (a.type === 'bbox') { const [w, s, e, n] = a.bbox; return [[w, s], [e, s], [e, n], [w, n], [w, s]]; }
  if (a.type === 'polygon') return [...a.ring.map((p) => [p[0], p[1]] as LL), [a.ring[0][0], a.ring[0][1]]];
  const [lon, lat] = a.center;
  const dLat = a.radiusM / 111_195;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: 65 }, (_, i) => { const th = (i / 64) * 2 * Math.PI; return [lon + dLon * Math.cos(th), lat + dLat * Math.sin(th)] as LL; });
}

export function showArea(map: MlMap, id: string, ring: LL[] | null, color: string): void {
  const features: Feature[] = ring ? [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] : [];
  upsertGeoJSON(map, id, { type: 'FeatureCollection', features });
  ensureLayer(map, { id: `${id}-fill`, type: 'fill', source: id, paint: { 'fill-color': color, 'fill-opacity': 0.08 } });
  ensureLayer(map, { id: `${id}-line`, type: 'line', source: id, paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': [2, 1] } });
  map.moveLayer(`${id}-fill`); map.moveLayer(`${id}-line`);
}

export function hideArea(map: MlMap, id: string): void {
  removeLayers(map, [`${id}-fill`, `${id}-line`]);
}

/**
 * Drawing on the map: a rectangle (drag), a circle (centre, then radius) or a polygon (clicks,
 * double-click to finish). The shape is previewed in map coordinates and reported in WGS-84.
 */
export function useDraw(map: MlMap | null, mode: DrawMode | null, crs: 'wgs84' | 'gcj02', onDone: (a: Area) => void) {
  const done = useRef(onDone);
  useEffect(() => { done.current = onDone; }, [onDone]);
  useEffect(() => {
    if (!map || !mode) return;
    const pts: LL[] = [];
    let dragStart: LL | null = null;
    const ll = (e: MapMouseEvent): LL => [e.lngLat.lng, e.lngLat.lat];
    const preview = (ring: LL[] | null) => showArea(map, 'draw', ring, '#1677ff');
    const unshift = unshiftFor(crs);
    const finish = (a: Area) => { hideArea(map, 'draw'); done.current(a); };
    map.getCanvas().style.cursor = 'crosshair';
    map.doubleClickZoom.disable();
    if (mode === 'rect') map.dragPan.disable();
    const onDown = (e: MapMouseEvent) => { if (mode === 'rect') dragStart = ll(e); };
    const onMove = (e: MapMouseEvent) => {
      const p = ll(e);
      if (mode === 'rect' && dragStart) preview([dragStart, [p[0], dragStart[1]], p, [dragStart[0], p[1]], dragStart]);
      if (mode === 'circle' && pts.length === 1) preview(areaRing({ type: 'circle', center: pts[0], radiusM: Math.max(1, haversineM(pts[0][0], pts[0][1], p[0], p[1])) }));
      if (mode === 'polygon' && pts.length) preview([...pts, p, pts[0]]);
    };
    const onUp = (e: MapMouseEvent) => {
      if (mode !== 'rect' || !dragStart) return;
      const a = unshift(dragStart); const b = unshift(ll(e));
      dragStart = null;
      if (a[0] === b[0] || a[1] === b[1]) return;
      finish({ type: 'bbox', bbox: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])] });
    };
    const onClick = (e: MapMouseEvent) => {
      if (mode === 'circle') {
        pts.push(ll(e));
        if (pts.length === 2) {
          const c = unshift(pts[0]); const r = unshift(pts[1]);
          finish({ type: 'circle', center: c, radiusM: Math.max(1, haversineM(c[0], c[1], r[0], r[1])) });
        }
      } else if (mode === 'polygon') pts.push(ll(e));
    };
    const onDbl = () => {
      if (mode !== 'polygon') return;
      const ring = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]).map(unshift);
      if (ring.length >= 3) finish({ type: 'polygon', ring });
    };
    map.on('mousedown', onDown); map.on('mousemove', onMove); map.on('mouseup', onUp); map.on('click', onClick); map.on('dblclick', onDbl);
    return () => {
      map.off('mousedown', onDown); map.off('mousemove', onMove); map.off('mouseup', onUp); map.off('click', onClick); map.off('dblclick', onDbl);
      map.getCanvas().style.cursor = '';
      map.dragPan.enable();
      setTimeout(() => map.doubleClickZoom.enable(), 0);
      if (map.getStyle()) hideArea(map, 'draw');
    };
  }, [map, mode, crs]);
}
