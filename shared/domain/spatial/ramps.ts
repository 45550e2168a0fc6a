/** Colour ramps for heatmaps, density surfaces and choropleths (ColorBrewer / viridis anchors). */
export type RampName = 'YlOrRd' | 'Reds' | 'Blues' | 'Viridis' | 'Magma' | 'RdBu';

export const RAMPS: Readonly<Record<RampName, readonly string[]>> = {
  YlOrRd: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  Reds: ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'],
  Blues: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  Viridis: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
  Magma: ['#000004', '#3b0f70', '#8c2981', '#de4968', '#fe9f6d', '#fcfdbf'],
  /** Diverging, for change: blue = fewer, red = more. */
  RdBu: ['#2166ac', '#67a9cf', '#d1e5f0', '#fddbc7', '#ef8a62', '#b2182b'],
};

export const RAMP_NAMES = Object.keys(RAMPS) as RampName[];

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

const toHex = (rgb: readonly number[]): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Colour at t ∈ [0, 1] along a ramp, linearly interpolated in RGB. */
export function rampRgb(name: RampName, t: number): [number, number, number] {
  const stops = RAMPS[name];
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(stops[i]); const b = hexToRgb(stops[i + 1]);
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export function rampColor(name: RampName, t: number): string {
  return toHex(rampRgb(name, t));
}

/** `n` colours evenly spread along a ramp (one per class). */
export function rampClasses(name: RampName, n: number): string[] {
  if (n <= 1) return [rampColor(name, 1)];
  return Array.from({ length: n }, (_, i) => rampColor(name, i / (n - 1)));
}
