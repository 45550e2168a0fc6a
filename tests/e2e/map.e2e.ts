import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isLocalRequest, SCREENSHOT_DIR, shot, startApp, type AppUnderTest } from './harness';

/** Waits until MapLibre has drawn everything requested (the test hook on window). */
async function mapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __minshengMap?: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean } }).__minshengMap;
    return Boolean(m && m.loaded() && m.areTilesLoaded() && !m.isMoving());
  }, null, { timeout });
  await page.waitForTimeout(700);
}

/** How many distinct non-background colours the map canvas shows in a grid of samples (empty canvas → ~1). */
async function canvasColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector('[data-testid="map-canvas"] canvas') as HTMLCanvasElement;
    const tmp = document.createElement('canvas'); tmp.width = c.width; tmp.height = c.height;
    const ctx = tmp.getContext('2d')!; ctx.drawImage(c, 0, 0);
    const seen = new Set<string>();
    for (let y = 5; y < c.height; y += 23) for (let x = 5; x < c.width; x += 23) {
      const d = ctx.getImageData(x, y, 1, 1).data; seen.add(`${d[0] >> 4},${d[1] >> 4},${d[2] >> 4}`);
    }
    return seen.size;
  });
}

async function toggle(page: Page, id: string, on: boolean) {
  const box = page.locator(`[data-testid="map-layer-${id}"] input[type=checkbox]`);
  if ((await box.isChecked()) !== on) await box.click();
}

/** A tiny raster MBTiles (one coloured 256² PNG tile at zoom 0–2) written with better-sqlite3. */
function writeMbtiles(file: string): void {
  // 1×1 red PNG, enough for MapLibre to draw (it scales the tile).
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of [['name', '测试瓦片'], ['format', 'png'], ['minzoom', '0'], ['maxzoom', '2'], ['bounds', '-180,-85,180,85']]) meta.run(k, v);
  const tile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (let z = 0; z <= 2; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tile.run(z, x, y, png);
  db.close();
}

describe('map workspace (browser mode, synthetic demo)', () => {
  let app: AppUnderTest;
  beforeAll(async () => { app = await startApp({ demoRecords: 30_000 }); }, 120_000);
  afterAll(async () => { await app?.stop(); });

  it('opens the map with the bundled basemap, Chinese labels from the bundled font and the engine-binned heatmap', async () => {
    const { page } = app;
    // The demo project is generated when browser mode starts (slow on a busy machine).
    await page.getByTestId('nav-map').waitFor({ timeout: 240_000 });
    await page.getByTestId('nav-map').click();
    await page.getByTestId('screen-map').waitFor();
    await expect.poll(() => page.getByTestId('map-located').innerText(), { timeout: 30_000 }).toMatch(/\d/);
    await mapIdle(page);
    // The labels' font is the bundled one (loaded from the app), not a system font.
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = []; document.fonts.forEach((f) => { faces.push(f); });
      return faces.some((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);
    expect(await canvasColours(page)).toBeGreaterThan(8);
    await shot(page, 'map-heatmap');
  }, 300_000);

  it('puts the heatmap (a custom WebGL layer) in the user\'s layer order below the labels, and follows its opacity slider', async () => {
    const { page } = app;
    type Heat = { opacity: number; drawn: number };
    const state = () => page.evaluate(() => {
      const m = (window as unknown as { __minshengMap: { getLayersOrder(): string[]; getLayer(id: string): { type: string; implementation?: Heat } | undefined } }).__minshengMap;
      const order = m.getLayersOrder();
      const heat = m.getLayer('d-heatmap');
      const firstLabel = order.indexOf('basemap-labels-anchor'); // the basemap's labels start here
      return { heat: order.indexOf('d-heatmap'), choropleth: order.indexOf('d-choropleth'), firstLabel, type: heat?.type, opacity: heat?.implementation?.opacity ?? null, drawn: heat?.implementation?.drawn ?? 0 };
    });
    await toggle(page, 'choropleth', true);
    await mapIdle(page);
    const s = await state();
    expect(s.type).toBe('custom');
    expect(s.drawn).toBeGreaterThan(0);
    // Default order: the heatmap under the choropleth, both under the labels.
    expect(s.heat).toBeGreaterThanOrEqual(0);
    expect(s.heat).toBeLessThan(s.choropleth);
    expect(s.choropleth).toBeLessThan(s.firstLabel);
    const up = page.locator('[data-testid="map-layer-heatmap"] button[aria-label="up"]');
    const down = page.locator('[data-testid="map-layer-heatmap"] button[aria-label="down"]');
    for (let i = 0; i < 3; i++) await up.click(); // above square, hex and choropleth
    await expect.poll(async () => { const t = await state(); return t.heat > t.choropleth && t.heat < t.firstLabel; }).toBe(true);
    // The opacity slider (0.1–1): a click at 30 % of its width sets about 0.37, and the layer draws with it.
    const before = (await state()).opacity!;
    const slider = page.locator('[data-testid="map-layer-heatmap"] .ant-slider');
    const sb = (await slider.boundingBox())!;
    await page.mouse.click(sb.x + sb.width * 0.3, sb.y + sb.height / 2);
    await expect.poll(async () => Math.abs((await state()).opacity! - 0.37) < 0.06).toBe(true);
    await page.mouse.click(sb.x + sb.width * ((before - 0.1) / 0.9), sb.y + sb.height / 2);
    await expect.poll(async () => Math.abs((await state()).opacity! - before) < 0.06).toBe(true);
    for (let i = 0; i < 3; i++) await down.click();
    await expect.poll(async () => { const t = await state(); return t.heat < t.choropleth; }).toBe(true);
    await toggle(page, 'choropleth', false);
    await mapIdle(page);
  }, 120_000);

  it('draws hexagon bins, a community choropleth and the kernel density surface', async () => {
    const { page } = app;
    const steps: [string, string, string, string][] = [
      ['heatmap', 'hex', '六边形', 'map-hexbins'], ['hex', 'choropleth', '分区统计', 'map-choropleth'], ['choropleth', 'density', '二次核', 'map-density'],
    ];
    for (const [off, on, legendText, name] of steps) {
      await toggle(page, off, false);
      await toggle(page, on, true);
      await mapIdle(page);
      await expect.poll(() => page.getByTestId('map-legend').innerText()).toContain(legendText);
      expect(await canvasColours(page)).toBeGreaterThan(6);
      await shot(page, name);
    }
    await toggle(page, 'density', false);
  }, 120_000);

  it('shows single requests when zoomed in and opens a popup with counts and records', async () => {
    const { page } = app;
    await toggle(page, 'hex', true);
    await page.evaluate(() => {
      const m = (window as unknown as { __minshengMap: { getCenter(): unknown; jumpTo(o: unknown): void } }).__minshengMap;
      m.jumpTo({ center: m.getCenter(), zoom: 14.2 });
    });
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('map-legend').innerText()).toContain('工单落点');
    await shot(page, 'map-points');
    // Click the middle of the map: a hexagon (or a point) there opens the popup.
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('map-info-count').waitFor({ timeout: 15_000 });
    await expect.poll(async () => page.locator('[data-testid="map-info-records"] .ant-list-item').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="map-info-records"] .ant-list-item').first().getByRole('button').click();
    await page.getByRole('dialog').filter({ hasText: '诉求内容' }).waitFor();
    await shot(page, 'map-popup');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-close').click();
    await toggle(page, 'hex', false);
  }, 120_000);

  it('plays time frames: the frame label and the map change', async () => {
    const { page } = app;
    const overview = await page.evaluate(() => {
      const m = (window as unknown as { __minshengMap: { setZoom(z: number): void } }).__minshengMap; m.setZoom(10.5); return true;
    });
    expect(overview).toBe(true);
    await toggle(page, 'heatmap', true);
    await page.getByTestId('time-play').click();
    await expect.poll(() => page.getByTestId('time-frame-label').innerText(), { timeout: 15_000 }).toMatch(/\d{4}-\d{2}-\d{2}/);
    const first = await page.getByTestId('time-frame-label').innerText();
    await expect.poll(() => page.getByTestId('time-frame-label').innerText(), { timeout: 20_000 }).not.toBe(first);
    await page.getByTestId('time-play').click();
    await mapIdle(page);
    await shot(page, 'map-time-frame');
    await page.getByRole('button', { name: /关闭时间帧/ }).click();
  }, 120_000);

  it('draws a circle, shows its statistics and filters everything to it', async () => {
    const { page } = app;
    await page.getByTestId('draw-mode').getByText('圆形').click();
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    const cx = box.x + box.width / 2; const cy = box.y + box.height / 2;
    await page.mouse.click(cx, cy);
    await page.mouse.move(cx + 120, cy, { steps: 4 });
    await page.mouse.click(cx + 120, cy);
    await page.getByTestId('map-info-count').waitFor({ timeout: 15_000 });
    const text = await page.getByTestId('map-info-count').innerText();
    expect(Number(text.replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    // The drawn circle stays outlined while its statistics show, moved out from under the drawer.
    const outline = () => page.evaluate(() => {
      const m = (window as unknown as { __minshengMap: import('maplibre-gl').Map }).__minshengMap;
      if (!m.getLayer('selection-area-line')) return null;
      const rect = m.getContainer().getBoundingClientRect();
      const drawer = document.querySelector('[data-testid="map-info"]')?.closest('.ant-drawer-content-wrapper')?.getBoundingClientRect();
      const pts = m.queryRenderedFeatures({ layers: ['selection-area-line'] })
        .flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : []) as [number, number][]);
      if (!pts.length || !drawer) return null;
      const xs = pts.map((p) => rect.left + m.project(p).x);
      return { left: Math.min(...xs), right: Math.max(...xs), drawerLeft: drawer.left, mapLeft: rect.left };
    });
    await expect.poll(async () => { const o = await outline(); return o !== null && o.right < o.drawerLeft && o.left > o.mapLeft; }, { timeout: 10_000 }).toBe(true);
    await mapIdle(page);
    await shot(page, 'map-area-stats');
    await page.getByTestId('apply-area').click();
    await expect.poll(() => page.getByTestId('clear-area').count()).toBe(1);
    // applied as the global filter: the selection outline gives way to the filter's
    expect(await page.evaluate(() => Boolean((window as unknown as { __minshengMap: import('maplibre-gl').Map }).__minshengMap.getLayer('selection-area-line')))).toBe(false);
    await page.getByTestId('clear-area').click();
  }, 120_000);

  it('exports a PNG with title, legend, scale bar and north arrow', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export').click()]);
    const file = path.join(SCREENSHOT_DIR, 'map-export.png');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(50_000);
  }, 60_000);

  it('loads an MBTiles basemap from disk (tiles through the engine API) and stays offline', async () => {
    const { page } = app;
    const file = path.join(app.dataDir, 'tiles.mbtiles');
    fs.mkdirSync(app.dataDir, { recursive: true });
    writeMbtiles(file);
    await page.getByTestId('basemap-path').fill(file);
    await page.getByTestId('basemap-add').click();
    await expect.poll(() => page.getByTestId('basemap-select').innerText(), { timeout: 15_000 }).toContain('测试瓦片');
    await mapIdle(page);
    // The heatmap is drawn again over the new basemap's tiles (a new style puts its layers above the old ones).
    await expect.poll(() => page.evaluate(() => {
      const m = (window as unknown as { __minshengMap: { getLayersOrder(): string[]; getLayer(id: string): { implementation?: { drawn: number } } | undefined } }).__minshengMap;
      const order = m.getLayersOrder();
      return order.indexOf('d-heatmap') > order.indexOf('base') && (m.getLayer('d-heatmap')?.implementation?.drawn ?? 0) > 0;
    }), { timeout: 15_000 }).toBe(true);
    await mapIdle(page);
    await shot(page, 'map-mbtiles');
    // The test's own pixel reads (canvasColours, the PNG export) make Chromium warn about readbacks.
    expect(app.consoleProblems.filter((p) => !/GPU stall due to ReadPixels|willReadFrequently/.test(p)).join('\n')).toBe('');
    const external = app.requests.filter((u) => !isLocalRequest(u, app.origin));
    expect(external).toEqual([]);
  }, 60_000);
});
