import { useSyncExternalStore } from 'react';

/** The screens of the closed loop, in navigation order. */
export const SCREENS = ['import', 'map', 'trends', 'text', 'alerts', 'evaluation', 'reports', 'audit', 'settings', 'help'] as const;
export type ScreenName = (typeof SCREENS)[number];
export const DEFAULT_SCREEN: ScreenName = 'trends';

export function isScreen(x: string): x is ScreenName {
  return (SCREENS as readonly string[]).includes(x);
}

/** `#/map`, `#map`, `#/map?x=1` → 'map'; anything else → the default screen. */
export function parseHash(hash: string): ScreenName {
  const name = hash.replace(/^#\/?/, '').split(/[/?&]/)[0] ?? '';
  return isScreen(name) ? name : DEFAULT_SCREEN;
}

export function hashOf(screen: ScreenName): string {
  return `#/${screen}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current screen from `location.hash` (tiny hash router, no package). */
export function useScreen(): ScreenName {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash), () => DEFAULT_SCREEN);
}

export function navigate(screen: ScreenName): void {
  const next = hashOf(screen);
  if (window.location.hash !== next) window.location.hash = next;
}
