/**
 * The "add to report" basket (报告素材), persisted in the project through report.addItem / report.items.
 * One client module for every screen: charts, the map and the tag cloud add here; the report builder lists it.
 */
import { create } from 'zustand';
import type { ECharts } from 'echarts';
import type { AddReportItem, ReportItemSummary } from '../../../../shared/domain/report/spec';
import type { Filter } from '../../../../shared/model/filter';
import { chartToPng, chartToSvg } from '../../components/chart/EChart';
import { api } from '../../platform/select';
import { basketTable } from './basket-table';

export interface Snapshot { png: string; svg?: string }
export type SnapshotSource = () => Snapshot | null | Promise<Snapshot | null>;

interface BasketState {
  items: ReportItemSummary[] | null;
  error: unknown;
  loading: boolean;
  load(): Promise<void>;
  remove(id: string): Promise<void>;
}

export const useBasket = create<BasketState>()((set, get) => ({
  items: null,
  error: null,
  loading: false,
  load: async () => {
    set({ loading: true });
    try {
      set({ items: await api.call('report.items', {}), error: null, loading: false });
    } catch (error) {
      set({ error, loading: false });
    }
  },
  remove: async (id) => {
    await api.call('report.removeItem', { id });
    set({ items: (get().items ?? []).filter((i) => i.id !== id) });
  },
}));

/** Saves one snapshot with the filter it was drawn under; the basket list is refreshed. */
export async function addToBasket(item: Omit<AddReportItem, 'filter' | 'table'> & { filter: Filter; table?: AddReportItem['table'] }): Promise<string> {
  const title = item.title.trim().slice(0, 200) || item.source;
  const { id } = await api.call('report.addItem', { ...item, title, table: basketTable(item.table) });
  void useBasket.getState().load();
  return id;
}

/** An ECharts instance as PNG + SVG (vector for the report where the engine can use it). */
export function chartSnapshot(chart: ECharts | null): Snapshot | null {
  if (!chart) return null;
  let svg: string | undefined;
  try { svg = chartToSvg(chart); } catch { svg = undefined; }
  return { png: chartToPng(chart), svg };
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });
}

/** An inline <svg> element (e.g. the tag cloud) drawn into a PNG at 2× on white; the SVG text travels too. */
export async function svgElementSnapshot(svg: SVGSVGElement | null | undefined): Promise<Snapshot | null> {
  if (!svg) return null;
  const w = svg.width.baseVal.value || svg.clientWidth;
  const h = svg.height.baseVal.value || svg.clientHeight;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.querySelectorAll('title').forEach((n) => n.remove());
  clone.setAttribute('font-family', '"Noto Sans SC", "Noto Sans CJK SC", sans-serif');
  const text = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * 2; canvas.height = h * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return { png: canvas.toDataURL('image/png'), svg: text };
}

const thumbs = new Map<string, Promise<string>>();

/** A PNG data URL scaled down to `width` px (for basket thumbnails). */
async function downscale(png: string, width: number): Promise<string> {
  const img = new Image();
  img.src = png;
  await img.decode();
  const w = Math.min(width, img.naturalWidth);
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = Math.max(1, Math.round((img.naturalHeight * w) / img.naturalWidth));
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** The item's thumbnail: the engine's when it sent one, else made here once from the full PNG. */
export function thumbnailOf(item: ReportItemSummary): Promise<string> {
  if (item.thumbnail) return Promise.resolve(item.thumbnail);
  let p = thumbs.get(item.id);
  if (!p) {
    p = api.call('report.item', { id: item.id }).then((full) => downscale(full.png, 320));
    p.catch(() => thumbs.delete(item.id));
    thumbs.set(item.id, p);
  }
  return p;
}
