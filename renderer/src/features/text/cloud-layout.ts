/**
 * Tag-cloud layout without a plug-in (echarts-wordcloud is not shipped): words, biggest first, are
 * placed along an Archimedean spiral from the centre at the first position where their box overlaps
 * no placed box. Box widths are estimated from the characters (Han ≈ 1 em, Latin ≈ 0.6 em).
 */
export interface CloudWord { term: string; weight: number }
export interface PlacedWord extends CloudWord { x: number; y: number; size: number; width: number; height: number }

export function textWidth(term: string, size: number): number {
  let w = 0;
  for (const ch of term) w += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.62;
  return w * size;
}

export function layoutCloud(words: readonly CloudWord[], width: number, height: number, opts: { minSize?: number; maxSize?: number } = {}): PlacedWord[] {
  const min = opts.minSize ?? 12;
  const max = opts.maxSize ?? Math.max(20, Math.min(56, height / 5));
  const sorted = [...words].filter((w) => w.weight > 0).sort((a, b) => b.weight - a.weight);
  if (sorted.length === 0) return [];
  const top = sorted[0].weight;
  const low = sorted[sorted.length - 1].weight;
  const placed: PlacedWord[] = [];
  const overlaps = (x: number, y: number, w: number, h: number) =>
    placed.some((p) => Math.abs(p.x - x) * 2 < p.width + w + 4 && Math.abs(p.y - y) * 2 < p.height + h + 2);
  for (const word of sorted) {
    const t = top === low ? 1 : Math.sqrt((word.weight - low) / (top - low));
    const size = Math.round(min + (max - min) * t);
    const w = textWidth(word.term, size);
    const h = size * 1.1;
    for (let step = 0; step < 2000; step++) {
      const angle = step * 0.35;
      const r = 2.2 * angle;
      const x = width / 2 + r * Math.cos(angle) * (width / height);
      const y = height / 2 + r * Math.sin(angle);
      if (x - w / 2 < 0 || x + w / 2 > width || y - h / 2 < 0 || y + h / 2 > height) {
        if (r > Math.max(width, height)) break;
        continue;
      }
      if (!overlaps(x, y, w, h)) { placed.push({ ...word, x, y, size, width: w, height: h }); break; }
    }
  }
  return placed;
}
