/**
 * A static map as SVG, pure: area polygons of a level filled by count classes (choropleth), hot-spot
 * classes (Gi*), or outlined under heat cells; district outlines on top; Chinese labels; legend, scale
 * bar and north arrow. Projection: equirectangular at the map's central latitude (x = lon·cos φ0, y = lat).
 */
import type { MapData, Ring2 } from './data';
import { SEQUENTIAL } from './theme';
import { escapeXml as esc, fmtInt, type ReportStrings } from './strings';

const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();

export const HOTSPOT_COLORS: Record<string, string> = { hot: '#c23b3b', cold: '#2c6fb2', ns: '#eeeeee' };
const KM_PER_DEG = 111.32;

interface Frame { x0: number; y1: number; k: number; cos: number; ox: number; oy: number }

function boundsOf(areas: readonly Ring2[], cells: MapData['cells']): [number, number, number, number] | null {
  let a = Infinity; let b = Infinity; let c = -Infinity; let d = -Infinity;
  const add = (x: number, y: number) => { if (x < a) a = x; if (x > c) c = x; if (y < b) b = y; if (y > d) d = y; };
  for (const f of areas) for (const ring of f.rings) for (const [x, y] of ring) add(x, y);
  if (!areas.length) for (const p of cells) add(p.lon, p.lat);
  return Number.isFinite(a) ? [a, b, c, d] : null;
}

function frameFor(bb: [number, number, number, number], w: number, h: number, pad: number): Frame {
  const cos = Math.cos(((bb[1] + bb[3]) / 2) * Math.PI / 180);
  const gw = Math.max((bb[2] - bb[0]) * cos, 1e-9);
  const gh = Math.max(bb[3] - bb[1], 1e-9);
  const k = Math.min((w - 2 * pad) / gw, (h - 2 * pad) / gh);
  return { x0: bb[0], y1: bb[3], k, cos, ox: pad + ((w - 2 * pad) - gw * k) / 2, oy: pad + ((h - 2 * pad) - gh * k) / 2 };
}
const px = (f: Frame, lon: number): number => f.ox + (lon - f.x0) * f.cos * f.k;
const py = (f: Frame, lat: number): number => f.oy + (f.y1 - lat) * f.k;

function pathOf(f: Frame, rings: readonly [number, number][][]): string {
  return rings.map((ring) => `M${ring.map(([x, y]) => `${r1(px(f, x))},${r1(py(f, y))}`).join('L')}Z`).join('');
}

/** Area-weighted centroid of the largest ring (label point). */
export function labelPoint(rings: readonly [number, number][][]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestA = 0;
  for (const ring of rings) {
    let a = 0; let cx = 0; let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cr = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cr; cx += (ring[j][0] + ring[i][0]) * cr; cy += (ring[j][1] + ring[i][1]) * cr;
    }
    if (Math.abs(a) > bestA) { bestA = Math.abs(a); best = [cx / (3 * a), cy / (3 * a)]; }
  }
  return best;
}

/** Class breaks by quantiles of the positive values (at most `k` classes, ascending upper bounds). */
export function quantileBreaks(values: readonly number[], k: number): number[] {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  if (!v.length) return [];
  const out: number[] = [];
  for (let i = 1; i <= k; i++) {
    const b = v[Math.min(v.length - 1, Math.ceil((i / k) * v.length) - 1)];
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  return out;
}
export const classOf = (v: number, breaks: readonly number[]): number => {
  if (v <= 0) return -1;
  const i = breaks.findIndex((b) => v <= b);
  return i < 0 ? breaks.length - 1 : i;
};
const classColor = (i: number, n: number): string => (i < 0 ? '#f7f7f7' : SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, 1 + Math.round((i * (SEQUENTIAL.length - 2)) / Math.max(1, n - 1)))]);

/** A "nice" scale-bar length in km, about a fifth of the map width. */
export function niceKm(widthKm: number): number {
  const target = widthKm / 5;
  const p = 10 ** Math.floor(Math.log10(Math.max(target, 1e-6)));
  return [1, 2, 5, 10].map((m) => m * p).filter((x) => x <= target).pop() ?? p;
}

export interface MapSvgOptions { width: number; height: number; title?: string }

export function renderMapSvg(d: MapData, t: ReportStrings, o: MapSvgOptions): string {
  const { width: w, height: h } = o;
  const legendW = 150;
  const mapW = w - legendW;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Noto Sans SC, Noto Sans CJK SC, sans-serif">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`];
  const bb = boundsOf(d.areas.length ? d.areas : d.districts, d.cells);
  if (!bb) {
    out.push(`<text x="${w / 2}" y="${h / 2}" text-anchor="middle" font-size="14" fill="#888">${esc(d.areas.length ? t.noData : t.noLayer)}</text></svg>`);
    return out.join('');
  }
  const f = frameFor(bb, mapW, h, 14);
  const legend: { color: string; label: string }[] = [];
  if (d.mode === 'heat') {
    for (const a of d.areas) out.push(`<path d="${pathOf(f, a.rings)}" fill="#f4f4f2" stroke="#bbb" stroke-width="0.4"/>`);
    const breaks = quantileBreaks(d.cells.map((c) => c.count), 5);
    const half = d.cellDeg / 2;
    for (const c of d.cells) {
      const i = classOf(c.count, breaks);
      const x = px(f, c.lon - half); const y = py(f, c.lat + half);
      out.push(`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(px(f, c.lon + half) - x + 0.3)}" height="${r1(py(f, c.lat - half) - y + 0.3)}" fill="${heatColor(i, breaks.length)}" fill-opacity="0.85"/>`);
    }
    breaks.forEach((b, i) => legend.push({ color: heatColor(i, breaks.length), label: `≤ ${fmtInt(b)}` }));
  } else if (d.mode === 'choropleth') {
    const breaks = quantileBreaks(d.counts, 5);
    d.areas.forEach((a, k) => out.push(`<path d="${pathOf(f, a.rings)}" fill="${classColor(classOf(d.counts[k], breaks), breaks.length)}" stroke="#fff" stroke-width="0.6"/>`));
    breaks.forEach((b, i) => legend.push({ color: classColor(i, breaks.length), label: `${i === 0 ? 1 : fmtInt(breaks[i - 1] + 1)} – ${fmtInt(b)}` }));
    legend.push({ color: '#f7f7f7', label: '0' });
  } else {
    const cls = d.classes ?? [];
    d.areas.forEach((a, k) => out.push(`<path d="${pathOf(f, a.rings)}" fill="${HOTSPOT_COLORS[cls[k] ?? 'ns'] ?? HOTSPOT_COLORS.ns}" stroke="#fff" stroke-width="0.6"/>`));
    legend.push({ color: HOTSPOT_COLORS.hot, label: `${t.hot} (${cls.filter((c) => c === 'hot').length})` },
      { color: HOTSPOT_COLORS.cold, label: `${t.cold} (${cls.filter((c) => c === 'cold').length})` }, { color: HOTSPOT_COLORS.ns, label: t.ns });
  }
  for (const a of d.districts) out.push(`<path d="${pathOf(f, a.rings)}" fill="none" stroke="#555" stroke-width="1.1"/>`);
  const labelled = d.districts.length ? d.districts : d.areas.length <= 30 ? d.areas : [];
  for (const a of labelled) {
    const p = labelPoint(a.rings);
    if (p) out.push(`<text x="${r1(px(f, p[0]))}" y="${r1(py(f, p[1]))}" text-anchor="middle" dominant-baseline="middle" font-size="11" fill="#222" stroke="#fff" stroke-width="2.5" paint-order="stroke">${esc(a.name)}</text>`);
  }
  out.push(...legendSvg(mapW + 8, 16, legend, d, t), ...scaleBar(f, bb, mapW, h), ...northArrow(mapW - 26, 18, t));
  out.push('</svg>');
  return out.join('');
}

function heatColor(i: number, n: number): string {
  const ramp = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
  return i < 0 ? 'none' : ramp[Math.min(ramp.length - 1, Math.round((i * (ramp.length - 1)) / Math.max(1, n - 1)))];
}

function legendSvg(x: number, y: number, items: readonly { color: string; label: string }[], d: MapData, t: ReportStrings): string[] {
  const mode = d.mode === 'heat' ? t.heat : d.mode === 'choropleth' ? t.choropleth : t.hotspots;
  const out = [`<text x="${x}" y="${y}" font-size="12" font-weight="600" fill="#222">${esc(t.legend)}</text>`,
    `<text x="${x}" y="${y + 16}" font-size="10" fill="#666">${esc(mode)} · ${esc(t.count)}</text>`];
  items.forEach((it, i) => {
    const yy = y + 28 + i * 18;
    out.push(`<rect x="${x}" y="${yy}" width="16" height="12" fill="${it.color}" stroke="#999" stroke-width="0.5"/>`,
      `<text x="${x + 22}" y="${yy + 10}" font-size="10" fill="#333">${esc(it.label)}</text>`);
  });
  const yy = y + 40 + items.length * 18;
  out.push(`<text x="${x}" y="${yy}" font-size="10" fill="#666">${esc(t.located)} ${fmtInt(d.located)} / ${fmtInt(d.total)}</text>`);
  return out;
}

function scaleBar(f: Frame, bb: [number, number, number, number], mapW: number, h: number): string[] {
  const widthKm = (bb[2] - bb[0]) * f.cos * KM_PER_DEG;
  const km = niceKm(widthKm);
  const len = (km / KM_PER_DEG) * f.k;
  const x = mapW - 20 - len; const y = h - 18;
  return [`<rect x="${r1(x)}" y="${y}" width="${r1(len / 2)}" height="5" fill="#333"/>`, `<rect x="${r1(x + len / 2)}" y="${y}" width="${r1(len / 2)}" height="5" fill="#fff" stroke="#333" stroke-width="0.8"/>`,
    `<text x="${r1(x)}" y="${y - 4}" font-size="10" fill="#333">0</text>`, `<text x="${r1(x + len)}" y="${y - 4}" font-size="10" text-anchor="end" fill="#333">${km} km</text>`];
}

function northArrow(x: number, y: number, t: ReportStrings): string[] {
  return [`<path d="M${x},${y + 4} l7,20 l-7,-5 l-7,5 z" fill="#333"/>`, `<text x="${x}" y="${y}" font-size="11" text-anchor="middle" fill="#333">${esc(t.north)}</text>`];
}
