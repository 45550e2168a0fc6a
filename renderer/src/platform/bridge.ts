import type { MinshengBridge } from '../../../shared/api/bridge';

export type { MinshengBridge };

declare global {
  interface Window { minsheng?: MinshengBridge }
}

/** The Electron preload bridge, or null in browser mode. */
export function getBridge(): MinshengBridge | null {
  return typeof window !== 'undefined' && window.minsheng ? window.minsheng : null;
}
