/** Pure helpers for the SVG choropleth: projection of lon/lat rings to an SVG box, class colours, scan cluster classes. */
import type { ScanResultOut } from '../../../../shared/api/areas/alerts';
import { fmtP } from './format';

export type Ring = [number, number][];
export interface AreaShape { key: string; rings: Ring[] }

/** Colours by hot-spot class (Gi*: hot/cold; LISA: HH/LL/HL/LH); anything else is "not significant". */
export const CLASS_COLOR: Record<string, string> = {
  hot: '#d7301f', cold: '#2171b5', HH: '#d7301f', LL: '#2171b5', HL: '#fc9272', LH: '#9ecae1', ns: '#f0f0f0',
};
/** Emerging hot-spot labels: reds for the hot patterns still active, greys for the faded and none. */
export const EMERGING_COLOR: Record<string, string> = {
  new: '#e6550d', consecutive: '#fd8d3c', intensifying: '#a50f15', persistent: '#de2d26', diminishing: '#fc9272',
  sporadic: '#fdbe85', historical: '#bdbdbd', none: '#f0f0f0', ns: '#f0f0f0',
};
/** Scan clusters: significant ones red (the most likely darkest), others pale. */
export const SCAN_COLOR: Record<string, string> = { primary: '#b30000', secondary: '#fc8d59', nsig: '#fdd49e', ns: '#f0f0f0' };

const PALE = new Set(['ns', 'none', 'nsig', 'historical', 'sporadic']);
export const classColor = (cls: string | undefined, palette: Record<string, string> = CLASS_COLOR): string => palette[cls ?? 'ns'] ?? palette.ns ?? CLASS_COLOR.ns;
/** Tag style for a class: its colour as a solid background, dark text on the pale classes. */
export const classTagStyle = (cls: string | undefined, palette: Record<string, string> = CLASS_COLOR) => ({
  background: classColor(cls, palette), borderColor: classColor(cls, palette), color: PALE.has(cls ?? 'ns') ? '#595959' : '#fff',
});

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

/** Map classes of the clusters' areas: the most likely significant cluster, other significant ones, the rest. */
export function scanMapAreas(r: ScanResultOut | null, alertP: number): { path: string[]; cls: string; note: string }[] {
  const out = new Map<string, { path: string[]; cls: string; note: string }>();
  (r?.clusters ?? []).forEach((c, i) => {
    const cls = c.pValue > alertP ? 'nsig' : i === 0 ? 'primary' : 'secondary';
    for (const a of c.areas) if (!out.has(a)) out.set(a, { path: a.split('/'), cls, note: `#${i + 1} p ${fmtP(c.pValue)}` });
  });
  return [...out.values()];
}
