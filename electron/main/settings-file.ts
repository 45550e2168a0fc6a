/**
 * What the main process reads from the engine's `<userData>/settings.json` (the engine owns the file):
 * the UI language for menus and dialogs and the recent projects for File → Open Recent — PURE.
 */
import type { RecentEntry } from './menu-template';

export interface MainSettings { locale: unknown; recent: RecentEntry[] }

export function parseMainSettings(text: string | null): MainSettings {
  if (!text) return { locale: undefined, recent: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { locale: undefined, recent: [] };
  }
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const recent = Array.isArray(r.recent)
    ? r.recent
      .filter((x): x is { path: string; name?: unknown } => typeof x?.path === 'string' && x.path.length > 0)
      .map((x) => ({ path: x.path, name: typeof x.name === 'string' ? x.name : '' }))
    : [];
  return { locale: r.locale, recent };
}
