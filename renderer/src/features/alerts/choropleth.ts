/** Pure helpers for the SVG choropleth: projection of lon/lat rings to an SVG box, class colours. */

export type Ring = [number, number][];
export interface AreaShape { key: string; rings: Ring[] }

/** Colours by hot-spot class (Gi*: hot/cold; LISA: HH/LL/HL/LH); anything else is "not significant". */
export const CLASS_COLOR: Record<string, string> = {
  hot: '#d7301f', cold: '#2171b5', HH: '#d7301f', LL: '#2171b5', HL: '#fc9272', LH: '#9ecae1', ns: '#f0f0f0',
};
/** Tag style for a class: its colour as a solid background, dark text on the pale "not significant". */
export const classTagStyle = (cls: string | undefined) => ({ background: classColor(cls), borderColor: classColor(cls), color: (cls ?? 'ns') === 'ns' ? '#595959' : '#fff' });
export const classColor = (cls: string | undefined): string => CLASS_COLOR[cls ?? 'ns'] ?? CLASS_COLOR.ns;

/**
 * Projects the shapes into a width × height box (equirectangular, longitude scaled by cos(mid-latitude),
 * aspect kept, north up) and returns one SVG path per shape; rings of fewer than 3 points are dropped. No points → no paths.
 */
export function projectShapes(input: AreaShape[], width: number, height: number, pad = 4): { key: string; d: string }[] {
  const shapes = input.map((s) => ({ key: s.key, rings: s.rings.filter((r) => r.length >= 3) }));
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (const s of shapes) for (const r of s.rings) for (const [x, y] of r) {
    if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return [];
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const px = (x: number) => (offX + (x - minX) * kx * scale).toFixed(1);
  const py = (y: number) => (offY + (maxY - y) * scale).toFixed(1);
  return shapes.map((s) => ({
    key: s.key,
    d: s.rings.map((r) => `M${r.map(([x, y]) => `${px(x)},${py(y)}`).join('L')}Z`).join(''),
  }));
}
