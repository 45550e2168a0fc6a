import { useEffect } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import { areaRing, hideArea, showArea, unshiftFor, type Area } from './draw';
import { INFO_DRAWER_WIDTH } from './InfoDrawer';
import { revealArea, visibleBeside } from './reveal';

const MARGIN = 24;

/**
 * While the statistics drawer describes an area (drawn, or a clicked bin or point), the area stays
 * outlined on the map and is moved out from under the drawer: a pan when it fits beside it, else a fit.
 */
export function useSelectionOutline(map: MlMap | null, styleGen: number, area: Area | undefined, crs: 'wgs84' | 'gcj02'): void {
  useEffect(() => {
    if (!map || !styleGen) return;
    if (!area) { hideArea(map, 'selection-area'); return; }
    // as the filter area is outlined: from WGS-84 into the basemap's system
    const ring = crs === 'wgs84' ? areaRing(area) : areaRing(area).map((p) => unshiftFor('wgs84')(p));
    showArea(map, 'selection-area', ring, '#1677ff');
    const px = ring.map((p) => map.project(p));
    const box = { minX: Math.min(...px.map((p) => p.x)), minY: Math.min(...px.map((p) => p.y)), maxX: Math.max(...px.map((p) => p.x)), maxY: Math.max(...px.map((p) => p.y)) };
    const rect = map.getContainer().getBoundingClientRect();
    const visible = visibleBeside(rect, window.innerWidth, INFO_DRAWER_WIDTH);
    const move = revealArea(box, visible, MARGIN);
    if (move.kind === 'pan') map.panBy([move.dx, move.dy], { duration: 300 });
    else if (move.kind === 'fit') {
      const lons = ring.map((p) => p[0]); const lats = ring.map((p) => p[1]);
      map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], {
        padding: { left: MARGIN, top: MARGIN, bottom: MARGIN, right: MARGIN + rect.width - visible.maxX }, duration: 300,
      });
    }
  }, [map, styleGen, area, crs]);
}
