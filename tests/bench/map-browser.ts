/**
 * Browser half of bench:map: the real renderer in Chromium (playwright-core) against browser mode,
 * with page-side measurements (performance.now in the page, MapLibre events) so Playwright's own
 * round trips do not count.
 */
import fs from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

type W = Window & { __minshengMap?: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean; getLayer(id: string): { implementation?: { drawn?: number } } | undefined } };

/** Waits until the map exists, has drawn a heatmap (the heat layer's `drawn` count), and nothing is loading or moving. */
export async function waitHeatmapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as W).__minshengMap;
    return Boolean(m && (m.getLayer('d-heatmap')?.implementation?.drawn ?? 0) > 0 && m.loaded() && m.areTilesLoaded() && !m.isMoving()
      && document.querySelector('[data-testid="map-canvas"]')?.getAttribute('data-idle') === '1');
  }, null, { timeout, polling: 50 });
}

// Page-side scripts are plain JavaScript text: tsx would wrap named functions in helpers the page lacks.
const ARM = `(() => {
  window.__benchDone = new Promise((resolve) => {
    let t0 = 0; let before = 0;
    const m = window.__minshengMap;
    const drawn = () => m.getLayer('d-heatmap')?.implementation?.drawn ?? 0;
    const onDown = () => { t0 = performance.now(); before = drawn(); };
    const onIdle = () => {
      if (!t0 || drawn() <= before) return;
      const ms = performance.now() - t0;
      m.off('idle', onIdle); document.removeEventListener('pointerdown', onDown, true);
      resolve(ms);
    };
    document.addEventListener('pointerdown', onDown, true);
    m.on('idle', onIdle);
  });
})()`;

/**
 * Arms a page-side stopwatch: starts at the next pointerdown anywhere (the user's click), stops at
 * the first map \`idle\` after the heat layer has drawn a new image. Read it with readStopwatch.
 */
export async function armFilterStopwatch(page: Page): Promise<void> {
  await page.evaluate(ARM);
}

export async function readStopwatch(page: Page, timeout = 30_000): Promise<number> {
  return page.evaluate(`Promise.race([window.__benchDone, new Promise((r) => setTimeout(() => r(NaN), ${timeout}))])`);
}

const ANIMATE = (total: number) => `(async () => {
  const m = window.__minshengMap;
  const c = m.getCenter(); const z = m.getZoom();
  let renders = 0; let rafs = 0; let live = true;
  const onRender = () => { renders++; };
  m.on('render', onRender);
  const tick = () => { if (!live) return; rafs++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const moves = [{ center: [c.lng + 0.04, c.lat + 0.02], zoom: z + 1.2 }, { center: [c.lng - 0.03, c.lat - 0.02], zoom: z + 0.6 }, { center: [c.lng, c.lat], zoom: z }];
  for (const mv of moves) {
    await new Promise((r) => { m.once('moveend', () => r()); m.easeTo({ ...mv, duration: ${total} / moves.length, essential: true }); });
  }
  const secs = (performance.now() - t0) / 1000;
  live = false; m.off('render', onRender);
  return { renderFps: renders / secs, rafFps: rafs / secs, frames: renders };
})()`;

/**
 * A scripted pan/zoom (three eased moves, \`ms\` in all) with the number of frames MapLibre drew and
 * of animation frames the page got; frames per second of each.
 */
export async function animate(page: Page, ms: number): Promise<{ renderFps: number; rafFps: number; frames: number }> {
  return page.evaluate(ANIMATE(ms)) as Promise<{ renderFps: number; rafFps: number; frames: number }>;
}

function rssMiB(pid: number): number {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(s);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}

/** CPU time (ms, user + system) the browser's GPU process and renderer processes have used so far: work per frame, whatever else the machine runs. */
export async function cpuMs(browser: Browser): Promise<{ gpu: number; renderer: number }> {
  const cdp = await browser.newBrowserCDPSession();
  const info = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const ticks = (type: string) => info.processInfo.filter((p) => p.type === type).reduce((a, p) => {
    try {
      const f = fs.readFileSync(`/proc/${p.id}/stat`, 'utf8').split(') ')[1].split(' ');
      return a + Number(f[11]) + Number(f[12]);
    } catch { return a; }
  }, 0);
  // Linux clock ticks are 10 ms.
  return { gpu: ticks('GPU') * 10, renderer: ticks('renderer') * 10 };
}

export interface Memory { rendererMiB: number; gpuMiB: number; jsHeapMiB: number }

/** The tab's renderer process RSS (largest renderer: the app's), the GPU process RSS (software GL) and the page's JS heap. */
export async function memory(browser: Browser, pageCdp: CDPSession): Promise<Memory> {
  const cdp = await browser.newBrowserCDPSession();
  const info = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const rss = (type: string) => Math.max(0, ...info.processInfo.filter((p) => p.type === type).map((p) => rssMiB(p.id)).filter(Number.isFinite));
  await pageCdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const metrics = await pageCdp.send('Performance.getMetrics') as { metrics: { name: string; value: number }[] };
  const heap = metrics.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
  return { rendererMiB: rss('renderer'), gpuMiB: rss('GPU'), jsHeapMiB: heap / 2 ** 20 };
}
