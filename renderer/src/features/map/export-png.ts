import type { Map as MlMap } from 'maplibre-gl';
import { EARTH_CIRCUMFERENCE_M, TILE_PX } from '../../../../shared/domain/spatial/mercator';
import type { LegendEntry } from './Legend';
import { MAP_FONT } from './setup';

export interface ExportText { title: string; subtitle: string; north: string; footer: string }

/** A round scale-bar length (1, 2 or 5 × 10^k metres) fitting `maxPx` at the map's centre. */
export function scaleBar(map: MlMap, maxPx: number): { px: number; label: string } {
  const lat = map.getCenter().lat;
  const mPerPx = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** map.getZoom());
  const maxM = mPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const m = [5, 2, 1].map((k) => k * pow).find((v) => v <= maxM) ?? pow;
  return { px: m / mPerPx, label: m >= 1000 ? `${m / 1000} km` : `${m} m` };
}

/**
 * The map as a report-ready PNG: title and filter line above, the map with a north arrow and
 * scale bar, the legend on the right, and a footer (basemap, synthetic-data note).
 */
export function exportMapPng(map: MlMap, legend: LegendEntry[], text: ExportText): Promise<Blob> {
  const src = map.getCanvas();
  const ratio = src.width / src.clientWidth;
  const w = src.clientWidth; const h = src.clientHeight;
  const legendW = 230; const head = 64; const foot = 28;
  const out = document.createElement('canvas');
  out.width = (w + legendW) * ratio; out.height = (h + head + foot) * ratio;
  const ctx = out.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, w + legendW, h + head + foot);
  const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${px}px "${MAP_FONT}", sans-serif`;
  ctx.fillStyle = '#1f1f1f'; ctx.font = font(20, true); ctx.fillText(text.title, 16, 28);
  ctx.fillStyle = '#595959'; ctx.font = font(13); ctx.fillText(text.subtitle, 16, 50);
  ctx.drawImage(src, 0, head, w, h);
  // North arrow.
  const nx = w - 34; const ny = head + 18;
  ctx.fillStyle = '#262626'; ctx.beginPath(); ctx.moveTo(nx, ny); ctx.lineTo(nx - 9, ny + 26); ctx.lineTo(nx, ny + 20); ctx.lineTo(nx + 9, ny + 26); ctx.closePath(); ctx.fill();
  ctx.font = font(13, true); ctx.textAlign = 'center'; ctx.fillText(text.north, nx, ny + 42); ctx.textAlign = 'left';
  // Scale bar.
  const sb = scaleBar(map, 160);
  const sx = 16; const sy = head + h - 22;
  ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(sx - 6, sy - 18, sb.px + 60, 28);
  ctx.strokeStyle = '#262626'; ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(sx, sy - 6); ctx.lineTo(sx, sy); ctx.lineTo(sx + sb.px, sy); ctx.lineTo(sx + sb.px, sy - 6); ctx.stroke();
  ctx.fillStyle = '#262626'; ctx.font = font(12); ctx.fillText(sb.label, sx + sb.px + 6, sy);
  // Legend.
  let y = head + 16;
  const lx = w + 14;
  for (const e of legend) {
    ctx.fillStyle = '#1f1f1f'; ctx.font = font(13, true); ctx.fillText(e.title, lx, y); y += 16;
    ctx.fillStyle = '#8c8c8c'; ctx.font = font(11); ctx.fillText(e.unit, lx, y); y += 8;
    for (const r of e.rows) {
      ctx.fillStyle = r.color; ctx.fillRect(lx, y, 16, 12);
      ctx.fillStyle = '#262626'; ctx.font = font(12); ctx.fillText(r.label.slice(0, 24), lx + 22, y + 11); y += 17;
    }
    if (e.note) { ctx.fillStyle = '#8c8c8c'; ctx.font = font(11); ctx.fillText(e.note.slice(0, 30), lx, y + 10); y += 16; }
    y += 14;
  }
  ctx.fillStyle = '#8c8c8c'; ctx.font = font(11); ctx.fillText(text.footer, 16, head + h + 19);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
