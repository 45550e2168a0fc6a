/**
 * Remembering the window's size and position — PURE, unit-tested. window.ts reads/writes
 * `<userData>/window-state.json` and asks Electron for the displays' work areas.
 */
export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Rect; maximized: boolean; fullScreen: boolean }
export interface WindowSize { width: number; height: number; minWidth: number; minHeight: number }

export const DEFAULT_SIZE: WindowSize = { width: 1440, height: 900, minWidth: 1024, minHeight: 640 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;

/** A saved state, or null when the file is missing, foreign or damaged. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const b = r.bounds as Record<string, unknown> | undefined;
  if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height) || b.width <= 0 || b.height <= 0) return null;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) },
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
  };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds when a display still shows enough of them (a monitor may
 * have been unplugged), shrunk to fit that display; otherwise the default size, centred by Electron.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[], size: WindowSize = DEFAULT_SIZE):
  { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean; fullScreen: boolean } {
  const fallback = { bounds: { width: size.width, height: size.height }, maximized: saved?.maximized ?? false, fullScreen: false };
  if (!saved || workAreas.length === 0) {
    const wa = workAreas[0];
    return wa ? { ...fallback, bounds: { width: Math.min(size.width, wa.width), height: Math.min(size.height, wa.height) } } : fallback;
  }
  const best = [...workAreas].sort((a, b) => overlap(saved.bounds, b) - overlap(saved.bounds, a))[0];
  const visible = overlap(saved.bounds, best);
  // at least a 100×60 corner (the title bar) must be on screen to grab the window
  if (visible < Math.min(100 * 60, saved.bounds.width * saved.bounds.height)) return { ...fallback, maximized: saved.maximized };
  const width = Math.max(size.minWidth, Math.min(saved.bounds.width, best.width));
  const height = Math.max(size.minHeight, Math.min(saved.bounds.height, best.height));
  const x = Math.min(Math.max(saved.bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.bounds.y, best.y), best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}
