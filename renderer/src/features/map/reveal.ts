/**
 * Keeping a selected area in sight: the statistics drawer covers the right side of the map, so an area
 * drawn or clicked there would be hidden behind the numbers that describe it. Given the area's box and
 * the part of the map left visible (both in map-container pixels), says how to move the map: not at all,
 * a pan by (dx, dy) that brings the whole box inside the margin, or a fit (the box is larger than the
 * visible part, so only zooming out shows it whole).
 */
export interface PxBox { minX: number; minY: number; maxX: number; maxY: number }

export type Reveal = { kind: 'none' } | { kind: 'pan'; dx: number; dy: number } | { kind: 'fit' };

/** Offset along one axis that moves [lo, hi] into [from, to] (0 when already inside), or null when it cannot fit. */
function shift(lo: number, hi: number, from: number, to: number): number | null {
  if (hi - lo > to - from) return null;
  if (lo < from) return lo - from;
  if (hi > to) return hi - to;
  return 0;
}

/** `panBy` semantics: a positive dx moves the view right, i.e. the content left. */
export function revealArea(area: PxBox, visible: PxBox, margin = 24): Reveal {
  const from = { x: visible.minX + margin, y: visible.minY + margin };
  const to = { x: visible.maxX - margin, y: visible.maxY - margin };
  if (to.x <= from.x || to.y <= from.y) return { kind: 'none' };
  const dx = shift(area.minX, area.maxX, from.x, to.x);
  const dy = shift(area.minY, area.maxY, from.y, to.y);
  if (dx === null || dy === null) return { kind: 'fit' };
  return dx === 0 && dy === 0 ? { kind: 'none' } : { kind: 'pan', dx, dy };
}

/** The part of a map container (its client rect) not covered by a drawer of `drawerWidth` px on the window's right edge, in container pixels. */
export function visibleBeside(container: { left: number; top: number; width: number; height: number }, windowWidth: number, drawerWidth: number): PxBox {
  const right = Math.min(container.width, windowWidth - drawerWidth - container.left);
  return { minX: 0, minY: 0, maxX: Math.max(0, right), maxY: container.height };
}
